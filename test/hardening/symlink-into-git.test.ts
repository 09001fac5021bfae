/**
 * Regression tests: a repository is untrusted, and in CI `actions/checkout` writes the job's token
 * into `.git/config`. With `root: .`, a committed `leak.md -> .git/config` is "inside the folder
 * searched", so it used to be read as a runbook and published by `build` (and rewritten by
 * `tested`). A symlinked file must not lead into a folder never searched (`.git`, `node_modules`),
 * in any command that discovers runbooks, nor when it is named on the command line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const SECRET = 'SENTINEL-ci-checkout-token-in-git-config';
const RUNBOOK = `---\ntitle: Disk full\nowner: platform\nservice: volumes\nseverity: low\nlast_tested: 2026-11-01\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Delete old logs.\n`;
const TODAY = ['--no-git', '--no-cache', '--today', '2026-11-27'];

let outer: string;
let repo: string;
let out: string;
let gitConfig: string;
beforeEach(() => {
  outer = mkdtempSync(join(tmpdir(), 'runbook-symlink-into-git-'));
  repo = join(outer, 'repo');
  out = join(outer, 'out');
  execFileSync('git', ['init', '-q', repo]);
  execFileSync('git', ['-C', repo, 'config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${SECRET}`]);
  gitConfig = readFileSync(join(repo, '.git', 'config'), 'utf8');
  write('runbook.config.yaml', 'root: .\n');
  write('disk-full.md', RUNBOOK);
});
afterEach(() => {
  rmSync(outer, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** Every file under `folder` holding the secret; none when the folder does not exist. */
function leaksUnder(folder: string): readonly string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && readFileSync(join(entry.parentPath, entry.name), 'latin1').includes(SECRET))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('a committed symlink into .git publishes the CI checkout token (leak.md -> .git/config with root: .)', () => {
  beforeEach(() => {
    symlinkSync('.git/config', join(repo, 'leak.md'));
  });

  it('build does not publish .git/config: the symlink is not a runbook', async () => {
    const result = await runCli(['build', '--out', out, ...TODAY], repo);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.code).toBe(0);
    expect(leaksUnder(out)).toEqual([]);
    expect(existsSync(join(out, 'runbooks', 'leak'))).toBe(false);
    expect(existsSync(join(out, 'runbooks', 'disk-full'))).toBe(true);
  });

  it('check does not read it (nothing of it quoted, no diagnostic on leak.md)', async () => {
    const result = await runCli(['check', ...TODAY], repo);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stdout).not.toContain('leak.md');
    expect(result.code).toBe(0);
  });

  it('show does not find it (and tested, which finds runbooks the same way, cannot rewrite .git/config)', async () => {
    const result = await runCli(['show', 'leak', '--today', '2026-11-27'], repo);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stderr).toContain('no runbook matches `leak`');
    expect(result.code).toBe(1);
    expect(readFileSync(join(repo, '.git', 'config'), 'utf8')).toBe(gitConfig);
  });

  it('check refuses it when it is named on the command line (a list of changed files from the pull request), exit 2', async () => {
    const result = await runCli(['check', 'leak.md', ...TODAY], repo);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stderr).toContain('not reading leak.md: it is or leads inside a `.git` folder');
    expect(result.code).toBe(2);
  });
});

describe('other ways into a folder never searched', () => {
  it('does not read a symlink into .git from a subfolder (runbooks/leak.md -> ../.git/config)', async () => {
    symlinkSync('../.git/config', join(repo, 'docs-leak.md'));
    mkdirSync(join(repo, 'runbooks'));
    symlinkSync('../.git/config', join(repo, 'runbooks', 'leak.md'));
    const result = await runCli(['build', '--out', out, ...TODAY], repo);
    expect(result.code).toBe(0);
    expect(leaksUnder(out)).toEqual([]);
  });

  it('does not read a symlink into node_modules, which is never searched either', async () => {
    write('node_modules/pkg/README.md', RUNBOOK.replace('Disk full', SECRET));
    symlinkSync('node_modules/pkg/README.md', join(repo, 'vendored.md'));
    const result = await runCli(['build', '--out', out, ...TODAY], repo);
    expect(result.code).toBe(0);
    expect(leaksUnder(out)).toEqual([]);
  });

  it('refuses `.git` named on the command line, and a folder symlinked to it', async () => {
    write('.git/hooks/notes.md', RUNBOOK.replace('Disk full', SECRET));
    const named = await runCli(['check', '.git', ...TODAY], repo);
    expect(named.stderr).toContain('not reading .git: it is or leads inside a `.git` folder');
    expect(named.code).toBe(2);
    symlinkSync('.git', join(repo, 'docs'));
    const linked = await runCli(['check', 'docs', ...TODAY], repo);
    expect(linked.stdout + linked.stderr).not.toContain(SECRET);
    expect(linked.stderr).toContain('not reading docs: it is or leads inside a `.git` folder');
    expect(linked.code).toBe(2);
  });

  it('still reads a symlink to a runbook elsewhere in the folder searched', async () => {
    symlinkSync('disk-full.md', join(repo, 'alias.md'));
    const result = await runCli(['check', '--format', 'json', ...TODAY], repo);
    expect(result.code).toBe(0);
    const named = await runCli(['check', 'alias.md', ...TODAY], repo);
    expect(named.stderr).toBe('');
    expect(named.code).toBe(0);
  });
});
