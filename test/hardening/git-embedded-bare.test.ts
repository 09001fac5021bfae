/**
 * A folder of the checkout laid out as a bare git repository (HEAD, objects/, refs/, config: plain
 * files anyone can commit) was discovered by git before the checkout's own .git, and its config
 * (`log.showSignature` + `gpg.program=./pwn.sh`) made the `git log` of `runbook check` and `build`
 * run a program of the repository's: code execution from a plain `git clone`. Skipped loudly
 * without git.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch (error: unknown) {
    console.warn(`\n*** git not found (${String(error)}): skipping the embedded bare repository test ***\n`);
    return false;
  }
}

const temporary = mkdtempSync(join(tmpdir(), 'runbook-bare-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=a', '-c', 'user.email=a@b', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** The attacker's repository, cloned as a victim would; returns the clone and the file the payload would write. */
function hostileClone(): { readonly clone: string; readonly pwned: string } {
  const origin = join(temporary, 'origin');
  const runbooks = join(origin, 'runbooks');
  const pwned = join(temporary, 'PWNED');
  mkdirSync(runbooks, { recursive: true });
  git(origin, 'init', '-q');
  writeFileSync(join(origin, 'runbook.config.yaml'), 'root: runbooks\n');
  git(runbooks, 'init', '-q', '--bare', '.');
  for (const extra of ['hooks', 'info', 'branches', 'description']) rmSync(join(runbooks, extra), { recursive: true, force: true });
  writeFileSync(join(runbooks, 'a.md'), '---\ntitle: A\n---\n\n## Summary\n\nx\n');
  const blob = git(runbooks, '--git-dir=.', 'hash-object', '-w', 'a.md');
  const tree = execFileSync('git', ['--git-dir=.', 'mktree'], { cwd: runbooks, input: `100644 blob ${blob}\ta.md\n`, encoding: 'utf8' }).trim();
  const commit = `tree ${tree}\nauthor a <a@b> 1700000000 +0000\ncommitter a <a@b> 1700000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nmsg\n`;
  writeFileSync(join(temporary, 'commit.txt'), commit);
  const id = git(runbooks, '--git-dir=.', 'hash-object', '-t', 'commit', '-w', join(temporary, 'commit.txt'));
  git(runbooks, '--git-dir=.', 'update-ref', 'HEAD', id);
  writeFileSync(join(runbooks, 'pwn.sh'), `#!/bin/sh\necho ran > ${pwned}\n`);
  chmodSync(join(runbooks, 'pwn.sh'), 0o755);
  for (const [key, value] of [['core.bare', 'false'], ['core.worktree', '.'], ['log.showSignature', 'true'], ['gpg.program', './pwn.sh']] as const) {
    git(runbooks, 'config', '--file', 'config', key, value);
  }
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'runbooks');
  const clone = join(temporary, 'clone');
  git(temporary, 'clone', '-q', origin, clone);
  return { clone, pwned };
}

describe.skipIf(!hasGit())('an embedded bare repository in the runbooks folder (code execution via git log)', () => {
  it('check, build and cheatsheet run nothing of the repository\'s and stop naming the bare repository (exit 2)', async () => {
    const { clone, pwned } = hostileClone();
    for (const args of [['check', '--no-cache'], ['build', '--no-cache', '--out', 'site'], ['cheatsheet', '--format', 'md']]) {
      const result = await runCli(args, clone);
      expect(existsSync(pwned), args.join(' ')).toBe(false);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain('git found a bare repository');
    }
    // --no-git reads no git at all: the runbooks are checked.
    const unchecked = await runCli(['check', '--no-git', '--no-cache'], clone);
    expect(unchecked.code).toBe(1);
    expect(existsSync(pwned)).toBe(false);
  }, 120_000);
});
