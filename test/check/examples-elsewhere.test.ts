/**
 * The ok and not-ok examples of the rules whose input is no runbook text (`examples: { testedIn }`):
 * bytes that are not UTF-8, a crash, git facts, and globs over the disk. Each not-ok case asserts
 * the exact (rule id, place) of every diagnostic of its rule; each ok case asserts none.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuleContext } from '../../src/check/rule.js';
import { runChecks, type ReadResult } from '../../src/check/run.js';
import type { CalendarDate } from '../../src/model/calendar-date.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { GitFacts } from '../../src/model/git-facts.js';
import type { JsonReport } from '../../src/report/json.js';
import { defaultConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { runCli } from '../cli/run-cli.js';
import { mustDate, TODAY } from '../helpers.js';
import { cleanRunbook, makeProject } from '../reliability/hostile-project.js';

/** `example.md` read from `bytes`. */
function read(bytes: Uint8Array): ReadResult {
  return parseRunbook({ id: 'example', file: 'example.md', path: '/runbooks/example.md', bytes }, defaultConfig('/runbooks'));
}

/** Where the diagnostics of `ruleId` start, as `file:line:column rule-id`, when `results` are checked with `git`. */
function placesOf(ruleId: string, results: readonly ReadResult[], git: GitFacts = { kind: 'none' }): readonly string[] {
  const context: RuleContext = { config: defaultConfig('/runbooks'), today: TODAY, git, existingFiles: new Set(), rootLabel: 'runbooks' };
  return runChecks(results, context).filter((diagnostic) => diagnostic.ruleId === ruleId).map(placeOf);
}

function placeOf(diagnostic: Pick<Diagnostic, 'file' | 'ruleId' | 'span'>): string {
  return `${diagnostic.file}:${diagnostic.span.start.line}:${diagnostic.span.start.column} ${diagnostic.ruleId}`;
}

const TESTED = '---\ntitle: Disk full\nlast_tested: 2026-11-01\n---\n# Disk full\n';

/** Git facts of a full clone where `example.md` was last edited on `edited`. */
function editedOn(edited: CalendarDate): GitFacts {
  return { kind: 'repository', shallow: false, lastEdited: new Map([['/runbooks/example.md', edited]]) };
}

describe("rule 'unreadable-file'", () => {
  it('passes UTF-8 text', () => {
    expect(placesOf('unreadable-file', [read(new TextEncoder().encode(TESTED))])).toEqual([]);
  });

  it('reports a byte that is not UTF-8 where it is', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: Disk full\n---\nFull dis'), 0xff, 0x0a]);
    expect(placesOf('unreadable-file', [read(bytes)])).toEqual(['example.md:4:9 unreadable-file']);
  });
});

describe("rule 'internal-error'", () => {
  it('passes a file that was read', () => {
    expect(placesOf('internal-error', [read(new TextEncoder().encode(TESTED))])).toEqual([]);
  });

  it('reports a file whose reading crashed at its start, and checks the others', () => {
    const results: ReadResult[] = [{ kind: 'crashed', file: 'crashed.md', error: new Error('boom') }, read(new TextEncoder().encode('# No frontmatter\n'))];
    expect(placesOf('internal-error', results)).toEqual(['crashed.md:1:1 internal-error']);
    expect(placesOf('frontmatter-missing', results)).toEqual(['example.md:1:1 frontmatter-missing']);
  });
});

describe("rule 'edited-after-test'", () => {
  const results = [read(new TextEncoder().encode(TESTED))];

  it('passes a runbook last edited before its test, or on the same day', () => {
    expect(placesOf('edited-after-test', results, editedOn(mustDate('2026-10-20')))).toEqual([]);
    expect(placesOf('edited-after-test', results, editedOn(mustDate('2026-11-01')))).toEqual([]);
  });

  it('reports a runbook edited after its test at its `last_tested`', () => {
    expect(placesOf('edited-after-test', results, editedOn(mustDate('2026-11-02')))).toEqual(['example.md:3:14 edited-after-test']);
  });
});

describe("rule 'shallow-clone'", () => {
  const results = [read(new TextEncoder().encode(TESTED))];

  it('passes a full clone', () => {
    expect(placesOf('shallow-clone', results, { kind: 'repository', shallow: false, lastEdited: new Map() })).toEqual([]);
  });

  it('reports a shallow clone once, on the runbooks root', () => {
    expect(placesOf('shallow-clone', results, { kind: 'repository', shallow: true, lastEdited: new Map() })).toEqual(['runbooks:1:1 shallow-clone']);
  });
});

describe("rule 'alert-rules-not-found'", () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  /** `check` over a project whose config reads `alerts/*.yml`, with or without a rule file there. */
  async function check(withRuleFile: boolean): Promise<readonly string[]> {
    const folder = makeProject({ 'runbooks/disk.md': cleanRunbook({ extra: ['alerts: [DiskFull]'] }) }, 'root: runbooks\nalerts:\n  rules: ["alerts/*.yml"]\n');
    folders.push(folder);
    if (withRuleFile) {
      mkdirSync(join(folder, 'alerts'));
      writeFileSync(join(folder, 'alerts', 'disk.yml'), 'groups:\n  - name: disk\n    rules:\n      - alert: DiskFull\n        expr: up == 0\n');
    }
    const result = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git', '--no-cache'], folder);
    expect(result.code, result.stderr).not.toBe(2);
    // Test-side read of our own output; json.test.ts validates the shape against its schema.
    const report = JSON.parse(result.stdout) as JsonReport;
    return report.files
      .flatMap((file) => file.diagnostics)
      .filter((diagnostic) => diagnostic.ruleId === 'alert-rules-not-found')
      .map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`);
  }

  it('passes a glob that matches a rule file', async () => {
    expect(await check(true)).toEqual([]);
  });

  it('reports a glob that matches no file on the config file', async () => {
    expect(await check(false)).toEqual(['runbook.config.yaml:1:1 alert-rules-not-found']);
  });
});
