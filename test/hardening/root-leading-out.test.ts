/**
 * Regression tests: `runbook tested notes` rewrote `/tmp/outside/notes.md` when the repository's
 * runbooks folder was a symlink leading out of it (`runbooks -> /tmp/outside`), and `new` could
 * create files there. A `root` leading out of the repository, through a symlink or with `..`, is a
 * config error in every command that reads or writes runbooks: nothing outside is read or written.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const NOTES = `---\ntitle: Notes\nowner: platform\nservice: volumes\nseverity: low\nlast_tested: 2025-01-01\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Delete old logs.\n`;
const TODAY = ['--today', '2026-11-27'];

/** Every command that reads or writes runbooks, as run by someone checking a pull request. */
const COMMANDS: readonly (readonly [string, readonly string[]])[] = [
  ['tested', ['tested', 'notes', '--date', '2026-11-27']],
  ['new', ['new', 'created']],
  ['show', ['show', 'notes', ...TODAY]],
  ['check', ['check', '--no-git', '--no-cache', ...TODAY]],
  ['build', ['build', '--out', 'site', '--no-git', '--no-cache', ...TODAY]],
  ['cheatsheet', ['cheatsheet', '--no-git', ...TODAY]],
];

let outer: string;
let repo: string;
let outside: string;
beforeEach(() => {
  outer = mkdtempSync(join(tmpdir(), 'runbook-root-leading-out-'));
  repo = join(outer, 'repo');
  outside = join(outer, 'outside');
  mkdirSync(repo);
  mkdirSync(outside);
  writeFileSync(join(outside, 'notes.md'), NOTES);
});
afterEach(() => {
  rmSync(outer, { recursive: true, force: true });
});

/** The folder outside the repository holds exactly what it held before the run. */
function expectOutsideUntouched(): void {
  expect(readdirSync(outside)).toEqual(['notes.md']);
  expect(readFileSync(join(outside, 'notes.md'), 'utf8')).toBe(NOTES);
}

describe('tested and new writing outside through a `runbooks` symlink or `root: ../outside`', () => {
  it.each(COMMANDS)('%s refuses a runbooks folder symlinked out of the repository (runbooks -> outside), exit 2', async (_name, argv) => {
    symlinkSync(outside, join(repo, 'runbooks'));
    writeFileSync(join(repo, 'runbook.config.yaml'), 'root: runbooks\n');
    const result = await runCli(argv, repo);
    expect(result.stderr).toContain('`root` is `runbooks`, which leads out of the repository `.`');
    expect(result.code).toBe(2);
    expectOutsideUntouched();
  });

  it.each(COMMANDS)('%s refuses `root: ../outside`, exit 2', async (_name, argv) => {
    writeFileSync(join(repo, 'runbook.config.yaml'), 'root: ../outside\n');
    const result = await runCli(argv, repo);
    expect(result.stderr).toContain('`root` is `../outside`, outside the repository `.`');
    expect(result.code).toBe(2);
    expectOutsideUntouched();
  });

  it('tested does not rewrite a runbook symlinked from inside root to a file outside, named by id or by file', async () => {
    mkdirSync(join(repo, 'runbooks'));
    symlinkSync(join(outside, 'notes.md'), join(repo, 'runbooks', 'notes.md'));
    writeFileSync(join(repo, 'runbooks', 'other.md'), NOTES);
    writeFileSync(join(repo, 'runbook.config.yaml'), 'root: runbooks\n');
    for (const target of ['notes', 'runbooks/notes.md']) {
      const result = await runCli(['tested', target, '--date', '2026-11-27'], repo);
      expect(result.code).not.toBe(0);
      expectOutsideUntouched();
    }
  });

  it('tested still records a drill in a runbook inside the repository (the refusals are not blanket)', async () => {
    mkdirSync(join(repo, 'runbooks'));
    writeFileSync(join(repo, 'runbooks', 'notes.md'), NOTES);
    writeFileSync(join(repo, 'runbook.config.yaml'), 'root: runbooks\n');
    const result = await runCli(['tested', 'notes', '--date', '2026-11-27'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo, 'runbooks', 'notes.md'), 'utf8')).toContain('last_tested: 2026-11-27');
  });
});
