import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * `runbook baseline` and `check` with a baseline, as scenarios: a small collection with known
 * problems, recorded, then edited; exact findings and exit codes at each step.
 */

const TODAY = ['--today', '2026-12-04'];

/** A runbook with the given frontmatter lines changed and `body` lines; complete unless told. */
function runbook(lastTested: string, body: readonly string[]): string {
  return ['---', 'title: Disk full', 'owner: platform', 'service: volumes', 'severity: low', `last_tested: ${lastTested}`, '---', ...body, ''].join('\n');
}

const DISK_BODY = ['## Summary', 'Volumes fill up; see [old notes](old-notes.md).', '', '## Impact', 'Writes fail.', '', '## Diagnosis', 'Run `df -h`.', '', '## Recovery', '1. Delete old logs.'];
const DB_BODY = ['## Summary', 'The database. See [disk](disk.md) and [the wiki](wiki.md).', '', '## Impact', 'No orders.', '', '## Diagnosis', 'Look.', '', '## Recovery', '1. Restart it.'];

const folders: string[] = [];

/** A temporary collection: a config with `root: runbooks`, a stale runbook with a broken link, and a never-tested one with another. */
function collection(config = 'root: runbooks\n'): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-baseline-'));
  folders.push(folder);
  write(folder, 'runbook.config.yaml', config);
  write(folder, 'runbooks/disk.md', runbook('2025-01-01', DISK_BODY));
  write(folder, 'runbooks/db.md', runbook('never', DB_BODY));
  return folder;
}

function write(folder: string, path: string, text: string): void {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

function edit(folder: string, path: string, change: (text: string) => string): void {
  write(folder, path, change(readFileSync(join(folder, path), 'utf8')));
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const KNOWN = [
  'runbooks/db.md:6:14: error Never tested: the recovery steps have not been exercised (never-tested)',
  'runbooks/db.md:9:39: error Broken link `wiki.md`: no file `wiki.md` (broken-link)',
  'runbooks/disk.md:6:14: error Stale: last tested 2025-01-01, due 2026-01-01 (every 1 year); 337 days overdue (stale)',
  'runbooks/disk.md:9:22: error Broken link `old-notes.md`: no file `old-notes.md` (broken-link)',
];

function lines(text: string): readonly string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('runbook baseline, then check', () => {
  it('records every problem, after which check holds them back and exits 0', async () => {
    const folder = collection();
    const before = await runCli(['check', '-f', 'concise', ...TODAY], folder);
    expect([before.code, lines(before.stdout)]).toEqual([1, KNOWN]);

    const recorded = await runCli(['baseline', ...TODAY], folder);
    expect(recorded).toEqual({ code: 0, stdout: 'wrote runbook-baseline.json: 4 known problems in 4 entries (2 time-based, the first expiring on 2027-03-04)\n', stderr: '' });
    const file = readFileSync(join(folder, 'runbook-baseline.json'), 'utf8');
    expect(lines(file).filter((line) => line.includes('"file"')).map((line) => /"rule":"([^"]+)"/.exec(line)?.[1])).toEqual(['broken-link', 'never-tested', 'broken-link', 'stale']);

    const after = await runCli(['check', ...TODAY], folder);
    expect(after).toEqual({ code: 0, stdout: '✔ 2 files checked, no problems\n4 known problems held back by runbook-baseline.json\n', stderr: '' });
    const concise = await runCli(['check', '-f', 'concise', ...TODAY], folder);
    expect(concise).toEqual({ code: 0, stdout: '4 known problems held back by runbook-baseline.json\n', stderr: '' });
  });

  it('fails on one new broken link with exactly that finding, and keeps a finding matched after an edit above it', async () => {
    const folder = collection();
    await runCli(['baseline', ...TODAY], folder);
    edit(folder, 'runbooks/disk.md', (text) => text.replace('## Summary\n', '## Summary\nA new first line.\n\n').replace('Writes fail.', 'Writes fail; see [the new page](new-page.md).'));
    const result = await runCli(['check', '-f', 'concise', ...TODAY], folder);
    expect(result).toEqual({
      code: 1,
      stdout: 'runbooks/disk.md:14:18: error Broken link `new-page.md`: no file `new-page.md` (broken-link)\n4 known problems held back by runbook-baseline.json\n',
      stderr: '',
    });
  });

  it('reports a fixed problem\'s entry as no longer matching (exit unchanged), and --prune removes it and adds nothing', async () => {
    const folder = collection();
    await runCli(['baseline', ...TODAY], folder);
    const recorded = readFileSync(join(folder, 'runbook-baseline.json'), 'utf8');
    edit(folder, 'runbooks/db.md', (text) => text.replace(' and [the wiki](wiki.md)', ''));
    edit(folder, 'runbooks/disk.md', (text) => text.replace('Writes fail.', 'Writes fail; see [the new page](new-page.md).'));
    const check = await runCli(['check', ...TODAY], folder);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/\n3 known problems held back by runbook-baseline.json\n1 baseline entry no longer matches: run `runbook baseline --prune`\n$/);

    const pruned = await runCli(['baseline', '--prune', ...TODAY], folder);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/^runbook-baseline.json: 1 entry no longer matches \(fixed\), pruned:\n {2}runbooks\/db.md {2}broken-link {2}[0-9a-f]{16} {2}1 of 1 no longer found\n$/);
    const after = readFileSync(join(folder, 'runbook-baseline.json'), 'utf8');
    const entries = (text: string): readonly string[] => lines(text).filter((line) => line.startsWith('    {')).map((line) => line.trim().replace(/,$/, ''));
    expect(entries(after)).toEqual(entries(recorded).filter((line) => !line.startsWith('{"file":"runbooks/db.md","rule":"broken-link"')));
    expect(entries(after)).toHaveLength(3);
    const again = await runCli(['baseline', '--prune', ...TODAY], folder);
    expect(again).toEqual({ code: 0, stdout: 'runbook-baseline.json: every entry still matches a problem; nothing to prune\n', stderr: '' });
  });

  it('holds a time-based finding back the day before its expiry and counts it again on the expiry date', async () => {
    const folder = collection();
    await runCli(['baseline', ...TODAY], folder);
    const dayBefore = await runCli(['check', '-f', 'concise', '--today', '2027-03-03'], folder);
    expect(dayBefore).toEqual({ code: 0, stdout: '4 known problems held back by runbook-baseline.json\n', stderr: '' });
    const dueDay = await runCli(['check', '-f', 'concise', '--today', '2027-03-04'], folder);
    expect(dueDay).toEqual({
      code: 1,
      stdout: [
        'runbooks/db.md:6:14: error Never tested: the recovery steps have not been exercised (never-tested)',
        'runbooks/disk.md:6:14: error Stale: last tested 2025-01-01, due 2026-01-01 (every 1 year); 427 days overdue (stale)',
        '2 known problems held back by runbook-baseline.json',
        '2 known problems count again: their entries in runbook-baseline.json expired',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('keeps an entry\'s expiry when recorded again, and gives a new one a fresh expiry', async () => {
    const folder = collection();
    await runCli(['baseline', ...TODAY], folder);
    edit(folder, 'runbooks/db.md', (text) => text.replace('last_tested: never', 'last_tested: 2025-02-01'));
    const again = await runCli(['baseline', '--today', '2027-01-10'], folder);
    expect(again.stdout).toBe('wrote runbook-baseline.json: 4 known problems in 4 entries (2 time-based, the first expiring on 2027-03-04); 1 new, 1 gone since the last record\n');
    const expiries = lines(readFileSync(join(folder, 'runbook-baseline.json'), 'utf8')).flatMap((line) => /"rule":"(\w+)".*"expires":"([\d-]+)"/.exec(line)?.slice(1) ?? []);
    expect(expiries).toEqual(['stale', '2027-04-10', 'stale', '2027-03-04']);
  });

  it('with paths, records again only the entries of those files', async () => {
    const folder = collection();
    await runCli(['baseline', ...TODAY], folder);
    edit(folder, 'runbooks/db.md', (text) => text.replace(' and [the wiki](wiki.md)', ''));
    edit(folder, 'runbooks/disk.md', (text) => text.replace('Writes fail.', 'Writes fail; see [the new page](new-page.md).'));
    const partial = await runCli(['baseline', 'runbooks/db.md', ...TODAY], folder);
    expect(partial.stdout).toBe('wrote runbook-baseline.json: 1 known problem in 3 entries (2 time-based, the first expiring on 2027-03-04); 0 new, 1 gone since the last record\n');
    const check = await runCli(['check', '-f', 'concise', ...TODAY], folder);
    expect(check).toEqual({
      code: 1,
      stdout: 'runbooks/disk.md:12:18: error Broken link `new-page.md`: no file `new-page.md` (broken-link)\n3 known problems held back by runbook-baseline.json\n',
      stderr: '',
    });
  });

  it('reads the baseline named by the config, and ignores it with --no-baseline', async () => {
    const folder = collection('root: runbooks\nbaseline:\n  file: ci/known.json\n  expire_after: 1 week\n');
    const recorded = await runCli(['baseline', ...TODAY], folder);
    expect(recorded.stdout).toBe('wrote ci/known.json: 4 known problems in 4 entries (2 time-based, the first expiring on 2026-12-11)\n');
    expect(readFileSync(join(folder, 'ci/known.json'), 'utf8')).toContain('{"file":"runbooks/disk.md","rule":"stale"');
    expect((await runCli(['check', ...TODAY], folder)).code).toBe(0);
    const everything = await runCli(['check', '--no-baseline', '-f', 'concise', ...TODAY], folder);
    expect([everything.code, lines(everything.stdout)]).toEqual([1, KNOWN]);
  });

  it('reports only new findings in JSON (notes on stderr), and held-back ones as suppressed in SARIF', async () => {
    const folder = collection();
    await runCli(['baseline', ...TODAY], folder);
    edit(folder, 'runbooks/disk.md', (text) => text.replace('Writes fail.', 'Writes fail; see [the new page](new-page.md).'));
    const json = await runCli(['check', '-f', 'json', ...TODAY], folder);
    const report = JSON.parse(json.stdout) as { summary: { errors: number }; files: { diagnostics: { message: string }[] }[] };
    expect([json.code, report.summary.errors, report.files.flatMap((file) => file.diagnostics.map((diagnostic) => diagnostic.message))]).toEqual([1, 1, ['Broken link `new-page.md`: no file `new-page.md`']]);
    expect(json.stderr).toBe('runbook: 4 known problems held back by runbook-baseline.json\n');
    const sarif = await runCli(['check', '-f', 'sarif', ...TODAY], folder);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string }; suppressions?: { kind: string }[] }[] }[] };
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => result.suppressions?.[0]?.kind ?? 'open')).toEqual(['external', 'external', 'external', 'external', 'open']);
    expect(sarif.code).toBe(1);
  });

  it('refuses a broken baseline file with exit 2, its path and the problem', async () => {
    const folder = collection();
    write(folder, 'runbook-baseline.json', '{"version": 1, "entries": [{"file": "runbooks/db.md", "rule": "stale", "fingerprint": "nope"}]}\n');
    const check = await runCli(['check', ...TODAY], folder);
    expect(check).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'runbook: invalid baseline runbook-baseline.json:\n  entries[0].fingerprint: expected 16 lowercase hex digits, found `"nope"`\n' +
        'Fix it, or delete it and record it again with `runbook baseline`; `check --no-baseline` ignores it.\n',
    });
    expect((await runCli(['baseline', ...TODAY], folder)).code).toBe(2);
    expect((await runCli(['check', '--no-baseline', ...TODAY], folder)).code).toBe(1);
  });

  it('refuses a baseline file outside the repository (a hostile config must not read or write elsewhere)', async () => {
    const folder = collection('root: runbooks\nbaseline:\n  file: ../elsewhere.json\n');
    const result = await runCli(['baseline', ...TODAY], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('runbook.config.yaml:3:9: `baseline.file` is `../elsewhere.json`, outside the repository');
  });

  it('does not record info findings (they never fail a run), and check still shows them', async () => {
    const folder = collection('root: runbooks\nrules:\n  broken-link: info\n');
    const recorded = await runCli(['baseline', ...TODAY], folder);
    expect(recorded.stdout).toBe('wrote runbook-baseline.json: 2 known problems in 2 entries (2 time-based, the first expiring on 2027-03-04)\n');
    const check = await runCli(['check', '-f', 'concise', ...TODAY], folder);
    expect([check.code, lines(check.stdout)]).toEqual([
      0,
      [
        'runbooks/db.md:9:39: info Broken link `wiki.md`: no file `wiki.md` (broken-link)',
        'runbooks/disk.md:9:22: info Broken link `old-notes.md`: no file `old-notes.md` (broken-link)',
        '2 known problems held back by runbook-baseline.json',
      ],
    ]);
  });

  it('cannot prune a baseline that does not exist', async () => {
    const folder = collection();
    expect(await runCli(['baseline', '--prune', ...TODAY], folder)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'runbook: cannot prune runbook-baseline.json: there is no such file (record one with `runbook baseline`)\n',
    });
  });
});
