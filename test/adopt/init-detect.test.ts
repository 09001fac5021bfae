import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectCollection } from '../../src/adopt/detect-collection.js';
import { markdownFacts } from '../../src/adopt/detect-markdown-facts.js';
import { fittedConfig } from '../../src/adopt/fitted-config.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import { parseConfig } from '../../src/parse/config.js';
import { runCli } from '../cli/run-cli.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'runbook-init-detect-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function write(files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

/** An alert runbook as prometheus-operator writes them, with GOV.UK-style review keys. */
function alertRunbook(title: string): string {
  return [
    '---',
    `title: ${title}`,
    'weight: 20',
    'owner_slack: "#platform"',
    'last_reviewed_on: 2026-01-10',
    'review_in: 6 months',
    '---',
    '',
    `# ${title}`,
    '',
    '## Meaning',
    '',
    'The thing is down.',
    '',
    '## Impact',
    '',
    'Users see errors.',
    '',
    '## Diagnosis',
    '',
    '```sh',
    '# not a heading',
    'kubectl get pods',
    '```',
    '',
    '## How to fix',
    '',
    '1. Restart it.',
    '',
  ].join('\n');
}

const COLLECTION = {
  'README.md': '# Our repo\n',
  'docs/runbooks/README.md': '# Index\n',
  'docs/runbooks/api/ApiDown.md': alertRunbook('Api Down'),
  'docs/runbooks/api/ApiSlow.md': alertRunbook('Api Slow'),
  'docs/runbooks/db/DatabaseFull.md': alertRunbook('Database Full'),
  'docs/runbooks/db/DatabaseDown.md': alertRunbook('Database Down'),
  'docs/design.md': '# Design notes\n',
  'monitoring/rules.yaml': 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n',
  'node_modules/pkg/runbooks/Nope.md': '# vendored\n',
  'vendor/runbooks/Nope.md': '# vendored\n',
};

describe('runbook init in a repository that has runbooks', () => {
  it('finds them, says what it found, writes a config that fits and loads, and no example runbook', async () => {
    write(COLLECTION);
    const init = await runCli(['init'], folder);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Found 4 runbooks in docs/runbooks/ (a folder named runbooks/ holding 4 Markdown files).');
    expect(init.stdout).toContain('mapped: last_tested <- last_reviewed_on (4 files): reviewed is not tested');
    expect(init.stdout).toContain('runbook init in .: 3 written, 0 skipped');
    expect(existsSync(join(folder, 'runbooks'))).toBe(false);
    const text = readFileSync(join(folder, 'runbook.config.yaml'), 'utf8');
    const config = parseConfig(text, join(folder, 'runbook.config.yaml'));
    expect(config.root).toBe(join(folder, 'docs', 'runbooks'));
    expect(config.exclude).toEqual(['**/README.md']);
    expect(config.fields.last_tested).toBe('last_reviewed_on');
    expect(config.fields.review_every).toBe('review_in');
    expect(config.fields.owner).toBe('owner_slack');
    expect(config.extraKeys).toEqual(['weight']);
    expect(config.requiredSections).toEqual(['summary', 'impact', 'diagnosis', 'recovery']);
    expect(config.sectionAliases.get('how to fix')).toBe('recovery');
    expect(config.sectionAliases.has('not a heading')).toBe(false);
    expect(config.alerts.fromFileName).toBe(true);
    expect(config.alerts.rules).toEqual(['monitoring/rules.yaml']);
    expect(config.defaults).toEqual({ service: 'unassigned', severity: 'medium' });
    expect(text).toContain('# last_reviewed_on is reviewed is not tested');
    const check = await runCli(['check', '--no-cache', '--no-git', '--today', '2026-02-01'], folder);
    expect(check.stderr).toBe('');
    // The four runbooks and the rule file, whose alerts the runbooks' file names are matched against.
    expect(check.stdout).toContain('✖ 4 problems (0 errors, 4 warnings, 0 info) in 4 of 5 files');
    expect(check.stdout).toContain('Alert `ApiSlow` is not defined by any alert rule');
  });

  it('--dry-run prints the files and the config it would write, and writes nothing', async () => {
    write(COLLECTION);
    const before = readdirSync(folder, { recursive: true }).sort();
    const init = await runCli(['init', '--dry-run'], folder);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('runbook init --dry-run in .: 3 would be written, 0 skipped; nothing written');
    expect(init.stdout).toContain('  would write  runbook.config.yaml');
    expect(init.stdout).toContain('--- runbook.config.yaml (would be written) ---\n# runbook.config.yaml');
    expect(init.stdout).toContain('root: "docs/runbooks"');
    expect(readdirSync(folder, { recursive: true }).sort()).toEqual(before);
  });

  it('never overwrites: with a config already there it writes only what is missing and no example', async () => {
    write({ ...COLLECTION, 'runbook.config.yml': 'root: docs/runbooks\n' });
    const init = await runCli(['init'], folder);
    expect(init.code).toBe(0);
    expect(init.stdout).not.toContain('Found');
    expect(init.stdout).toContain('skipped  runbook.config.yaml (runbook.config.yml exists, left as it was)');
    expect(existsSync(join(folder, 'runbook.config.yaml'))).toBe(false);
    expect(existsSync(join(folder, 'runbooks'))).toBe(false);
    expect(readFileSync(join(folder, 'runbook.config.yml'), 'utf8')).toBe('root: docs/runbooks\n');
  });

  it('puts --base-url in the config, and refuses one that is not an absolute URL (exit 2, quoting it)', async () => {
    write(COLLECTION);
    const bad = await runCli(['init', '--base-url', 'runbooks.example.com'], folder);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--base-url `runbooks.example.com` is not an absolute http(s) URL');
    expect(existsSync(join(folder, 'runbook.config.yaml'))).toBe(false);
    const good = await runCli(['init', '--base-url', 'https://runbooks.example.com/ops/'], folder);
    expect(good.code).toBe(0);
    expect(parseConfig(readFileSync(join(folder, 'runbook.config.yaml'), 'utf8'), join(folder, 'runbook.config.yaml')).site.baseUrl).toBe('https://runbooks.example.com/ops/');
  });

  it('asks for the site URL when a person is at the terminal, and not on a dry run', async () => {
    write(COLLECTION);
    const questions: string[] = [];
    const io: Io = {
      cwd: folder,
      env: {},
      stdout: { write: () => undefined, isTTY: true },
      stderr: { write: () => undefined, isTTY: true },
      now: () => new Date('2026-11-27T12:00:00Z'),
      ask: (question) => {
        questions.push(question);
        return Promise.resolve('https://ops.example.org/');
      },
    };
    expect(await main(['init', '--dry-run'], io)).toBe(0);
    expect(questions).toEqual([]);
    expect(await main(['init'], io)).toBe(0);
    expect(questions).toHaveLength(1);
    expect(readFileSync(join(folder, 'runbook.config.yaml'), 'utf8')).toContain('  base_url: "https://ops.example.org/"');
  });

  it('in a folder with only a README keeps the starter files (config and example runbook)', async () => {
    write({ 'README.md': '# Hello\n' });
    const init = await runCli(['init'], folder);
    expect(init.stdout).not.toContain('Found');
    expect(init.stdout).toContain('4 written, 0 skipped');
    expect(existsSync(join(folder, 'runbooks', 'website-down.md'))).toBe(true);
  });

  it('--base-url in an empty folder sets base_url in the starter config', async () => {
    const init = await runCli(['init', '--base-url', 'https://runbooks.example.com/'], folder);
    expect(init.code).toBe(0);
    const text = readFileSync(join(folder, 'runbook.config.yaml'), 'utf8');
    expect(text).toContain('  base_url: "https://runbooks.example.com/"\n');
    expect(text).not.toContain('# base_url:');
    expect(parseConfig(text, join(folder, 'runbook.config.yaml')).site.baseUrl).toBe('https://runbooks.example.com/');
  });
});

describe('detection', () => {
  const head = (path: string, text: string) => ({ path, head: text });

  it('reads frontmatter keys and headings from the start of a file, not headings in code blocks, CRLF too', () => {
    const facts = markdownFacts('a.md', '---\r\ntitle: A\r\nowner: x\r\n  nested: y\r\n---\r\n# Title\r\n\r\n## Mitigation:\r\n~~~\r\n## nope\r\n~~~\r\n1. step\r\n');
    expect(facts).toEqual({ path: 'a.md', keys: ['title', 'owner'], title: 'Title', headings: ['mitigation'], numbered: ['mitigation'] });
  });

  it('without a folder named runbooks/, the root is the folder holding all the Markdown; the repository README is not part of it', () => {
    const collection = detectCollection([head('README.md', '# r'), head('ops/a/one.md', '# one'), head('ops/b/two.md', '# two')], [], []);
    expect(collection?.root).toBe('ops');
    expect(collection?.runbooks.map((file) => file.path)).toEqual(['ops/a/one.md', 'ops/b/two.md']);
  });

  it('excludes vendored folders found under the root', () => {
    const collection = detectCollection([head('one.md', '# one'), head('two.md', '# two')], [], ['dist', 'vendor']);
    expect(collection?.exclude).toEqual(['dist/**', 'vendor/**']);
  });

  it('turns no rule off, and says why a rule is a warning', () => {
    const collection = detectCollection([head('one.md', '# one\n\n## Fix\n\nprose'), head('two.md', '# two')], [], []);
    if (collection === undefined) throw new Error('expected a collection');
    const text = fittedConfig(collection, { version: '1.0.0', baseUrl: undefined });
    expect(text).not.toMatch(/: off$/m);
    expect(text).toMatch(/# Only 0 of 2 runbooks have frontmatter: a warning, not an error, until they do\.\n {2}frontmatter-missing: warning/);
    expect(text).toMatch(/no-recovery-steps: warning/);
    expect(() => parseConfig(text, join(folder, 'runbook.config.yaml'))).not.toThrow();
  });

  it('keeps names from files out of the YAML structure (a key or heading cannot add a line)', () => {
    const collection = detectCollection([head('a\nroot: x/one.md', '---\nweird: 1\n---\n## Fix\u0085x\n'), head('two.md', '---\nweird: 2\n---\n')], [], []);
    if (collection === undefined) throw new Error('expected a collection');
    const text = fittedConfig(collection, { version: '1.0.0', baseUrl: undefined });
    expect(parseConfig(text, join(folder, 'runbook.config.yaml')).extraKeys).toEqual(['weird']);
    expect(text.split('\n').filter((line) => line.startsWith('root:'))).toHaveLength(1);
  });
});

describe('check when the root matches no runbook', () => {
  it('says where the Markdown is and to run init --dry-run, on stderr, before the failure', async () => {
    write({ 'runbook.config.yaml': 'root: runbooks\n', 'runbooks/.keep': '', 'README.md': '# r\n', 'content/runbooks/a/One.md': '# One\n', 'content/runbooks/a/Two.md': '# Two\n', 'content/runbooks/b/Three.md': '# Three\n' });
    const check = await runCli(['check'], folder);
    expect(check.code).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe(
      'runbook: note: runbooks (the config\'s `root`) matches no runbook, but there is Markdown elsewhere, e.g. content/runbooks/a/One.md, content/runbooks/a/Two.md, …: run `runbook init --dry-run` to see a config that fits\n' +
        'runbook: no runbooks found in runbooks (include: **/*.md)\n',
    );
  });

  it('says nothing more when the only other Markdown is the README', async () => {
    write({ 'runbook.config.yaml': 'root: runbooks\n', 'README.md': '# r\n' });
    const check = await runCli(['check'], folder);
    expect(check.code).toBe(2);
    expect(check.stderr).not.toContain('note:');
  });
});
