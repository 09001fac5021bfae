import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readProjectInputs } from '../../src/io/project-inputs.js';
import { runbookDrills } from '../../src/view/drills.js';
import { TODAY } from '../helpers.js';
import { loadProject } from '../load-project.js';
import { runCli } from '../cli/run-cli.js';

/*
 * Drill records through the whole run: read from the drills folder, never taken for runbooks,
 * part of the run's key, checked by drill-failed and unrecorded-test, and reported on their own
 * files in every output format.
 */

const folders: string[] = [];

function tempFolder(files: Readonly<Record<string, string>>): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-drills-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) write(folder, path, text);
  return folder;
}

function write(folder: string, path: string, text: string): void {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function runbook(severity: string, lastTested: string): string {
  return `---\ntitle: T\nowner: ops\nservice: s\nseverity: ${severity}\nlast_tested: ${lastTested}\nescalation: [{name: Ops, via: pager, target: ops}]\n---\n# T\n\n## Summary\n\nS.\n\n## Impact\n\nI.\n\n## Diagnosis\n\nD.\n\n## Recovery\n\n1. Restart it.\n\n## Escalation\n\nCall ops.\n`;
}

function record(id: string, started: string, outcome: 'recovered' | 'failed' | 'aborted'): string {
  const ended = new Date(Date.parse(started) + 600_000).toISOString().replace('.000Z', 'Z');
  return `---\nrunbook: ${id}\nstarted: ${started}\nended: ${ended}\noutcome: ${outcome}\n${outcome === 'recovered' ? 'time_to_recover_seconds: 600\n' : ''}steps: []\n---\n# Drill\n`;
}

/** A collection: the config, two runbooks under `runbooks/`, drill records under `drills/` beside them. */
function collection(records: Readonly<Record<string, string>>, config = 'root: runbooks\n'): string {
  return tempFolder({
    'runbook.config.yaml': config,
    'runbooks/db.md': runbook('critical', '2026-11-02'),
    'runbooks/web.md': runbook('low', '2026-11-02'),
    ...records,
  });
}

const FAILED_BOTH = {
  'drills/db/2026-11-02.md': record('db', '2026-11-02T09:00:00Z', 'recovered'),
  'drills/db/2026-11-20.md': record('db', '2026-11-20T09:00:00Z', 'failed'),
  'drills/db/2026-11-21.md': record('db', '2026-11-21T09:00:00Z', 'aborted'),
  'drills/web/2026-11-02.md': record('web', '2026-11-02T09:00:00Z', 'failed'),
};

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly severity: string;
}

async function jsonFindings(folder: string, ...args: string[]): Promise<{ readonly code: number; readonly findings: readonly string[] }> {
  const result = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git', ...args], folder);
  const parsed = JSON.parse(result.stdout) as { readonly files: readonly { readonly diagnostics: readonly JsonFinding[] }[] };
  return { code: result.code, findings: parsed.files.flatMap((file) => file.diagnostics).map((d) => `${d.file}:${String(d.line)}:${String(d.column)} ${d.ruleId} ${d.severity}`) };
}

describe('runbook check over a collection with drill records', () => {
  it('reports a failed drill not recovered since at last_tested: an error for a critical runbook, a warning for a low one; exits 1', async () => {
    const folder = collection(FAILED_BOTH);
    const pretty = await runCli(['check', '--today', '2026-11-27', '--no-git'], folder);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain('The last drill failed (`drills/db/2026-11-20.md`, 2026-11-20) and no drill recovered since');
    expect(pretty.stdout).toContain('The last drill failed (`drills/web/2026-11-02.md`, 2026-11-02)');
    expect(await jsonFindings(folder)).toEqual({ code: 1, findings: ['runbooks/db.md:6:14 drill-failed error', 'runbooks/web.md:6:14 drill-failed warning'] });
  });

  it('lets the config lower every drill-failed finding, or turn them off', async () => {
    expect((await jsonFindings(collection(FAILED_BOTH, 'root: runbooks\nrules: {drill-failed: warning}\n'))).findings).toEqual([
      'runbooks/db.md:6:14 drill-failed warning',
      'runbooks/web.md:6:14 drill-failed warning',
    ]);
    expect(await jsonFindings(collection(FAILED_BOTH, 'root: runbooks\nrules: {drill-failed: off}\n'))).toEqual({ code: 0, findings: [] });
  });

  it('with drills.require_record, reports a last_tested date without a recovered record that day', async () => {
    const folder = collection({ 'drills/db/2026-11-02.md': record('db', '2026-11-02T23:59:59Z', 'recovered') }, 'root: runbooks\ndrills: {require_record: true}\n');
    expect(await jsonFindings(folder)).toEqual({ code: 1, findings: ['runbooks/web.md:6:14 unrecorded-test error'] });
  });

  it('sorts Project.drills by runbook then start, and keeps the folder of records out of the runbooks when it is inside root', async () => {
    const folder = tempFolder({
      'db.md': runbook('critical', '2026-11-02'),
      'drills/db/2026-11-20.md': record('db', '2026-11-20T09:00:00Z', 'recovered'),
      'drills/db/2026-11-02.md': record('db', '2026-11-02T09:00:00Z', 'recovered'),
      'drills/db/2026-11-01.md': record('db', '2026-11-01T09:00:00Z', 'aborted'),
    });
    const project = await loadProject({ cwd: folder, paths: [], config: undefined, today: TODAY, git: false });
    expect(project.found.map((file) => file.id)).toEqual(['db']);
    expect(project.drills.map((drill) => `${drill.record.runbook} ${drill.record.started} ${drill.file}`)).toEqual([
      'db 2026-11-01T09:00:00Z drills/db/2026-11-01.md',
      'db 2026-11-02T09:00:00Z drills/db/2026-11-02.md',
      'db 2026-11-20T09:00:00Z drills/db/2026-11-20.md',
    ]);
    // A record named on the command line is not a runbook either.
    const named = await loadProject({ cwd: folder, paths: ['db.md', 'drills/db/2026-11-02.md'], config: undefined, today: TODAY, git: false });
    expect(named.found.map((file) => file.file)).toEqual(['db.md']);
  });

  it('orders records that started at the same second by their number of the day (none, -2, -9, -10), and drill-failed and the site agree on the latest', async () => {
    const at = '2026-11-02T09:00:00Z';
    const day = (last: 'recovered' | 'failed', before: 'recovered' | 'failed') => ({
      'drills/db/2026-11-02.md': record('db', at, 'recovered'),
      'drills/db/2026-11-02-2.md': record('db', at, 'recovered'),
      'drills/db/2026-11-02-9.md': record('db', at, before),
      'drills/db/2026-11-02-10.md': record('db', at, last),
    });
    const failedLast = collection(day('failed', 'recovered'));
    const project = await loadProject({ cwd: failedLast, paths: [], config: undefined, today: TODAY, git: false });
    expect(project.drills.map((drill) => drill.file)).toEqual(['drills/db/2026-11-02.md', 'drills/db/2026-11-02-2.md', 'drills/db/2026-11-02-9.md', 'drills/db/2026-11-02-10.md']);
    expect(runbookDrills(project.drills).latest?.file).toBe('drills/db/2026-11-02-10.md');
    expect(project.diagnostics.filter((d) => d.ruleId === 'drill-failed').map((d) => d.message)).toEqual([expect.stringContaining('`drills/db/2026-11-02-10.md`') as unknown]);
    const recoveredLast = await loadProject({ cwd: collection(day('recovered', 'failed')), paths: [], config: undefined, today: TODAY, git: false });
    expect(runbookDrills(recoveredLast.drills).latest?.outcome).toBe('recovered');
    expect(recoveredLast.diagnostics.filter((d) => d.ruleId === 'drill-failed')).toEqual([]);
  });

  it('reads no symlinked folder and no symlinked file leading out of the drills folder', async () => {
    const folder = collection({ 'outside/2026-11-20.md': record('db', '2026-11-20T09:00:00Z', 'failed'), 'outside/db/2026-11-21.md': record('db', '2026-11-21T09:00:00Z', 'failed') });
    mkdirSync(join(folder, 'drills', 'db'), { recursive: true });
    symlinkSync(join(folder, 'outside', '2026-11-20.md'), join(folder, 'drills', 'db', '2026-11-20.md'));
    symlinkSync(join(folder, 'outside', 'db'), join(folder, 'drills', 'web'));
    expect(await jsonFindings(folder)).toEqual({ code: 0, findings: [] });
  });

  it('reports a drills folder that is a symlink, and does not follow it', async () => {
    const folder = collection({ 'elsewhere/db/2026-11-20.md': record('db', '2026-11-20T09:00:00Z', 'failed') });
    symlinkSync(join(folder, 'elsewhere'), join(folder, 'drills'));
    expect(await jsonFindings(folder)).toEqual({ code: 1, findings: ['drills:1:1 unreadable-file error'] });
  });

  it('reports a record over the size cap on its file, with its path in sarif and gitlab', async () => {
    const folder = collection({ 'drills/db/2026-11-20.md': `${record('db', '2026-11-20T09:00:00Z', 'failed')}${'x'.repeat(1024 * 1024)}\n` });
    expect(await jsonFindings(folder)).toEqual({ code: 1, findings: ['drills/db/2026-11-20.md:1:1 unreadable-file error'] });
    const sarif = await runCli(['check', '--format', 'sarif', '--today', '2026-11-27', '--no-git'], folder);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs[0]?.results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([['unreadable-file', 'drills/db/2026-11-20.md']]);
    const gitlab = await runCli(['check', '--format', 'gitlab', '--today', '2026-11-27', '--no-git'], folder);
    const issues = JSON.parse(gitlab.stdout) as { check_name: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues.map((issue) => [issue.check_name, issue.location.path, issue.location.lines.begin])).toEqual([['unreadable-file', 'drills/db/2026-11-20.md', 1]]);
  });
});

describe('records that are broken or out of place', () => {
  const PROBLEMS = {
    'drills/nope/2026-11-01.md': record('nope', '2026-11-01T09:00:00Z', 'failed'),
    'drills/web/2026-11-03.md': record('db', '2026-11-03T09:00:00Z', 'failed'),
    'drills/db/2026-11-28.md': record('db', '2026-11-28T09:00:00Z', 'recovered'),
    // Started today, ended tomorrow: as impossible as a start after today, reported at `ended`.
    'drills/db/2026-11-27.md': record('db', '2026-11-27T23:55:00Z', 'failed'),
    'drills/db/notes.md': '# Notes\n',
  };
  const EXPECTED = [
    'drills/db/2026-11-27.md:4:8 drill-record/future',
    'drills/db/2026-11-28.md:3:10 drill-record/future',
    'drills/db/notes.md:1:1 drill-record/no-frontmatter',
    'drills/nope/2026-11-01.md:2:10 drill-record/unknown-runbook',
    'drills/web/2026-11-03.md:2:10 drill-record/misplaced',
    // None of them counts: the misplaced record's failed drill of db is no drill-failed.
  ];

  async function codes(folder: string, ...args: string[]): Promise<readonly string[]> {
    const result = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git', ...args], folder);
    const parsed = JSON.parse(result.stdout) as { readonly files: readonly { readonly diagnostics: readonly (JsonFinding & { readonly code: string })[] }[] };
    return parsed.files.flatMap((file) => file.diagnostics).map((d) => `${d.file}:${String(d.line)}:${String(d.column)} ${d.code}`);
  }

  it('are reported on their files at the value to fix', async () => {
    expect(await codes(collection(PROBLEMS))).toEqual(EXPECTED);
  });

  it('are reported in a partial run too, knowing every runbook of the collection', async () => {
    const folder = collection(PROBLEMS);
    expect(await codes(folder, 'runbooks/web.md')).toEqual(EXPECTED);
  });
});

describe('the run key and drill records', () => {
  const request = (cwd: string) => ({ cwd, paths: [], config: undefined, today: TODAY, git: false, ruleIds: [] });

  it('changes when a record changes, is added or removed, and not otherwise', async () => {
    const folder = collection({ 'drills/db/2026-11-02.md': record('db', '2026-11-02T09:00:00Z', 'recovered') });
    const first = (await readProjectInputs(request(folder))).key;
    expect((await readProjectInputs(request(folder))).key).toBe(first);
    write(folder, 'drills/db/2026-11-02.md', record('db', '2026-11-02T09:00:00Z', 'failed'));
    const changed = (await readProjectInputs(request(folder))).key;
    write(folder, 'drills/db/2026-11-03.md', record('db', '2026-11-03T09:00:00Z', 'failed'));
    const added = (await readProjectInputs(request(folder))).key;
    unlinkSync(join(folder, 'drills/db/2026-11-03.md'));
    const removed = (await readProjectInputs(request(folder))).key;
    expect(new Set([first, changed, added]).size).toBe(3);
    expect(removed).toBe(changed);
  });

  it('keeps a remembered run of `check` from hiding a record changed since', async () => {
    const cache = tempFolder({});
    const folder = collection({ 'drills/db/2026-11-20.md': record('db', '2026-11-20T09:00:00Z', 'recovered') });
    const env = { RUNBOOK_CACHE_DIR: cache };
    const args = ['check', '--format', 'json', '--today', '2026-11-27', '--no-git'];
    expect((await runCli(args, folder, env)).code).toBe(0);
    expect((await runCli(args, folder, env)).code).toBe(0);
    write(folder, 'drills/db/2026-11-20.md', record('db', '2026-11-20T09:00:00Z', 'failed'));
    const after = await runCli(args, folder, env);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('drill-failed');
  });
});
