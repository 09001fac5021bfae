/**
 * A build that cannot write its output (disk full, file too large, no permission, a file in the
 * way) fails with exit 2 and a message naming the path and the operating system's error, and
 * leaves the previous site exactly as it was; the next build that can write succeeds.
 *
 * The faults are real, not simulated: a file-size limit (`ulimit -f`, raises EFBIG, works for any
 * user in any container, so it always runs), a small tmpfs (ENOSPC; needs permission to mount),
 * and a read-only folder (EACCES; run as `nobody` when the tests run as root, whom modes do not stop).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, filesUnder, generateCorpus, generatorAvailable, installedCopy, mustRunBin, runBin, snapshot, type BinOptions, type Snapshot } from './bin-process.js';

const folder = mkdtempSync(join(tmpdir(), 'runbook-disk-'));
// Readable by `nobody`, for the permission tests run as root.
chmodSync(folder, 0o755);
const mounts: string[] = [];

afterAll(() => {
  for (const mount of mounts) spawnSync('umount', ['-l', mount]);
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

function buildArgs(out: string): readonly string[] {
  return ['build', '.', '--today', '2026-11-27', '--no-git', '--out', out];
}

/** Bytes a folder takes on a file system with 4 KiB blocks (what a tmpfs charges). */
function diskUsage(root: string): number {
  const block = 4096;
  const files = filesUnder(root).reduce((sum, path) => sum + Math.max(1, Math.ceil(statSync(join(root, path)).size / block)) * block, 0);
  const folders = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
  return files + (folders + 1) * block;
}

/** Mounts a tmpfs of `bytes` at `at`; false (with a loud warning) when this user may not mount. */
function mountTmpfs(at: string, bytes: number): boolean {
  mkdirSync(at, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(bytes / 1024)}k`, 'tmpfs', at], { encoding: 'utf8' });
  if (result.status === 0) {
    mounts.push(at);
    return true;
  }
  console.warn(
    `\n*** cannot mount a tmpfs (${(result.stderr || String(result.error)).trim()}): skipping the disk-full (ENOSPC) test; ` +
      'the file-too-large (EFBIG) test below covers a failing write without it ***\n',
  );
  return false;
}

/** Whether `nobody` can run the tool here (as root, the permission tests need someone modes stop). */
function nobodyCanRun(bin: string): boolean {
  const result = spawnSync(process.execPath, [bin, '--version'], { uid: NOBODY, gid: NOBODY, encoding: 'utf8' });
  if (result.status === 0) return true;
  console.warn(`\n*** cannot run the tool as nobody (${(result.stderr || String(result.error)).trim()}): skipping the permission tests ***\n`);
  return false;
}

describe.skipIf(!generatorAvailable())('a build that cannot write its output', () => {
  const small = join(folder, 'small');
  const large = join(folder, 'large');
  let bin = '';
  let env: Record<string, string> = {};
  let smallSite: Snapshot = new Map();
  let smallBytes = 0;

  beforeAll(async () => {
    bin = installedCopy(join(folder, 'tool'), { copyDependencies: true }); // run as nobody too
    env = { RUNBOOK_CACHE_DIR: join(folder, 'cache') };
    generateCorpus(small, 10, 3);
    generateCorpus(large, 60, 4);
    const reference = join(folder, 'reference');
    await mustRunBin(buildArgs(reference), { bin, cwd: small, env });
    smallSite = snapshot(reference);
    smallBytes = diskUsage(reference);
  }, 120_000);

  /** Builds the small site into `out` (the previous site of each test), as `as` says. */
  async function previousSite(out: string, as: Partial<BinOptions> = {}): Promise<void> {
    await mustRunBin(buildArgs(out), { bin, cwd: small, env, ...as });
    expect(differences(snapshot(out), smallSite)).toEqual([]);
  }

  it('file too large (EFBIG, `ulimit -f`): exit 2 naming the output folder and the error; the previous site is unchanged', async () => {
    const out = join(folder, 'efbig', 'site');
    await previousSite(out);
    // 16 blocks (8 or 16 KiB, by shell) is less than the biggest file of the site (its index page).
    const run = await runBin(buildArgs(out), { bin, cwd: large, env, shellPrefix: 'ulimit -f 16' });
    expect(run.code, run.stderr).toBe(2);
    // The cache's entries of the large corpus may be over the limit too: then a note says so first.
    const cacheNote = `runbook: note: cannot write the cache in ${env.RUNBOOK_CACHE_DIR ?? ''} (EFBIG); runs will not be faster\n`;
    expect(run.stderr.replace(cacheNote, '')).toBe(`runbook: the run failed: cannot write the site to ${out}: caused by: EFBIG: file too large, write\n`);
    expect(differences(snapshot(out), smallSite)).toEqual([]);
    await mustRunBin(buildArgs(out), { bin, cwd: small, env });
    expect(differences(snapshot(out), smallSite)).toEqual([]);
  });

  it('disk full (ENOSPC, a small tmpfs): exit 2 naming the output folder and the error; the previous site is unchanged; a build that fits succeeds', async (context) => {
    const mount = join(folder, 'tmpfs');
    // Room for the small site twice and a half (it, and a failed build's leftovers), not for the large one.
    if (!mountTmpfs(mount, Math.ceil(smallBytes * 2.5))) {
      context.skip();
      return;
    }
    const out = join(mount, 'site');
    await previousSite(out);
    const run = await runBin(buildArgs(out), { bin, cwd: large, env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^runbook: the run failed: cannot write the site to ${out}: caused by: ENOSPC: no space left on device, (write|open|mkdir)`));
    expect(differences(snapshot(out), smallSite)).toEqual([]);
    await mustRunBin(buildArgs(out), { bin, cwd: small, env });
    expect(differences(snapshot(out), smallSite)).toEqual([]);
  });

  it('a file where the output folder should be created: exit 2 naming the file and the error', async () => {
    const blocker = join(folder, 'blocker');
    writeFileSync(blocker, 'not a folder\n');
    const run = await runBin(buildArgs(join(blocker, 'site')), { bin, cwd: small, env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^runbook: .*EEXIST: file already exists, mkdir '.*\/blocker'\n$/);
    expect(readdirSync(dirname(blocker)).filter((name) => name.startsWith(basename(blocker)))).toEqual(['blocker']);
  });

  describe('permissions', () => {
    /** As root, the build runs as nobody (modes do not stop root), with a cache it can write; otherwise as this user. */
    const as = (): Partial<BinOptions> => (isRoot ? { uid: NOBODY, gid: NOBODY, env: { RUNBOOK_CACHE_DIR: ownedFolder('nobody-cache') } } : {});

    /** A folder for `out` owned by whoever runs the build. */
    function ownedFolder(name: string): string {
      const path = join(folder, name);
      mkdirSync(path, { recursive: true });
      if (isRoot) chownSync(path, NOBODY, NOBODY);
      return path;
    }

    it('a read-only parent folder (EACCES): exit 2 naming the path and the error; the previous site is unchanged', async (context) => {
      if (isRoot && !nobodyCanRun(bin)) {
        context.skip();
        return;
      }
      const parent = ownedFolder('read-only-parent');
      const out = join(parent, 'site');
      await previousSite(out, as());
      const before = readdirSync(parent).sort();
      chmodSync(parent, 0o555);
      try {
        const run = await runBin(buildArgs(out), { bin, cwd: large, env, ...as() });
        expect(run.code, run.stderr).toBe(2);
        // Names the folder it could not write in and the error (as of this writing, the temporary
        // folder beside `out`, without "cannot write the site to": see docs/reliability.md).
        expect(run.stderr).toMatch(new RegExp(`^runbook: the run failed: .*EACCES: permission denied, \\w+ '${parent}/site[^/]*'\n$`));
        expect(differences(snapshot(out), smallSite)).toEqual([]);
        expect(readdirSync(parent).sort()).toEqual(before);
      } finally {
        chmodSync(parent, 0o755);
      }
      await mustRunBin(buildArgs(out), { bin, cwd: small, env, ...as() });
      expect(differences(snapshot(out), smallSite)).toEqual([]);
    });

    // Regression: the build used to rename the read-only folder aside, put the new site in its
    // place, then fail (exit 2) writing into the old one; `out` held the new site, and every later
    // build failed with `EACCES … unlink '<out>.runbook-tmp-<pid>/.runbook-site'`, even after chmod.
    it('a read-only output folder (EACCES): exit 2 and the previous site unchanged, and the next build after chmod succeeds', async (context) => {
      if (isRoot && !nobodyCanRun(bin)) {
        context.skip();
        return;
      }
      const parent = ownedFolder('read-only-out');
      const out = join(parent, 'site');
      await previousSite(out, as());
      chmodSync(out, 0o555);
      const run = await runBin(buildArgs(out), { bin, cwd: large, env, ...as() });
      chmodSync(out, 0o755);
      const after = snapshot(out);
      const next = await runBin(buildArgs(out), { bin, cwd: small, env, ...as() });
      expect({ code: run.code, previousKept: differences(after, smallSite), nextCode: next.code, nextStderr: next.stderr }).toEqual({
        code: 2,
        previousKept: [],
        nextCode: 0,
        // The same runbooks as the kept site: built again, or found up to date.
        nextStderr: expect.stringMatching(/^built |is up to date/) as unknown,
      });
    });
  });
});
