import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { PROJECT_ROOT } from '../shared.js';
import { runCli } from './run-cli.js';

/**
 * Behaviour of `runbook check` that is awkward as a scenario fixture: files written, help and version
 * text, usage failures whose messages hold absolute paths, and git history.
 */

const TODAY = ['--today', '2026-11-27'];

/** A runbook that passes every rule on 2026-11-27 (with `last_tested` replaceable). */
function runbookText(lastTested = '2026-11-01', extra = ''): string {
  return [
    '---',
    'title: Disk full',
    'owner: platform',
    'service: volumes',
    'severity: low',
    `last_tested: ${lastTested}`,
    ...(extra === '' ? [] : [extra]),
    '---',
    '## Summary',
    'Volumes fill up.',
    '',
    '## Impact',
    'Writes fail.',
    '',
    '## Diagnosis',
    'Run `df -h`.',
    '',
    '## Recovery',
    '1. Delete old logs.',
    '',
  ].join('\n');
}

const folders: string[] = [];

/** A new temporary folder holding `files` (path → text), removed after the test. */
function tempFolder(files: Readonly<Record<string, string>>): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-check-cli-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('check --output-file', () => {
  it('writes the report to the file, nothing to stdout, and a one-line summary to stderr', async () => {
    const folder = tempFolder({ 'runbook.config.yaml': '{}\n', 'disk-full.md': runbookText('2025-01-10') });
    const result = await runCli(['check', ...TODAY, '--no-git', '--format', 'json', '--output-file', 'reports/check.json'], folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('wrote reports/check.json: 1 file checked, 1 error, 0 warnings, 0 info\n');
    const report = JSON.parse(readFileSync(join(folder, 'reports', 'check.json'), 'utf8')) as {
      files: { file: string; diagnostics: { ruleId: string; line: number; column: number }[] }[];
    };
    expect(report.files).toEqual([
      { file: 'disk-full.md', diagnostics: [expect.objectContaining({ ruleId: 'stale', line: 6, column: 14 })] },
    ]);
    expect(readdirSync(join(folder, 'reports'))).toEqual(['check.json']);
  });

  it('replaces an existing report as a whole, leaving no temporary file beside it', async () => {
    const folder = tempFolder({
      'runbook.config.yaml': '{}\n',
      'disk-full.md': runbookText(),
      'report.txt': 'an old, much longer report that must not survive in part\n'.repeat(50),
    });
    const result = await runCli(['check', ...TODAY, '--no-git', '--format', 'concise', '-o', 'report.txt'], folder);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('wrote report.txt: 1 file checked, 0 errors, 0 warnings, 0 info\n');
    expect(readFileSync(join(folder, 'report.txt'), 'utf8')).toBe('');
    expect(readdirSync(folder).sort()).toEqual(['disk-full.md', 'report.txt', 'runbook.config.yaml']);
  });

  it('exits 2 naming the path when the report cannot be written, and leaves no temporary file', async () => {
    const folder = tempFolder({ 'runbook.config.yaml': '{}\n', 'disk-full.md': runbookText(), 'taken/inside.txt': 'x\n' });
    const result = await runCli(['check', ...TODAY, '--no-git', '-o', 'taken'], folder);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`cannot write ${join(folder, 'taken')}`);
    expect(readdirSync(folder).sort()).toEqual(['disk-full.md', 'runbook.config.yaml', 'taken']);
  });
});

describe('check --help and --version', () => {
  it('check --help lists every rule id with its default severity, and the exit codes', async () => {
    const result = await runCli(['check', '--help'], PROJECT_ROOT);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const rule of RULES) expect(result.stdout).toContain(`  ${rule.id} (${rule.defaultSeverity})\n`);
    expect(result.stdout).toContain('Exit codes:\n  0  no errors');
    expect(result.stdout).toContain('\n  1  errors found, or more warnings than --max-warnings\n');
    expect(result.stdout).toContain('\n  2  bad usage, bad config, or the run itself failed\n');
  });

  it('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version'], PROJECT_ROOT);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('check usage failures exit 2 with a message naming the problem', () => {
  it('a path that does not exist', async () => {
    const folder = tempFolder({ 'runbook.config.yaml': '{}\n', 'disk-full.md': runbookText() });
    const result = await runCli(['check', ...TODAY, '--no-git', 'no-such-folder'], folder);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^runbook: no such file or folder: no-such-folder\b/);
  });

  it('an impossible --today date', async () => {
    const result = await runCli(['check', '--today', '2026-02-30', '--no-git'], PROJECT_ROOT);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'runbook: invalid --today `2026-02-30`, expected a date YYYY-MM-DD\n' });
  });

  it('an unknown --format', async () => {
    const result = await runCli(['check', ...TODAY, '--format', 'nope'], PROJECT_ROOT);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("argument 'nope' is invalid");
    expect(result.stderr).toContain('pretty, concise, json, github, gitlab, junit, sarif');
  });

  // Config errors name the config by its absolute path, so they cannot be golden fixtures.
  it('a config value of the wrong form, located at file:line:col', async () => {
    const folder = tempFolder({ 'runbook.config.yaml': 'root: .\ndue_soon: soon\n', 'disk-full.md': runbookText() });
    const result = await runCli(['check', ...TODAY, '--no-git'], folder);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `runbook: invalid configuration:\n  runbook.config.yaml:2:11: \`due_soon\`: expected a duration such as \`30d\`, \`6w\`, \`6 months\` or \`1y\`\n`,
    );
  });

  it('a config that is not valid YAML, located at file:line:col', async () => {
    const folder = tempFolder({ 'runbook.config.yaml': 'root: .\nteams: [platform\n', 'disk-full.md': runbookText() });
    const result = await runCli(['check', ...TODAY, '--no-git'], folder);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^runbook: runbook\.config\.yaml:3:1: invalid YAML: /);
  });
});

describe('the example runbooks', () => {
  it('pass `check` on 2026-11-27 with no diagnostics at all', async () => {
    const result = await runCli(['check', 'runbooks', ...TODAY, '--no-git', '--format', 'json'], PROJECT_ROOT);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      summary: { files: number; errors: number; warnings: number; infos: number };
      files: { file: string; diagnostics: unknown[] }[];
    };
    expect(report.summary.files).toBeGreaterThan(0);
    expect(report.files.filter((file) => file.diagnostics.length > 0)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, infos: 0 });
    expect(result.code).toBe(0);
  });
});

/** Whether git can be run; when it cannot, the git tests skip loudly, except in CI where that fails. */
function gitAvailable(): boolean {
  const probe = spawnSync('git', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return true;
  const reason = 'git is not installed: skipping the edited-after-test and shallow-clone tests';
  if (process.env.CI === 'true') throw new Error(`${reason} is not allowed in CI`);
  console.warn(`\n*** ${reason} ***\n`);
  return false;
}

/** Runs git in `cwd` with a fixed identity and commit date; throws with git's stderr when it fails. */
function git(cwd: string, args: readonly string[], date = '2026-11-20T12:00:00Z'): void {
  const identity = ['-c', 'user.name=Runbook Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];
  const result = spawnSync('git', [...identity, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
}

async function findings(folder: string): Promise<{ code: number; stderr: string; diagnostics: Finding[] }> {
  const result = await runCli(['check', ...TODAY, '--format', 'json'], folder);
  const report = JSON.parse(result.stdout) as { files: { diagnostics: Finding[] }[] };
  return { code: result.code, stderr: result.stderr, diagnostics: report.files.flatMap((file) => file.diagnostics) };
}

/**
 * A repository with two runbooks, both created on 2026-10-01 and edited on 2026-11-20: `edited.md`
 * was last tested before the edit, `retested.md` after it.
 */
function historyRepository(): string {
  const folder = tempFolder({
    'runbook.config.yaml': '{}\n',
    'edited.md': runbookText('2026-09-15'),
    'retested.md': runbookText('2026-09-15'),
  });
  git(folder, ['init', '-q']);
  git(folder, ['add', '.'], '2026-10-01T12:00:00Z');
  git(folder, ['commit', '-q', '-m', 'Add runbooks'], '2026-10-01T12:00:00Z');
  writeFileSync(join(folder, 'edited.md'), runbookText('2026-11-01'));
  writeFileSync(join(folder, 'retested.md'), runbookText('2026-11-25'));
  git(folder, ['commit', '-q', '-a', '-m', 'Edit the recovery steps'], '2026-11-20T12:00:00Z');
  return folder;
}

describe.skipIf(!gitAvailable())('check with git history', () => {
  it('reports edited-after-test (info) for a runbook committed after its last test, and exits 0', async () => {
    const { code, stderr, diagnostics } = await findings(historyRepository());
    expect(stderr).toBe('');
    expect(diagnostics).toEqual([
      {
        file: 'edited.md',
        line: 6,
        column: 14,
        endLine: 6,
        endColumn: 24,
        ruleId: 'edited-after-test',
        code: 'edited-after-test',
        params: { edited: '2026-11-20', lastTested: '2026-11-01' },
        severity: 'info',
        message: 'Edited on 2026-11-20 (git), after it was last tested on 2026-11-01',
      },
    ]);
    expect(code).toBe(0);
  });

  it('reads the history of runbooks in every folder, not only the first file\'s (regression)', async () => {
    const folder = tempFolder({ 'runbook.config.yaml': '{}\n', 'a/first.md': runbookText('2026-09-15'), 'b/second.md': runbookText('2026-09-15') });
    git(folder, ['init', '-q']);
    git(folder, ['add', '.']);
    git(folder, ['commit', '-q', '-m', 'Add runbooks']);
    const { diagnostics } = await findings(folder);
    expect(diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.ruleId}`)).toEqual([
      'a/first.md edited-after-test',
      'b/second.md edited-after-test',
    ]);
  });

  it('reads no history with --no-git', async () => {
    const result = await runCli(['check', ...TODAY, '--format', 'concise', '--no-git'], historyRepository());
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('in a shallow clone, reports shallow-clone once (warning) and no edited-after-test', async () => {
    const source = historyRepository();
    const clone = tempFolder({});
    git(clone, ['clone', '-q', '--depth', '1', `file://${source}`, 'repo']);
    const { code, stderr, diagnostics } = await findings(join(clone, 'repo'));
    expect(stderr).toBe('');
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: '.', line: 1, column: 1, ruleId: 'shallow-clone', severity: 'warning' }),
    ]);
    expect(code).toBe(0);
  });
});

describe('a 5 MB runbook', () => {
  it('is read and checked to located diagnostics, exit 1, no stack trace', async () => {
    const example = readFileSync(join(PROJECT_ROOT, 'runbooks', 'database', 'restore-from-backup.md'), 'utf8');
    const body = example.slice(example.indexOf('\n---', 3) + 4);
    let text = runbookText('2026-11-01').replace('severity: low', 'severity: sev-1');
    while (text.length < 5 * 1024 * 1024) text += body;
    const folder = tempFolder({ 'runbook.config.yaml': '{}\n', 'huge.md': text });
    const result = await runCli(['check', ...TODAY, '--no-git', '--format', 'concise'], folder);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('huge.md:5:11: error Invalid `severity`: found `sev-1`');
    expect(result.stdout).not.toMatch(/internal-error|\n\s+at /);
  }, 120_000);
});
