import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { toolInfo } from '../../src/cli/version.js';
import { parseConfig } from '../../src/parse/config.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT, sharedAvailable } from '../shared.js';
import { corpusCopies } from './corpus-copy.js';

/**
 * Adopting each shared corpus end to end, as #12's acceptance says: in a fresh git copy, `init`
 * writes the config reviewed in test/adopt/golden-init/ (`UPDATE_GOLDEN=1` rewrites them: read the
 * diff before committing), which loads; `check` then checks every runbook of the collection (every
 * Markdown file under the root but READMEs and index pages); `baseline` makes it exit 0; one new broken
 * link in one file fails it with exactly that finding; fixing a baselined problem is reported as an
 * entry `--prune` removes.
 */
const CORPORA = [
  { name: 'prometheus-operator__runbooks', runbooks: 108, root: 'content/runbooks' }, // 117 Markdown files, 9 of them Hugo's _index.md
  { name: 'alphagov__govuk-developer-docs', runbooks: 212, root: 'source/manual' },
  { name: 'mattrussi__gitlab-com-runbooks', runbooks: 348, root: '.' }, // 430 Markdown files, 82 READMEs and one index.md
  { name: 'kubernetes-monitoring__kubernetes-mixin', runbooks: 1, root: '.' },
  { name: 'SkeltonThatcher__run-book-template', runbooks: 1, root: '.' },
] as const;
const GOLDEN = join(PROJECT_ROOT, 'test', 'adopt', 'golden-init');
const update = process.env.UPDATE_GOLDEN === '1';

/** Markdown files under `folder` (recursively), as paths relative to it. */
function markdownUnder(folder: string): readonly string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.md(?:\.erb)?$/.test(entry.name) && !entry.parentPath.includes('.git'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `init` in `folder`: what it says, and the config it writes, as reviewed. */
async function initAsReviewed(folder: string, corpus: (typeof CORPORA)[number]): Promise<void> {
  const init = await run(['init'], folder);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  expect(init.stdout).toContain(`Found ${String(corpus.runbooks)} runbook`);
  expect(init.stdout).toContain('wrote    runbook.config.yaml');
  expect(init.stdout).not.toContain('runbooks/website-down.md');
  expect(existsSync(join(folder, 'runbooks', 'website-down.md'))).toBe(false);
  expect(init.stdout).toContain('then `runbook baseline`');

  const text = readFileSync(join(folder, 'runbook.config.yaml'), 'utf8');
  const config = parseConfig(text, join(folder, 'runbook.config.yaml'), { ruleIds: RULES.map((rule) => rule.id) });
  expect(config.root).toBe(join(folder, corpus.root));
  const golden = join(GOLDEN, `${corpus.name}.yaml`);
  const shown = text.replaceAll(`runbook ${toolInfo().version}`, 'runbook VERSION');
  if (update || !existsSync(golden)) {
    writeFileSync(golden, shown);
    if (!update) throw new Error(`wrote the missing golden file ${golden}: review it, then run the tests again`);
  }
  expect(shown).toBe(readFileSync(golden, 'utf8'));
  const underRoot = markdownUnder(join(folder, corpus.root)).filter((path) => !/\/(?:README|_index|index)\.md$/.test(path));
  expect(underRoot).toHaveLength(corpus.runbooks);
}

interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  readonly message: string;
}
interface JsonReport {
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number };
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly JsonDiagnostic[] }[];
}

const available = sharedAvailable();
const { gitCopy, removeAll } = corpusCopies('runbook-adopt-corpus-');
/** A cache outside every copy, as CI keeps it: each step re-parses only the files it changed. */
const cache = mkdtempSync(join(tmpdir(), 'runbook-adopt-cache-'));
afterAll(() => {
  removeAll();
  rmSync(cache, { recursive: true, force: true });
});

function run(argv: readonly string[], folder: string): ReturnType<typeof runCli> {
  return runCli(argv, folder, { RUNBOOK_CACHE_DIR: cache });
}

async function jsonCheck(folder: string, ...options: string[]): Promise<{ readonly code: number; readonly report: JsonReport }> {
  const result = await run(['check', '--format', 'json', ...options], folder);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
}

function edit(folder: string, file: string, change: (text: string) => string): () => void {
  const path = join(folder, file);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, change(before));
  return () => {
    writeFileSync(path, before);
  };
}

/** Fixes one known problem the way its author would, or says none of these kinds is there. */
function fixOne(folder: string, diagnostics: readonly JsonDiagnostic[]): string {
  const link = diagnostics.find((diagnostic) => diagnostic.ruleId === 'broken-link');
  if (link !== undefined) {
    edit(folder, link.file, (text) => text.split('\n').map((line, index) => (index === link.line - 1 ? '' : line)).join('\n'));
    return `the line of ${link.file}:${String(link.line)} with a broken link removed`;
  }
  const untested = diagnostics.find((diagnostic) => diagnostic.ruleId === 'required-field' && diagnostic.message.includes('last_tested'));
  if (untested !== undefined) {
    edit(folder, untested.file, (text) => text.replace(/^---\r?\n/, '---\nlast_tested: 2026-11-20\n'));
    return `last_tested added to ${untested.file}`;
  }
  const bare = diagnostics.find((diagnostic) => diagnostic.ruleId === 'frontmatter-missing');
  if (bare !== undefined) {
    edit(folder, bare.file, (text) => `---\ntitle: Adopted\nlast_tested: 2026-11-20\n---\n${text}`);
    return `frontmatter added to ${bare.file}`;
  }
  throw new Error(`no known problem of a kind this test can fix among ${String(diagnostics.length)}`);
}

describe.skipIf(!available)('adopting the shared corpora: init, check, baseline, a new problem, a fixed one', () => {
  for (const corpus of CORPORA) {
    it(`${corpus.name}: ${String(corpus.runbooks)} runbooks checked; green with the baseline; one new broken link fails with exactly that finding; a fix is pruned`, async () => {
      const folder = gitCopy(corpus.name);
      await initAsReviewed(folder, corpus);

      const adopted = await jsonCheck(folder, '--no-baseline');
      expect(adopted.report.summary.files).toBe(corpus.runbooks);
      const known = adopted.report.files.flatMap((file) => file.diagnostics);
      expect(known.length).toBeGreaterThan(0);

      const recorded = await run(['baseline'], folder);
      expect(recorded.stderr).toBe('');
      expect(recorded.code).toBe(0);
      const green = await run(['check'], folder);
      expect(green.code).toBe(0);
      expect(green.stdout).toMatch(/known problems? held back by runbook-baseline\.json/);

      const target = adopted.report.files[0]?.file ?? '';
      const undo = edit(folder, target, (text) => `${text}\n\nSee [the new page](adopt-no-such-page.md).\n`);
      const broken = await jsonCheck(folder);
      expect(broken.code).toBe(1);
      const found = broken.report.files.flatMap((file) => file.diagnostics);
      expect(found.map((diagnostic) => [diagnostic.file, diagnostic.ruleId, diagnostic.message])).toEqual([
        [target, 'broken-link', 'Broken link `adopt-no-such-page.md`: no file `adopt-no-such-page.md`'],
      ]);
      undo();

      const fixed = fixOne(folder, known);
      const after = await run(['check'], folder);
      expect(after.code, fixed).toBe(0);
      expect(after.stdout, fixed).toMatch(/baseline (?:entry|entries) no longer match(?:es)?: run `runbook baseline --prune`/);
      const pruned = await run(['baseline', '--prune'], folder);
      expect(pruned.code).toBe(0);
      const clean = await run(['check'], folder);
      expect(clean.code).toBe(0);
      expect(clean.stdout).not.toMatch(/no longer match/);
    }, 120_000);
  }
});
