import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_STEPS, ownerToKeep, replaceFile, replaceRefusal, type ReplaceSteps } from '../../src/io/replace-file.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

/**
 * `runbook tested` replaces a runbook (temporary file, then rename). Run by root on someone else's
 * repository it must not hand the file to root, replace a read-only file, or split hard links.
 */
const ROOT = process.geteuid?.() === 0;
if (!ROOT) console.warn('SKIPPED: the ownership tests of `runbook tested` need root (they chown a runbook to nobody)');

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-tested-replace-'));
  folders.push(folder);
  return folder;
}

/** A copy of the `tested` fixture; `comments.md` is the runbook the tests record a drill of. */
function project(): { folder: string; path: string } {
  const folder = temporaryFolder();
  cpSync(join(PROJECT_ROOT, 'test', 'fixtures', 'oncall', 'tested'), folder, { recursive: true });
  return { folder, path: join(folder, 'comments.md') };
}

/** The numeric id of the `nobody` user, and a group that is neither root's nor nobody's. */
function nobody(): { uid: number; gid: number } {
  return { uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim()), gid: 4321 };
}

describe('runbook tested run as root on another user\'s runbook', () => {
  it.skipIf(!ROOT)('keeps the owner and group of a runbook owned by nobody (root-owned-runbook bug)', async () => {
    const { folder, path } = project();
    const owner = nobody();
    chownSync(path, owner.uid, owner.gid);
    chmodSync(path, 0o640);
    const inode = statSync(path).ino;
    const result = await runCli(['tested', 'comments'], folder);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('last_tested: 2026-11-27 # the autumn game day');
    const after = statSync(path);
    expect({ uid: after.uid, gid: after.gid, mode: after.mode & 0o7777 }).toEqual({ ...owner, mode: 0o640 });
    expect(after.ino, 'still replaced by a rename, not edited in place').not.toBe(inode);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!ROOT)('gives the temporary file the owner and group before it is renamed over the runbook, so no root-owned file ever has its name', () => {
    const { path } = project();
    const owner = nobody();
    chownSync(path, owner.uid, owner.gid);
    let renamed: { uid: number; gid: number } | undefined;
    const steps: ReplaceSteps = {
      ...NODE_STEPS,
      rename: (from, to) => {
        const stats = statSync(from);
        renamed = { uid: stats.uid, gid: stats.gid };
        NODE_STEPS.rename(from, to);
      },
    };
    replaceFile(path, new TextEncoder().encode('---\ntitle: x\n---\n'), steps);
    expect(renamed).toEqual(owner);
  });

  it.skipIf(!ROOT)('refuses a read-only runbook owned by nobody with exit 2, naming the file, and leaves it untouched (read-only-replaced bug)', async () => {
    const { folder, path } = project();
    const owner = nobody();
    chownSync(path, owner.uid, owner.gid);
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const inode = statSync(path).ino;
    const result = await runCli(['tested', 'comments'], folder);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'runbook: not recorded: comments.md is read-only (mode 0444); expected a file you may write: make it writable (chmod u+w) to change it\n',
    );
    expect(readFileSync(path)).toEqual(before);
    const after = statSync(path);
    expect({ ino: after.ino, uid: after.uid, gid: after.gid, mode: after.mode & 0o7777 }).toEqual({ ino: inode, ...owner, mode: 0o444 });
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('runbook tested on a hard-linked runbook', () => {
  it('refuses with exit 2, naming the file, and leaves both names one file with the old text (hard-link-split bug)', async () => {
    const { folder, path } = project();
    const elsewhere = join(temporaryFolder(), 'comments-copy.md');
    linkSync(path, elsewhere);
    const before = readFileSync(path);
    const result = await runCli(['tested', 'comments'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^runbook: not recorded: comments\.md has 2 hard links; replacing it would give this name a new file/);
    expect(readFileSync(path)).toEqual(before);
    expect(statSync(path).ino).toBe(statSync(elsewhere).ino);
    expect(statSync(path).nlink).toBe(2);
  });
});

describe('replaceRefusal and ownerToKeep', () => {
  const facts = { mode: 0o644, uid: 1000, gid: 1000, links: 1, writable: true };

  it('refuses a file no one may write even when root could, and one with several links; accepts a plain writable file', () => {
    expect(replaceRefusal(facts)).toBeUndefined();
    expect(replaceRefusal({ ...facts, mode: 0o444, writable: false })).toMatch(/^is read-only \(mode 0444\)/);
    expect(replaceRefusal({ ...facts, links: 3 })).toMatch(/^has 3 hard links;/);
  });

  it('keeps the owner as root, or when the owner and group are the process\'s own; not otherwise', () => {
    expect(ownerToKeep(facts, { uid: 0, groups: [0] })).toEqual({ uid: 1000, gid: 1000 });
    expect(ownerToKeep(facts, { uid: 1000, groups: [1000, 27] })).toEqual({ uid: 1000, gid: 1000 });
    expect(ownerToKeep({ uid: 1000, gid: 27 }, { uid: 1000, groups: [1000] })).toBeUndefined();
    expect(ownerToKeep(facts, { uid: 1001, groups: [1000] })).toBeUndefined();
  });
});
