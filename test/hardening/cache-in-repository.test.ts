/**
 * The run cache is the user's, but where it lives is a setting: GitLab CI caches only paths inside
 * the project folder, so `RUNBOOK_CACHE_DIR=.cache/runbook` (or `XDG_CACHE_HOME` in the checkout) is
 * the natural way to keep it between jobs. The repository can then commit cache entries. An entry's
 * digest is a checksum, not a secret: anyone can compute it, and its key from the tool's version, the
 * config, the checkout path and the file's bytes. Found by H7: a planted run record made `check`
 * pass (exit 0) on a runbook with nine errors, and a planted parse put raw script into the built
 * page. A cache folder inside the working folder or the repository is therefore not used: the run
 * goes on without a cache, and one note on stderr says so (not stdout, not the exit code).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A repository with one runbook that has errors, and a cache folder inside it. */
function repository(): { readonly folder: string; readonly env: Record<string, string> } {
  const folder = temporaryFolder('runbook-cache-in-repo-');
  mkdirSync(join(folder, 'runbooks'));
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
  writeFileSync(join(folder, 'runbooks', 'a.md'), '---\ntitle: Broken\n---\n\nNo sections at all.\n');
  return { folder, env: { RUNBOOK_CACHE_DIR: join(folder, '.cache', 'runbook') } };
}

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/**
 * The entries a commit could add to the cache folder in `folder`: those of a run of `argv` with a
 * cache outside it (the same keys: same tool, config, checkout path and files), copied in.
 */
async function commitEntries(argv: readonly string[], folder: string): Promise<void> {
  const outside = join(temporaryFolder('runbook-cache-outside-'), 'cache');
  expect((await runCli(argv, folder, { RUNBOOK_CACHE_DIR: outside })).stderr).not.toContain('cache');
  cpSync(outside, join(folder, '.cache', 'runbook'), { recursive: true });
}

/** The note of a run that does not use the cache folder `cache`, inside `holder`. */
function note(cache: string, holder: string): string {
  return `runbook: note: not using the cache in ${cache}: it is inside the repository ${holder}, where a commit could plant entries; set RUNBOOK_CACHE_DIR outside it\n`;
}

/** Rewrites every cache entry under `folder` (header line, then the value) with `change`, and a matching digest. */
function plant(folder: string, change: (value: Record<string, unknown>) => void): number {
  let planted = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
    const value = JSON.parse(text.slice(newline + 1)) as Record<string, unknown>;
    change(value);
    const payload = JSON.stringify(value);
    header.digest = createHash('sha256').update(payload).digest('hex');
    writeFileSync(path, `${JSON.stringify(header)}\n${payload}`);
    planted++;
  }
  return planted;
}

describe('a cache folder inside the repository', () => {
  it('a committed run record cannot make `check` pass on a runbook with errors', async () => {
    const { folder, env } = repository();
    await commitEntries(['check', '--no-git'], folder);
    expect(plant(join(folder, '.cache', 'runbook', 'v4', 'runs'), (value) => (value.diagnostics = [])), 'run records planted').toBe(1);
    expect((await runCli(['check', '--no-git'], folder, env)).code, 'check over the planted record').toBe(1);
  });

  it('a committed parse cannot put markup into the built page', async () => {
    const { folder, env } = repository();
    await commitEntries(['build', '--no-git', '--out', join(folder, 'first')], folder);
    const planted = plant(join(folder, '.cache', 'runbook', 'v4'), (value) => {
      const body = value.body as { pieces?: { html?: string }[] } | undefined;
      const piece = body?.pieces?.[0];
      if (piece !== undefined) piece.html = '<p>planted</p><meta http-equiv="refresh" content="0;url=https://evil.example/">';
    });
    expect(planted).toBeGreaterThan(0);
    expect((await runCli(['build', '--no-git', '--out', join(folder, 'second')], folder, env)).code).toBe(0);
    expect(readFileSync(join(folder, 'second', 'runbooks', 'a', 'index.html'), 'utf8')).not.toContain('evil.example');
  });

  it('is not used, which one note on stderr says; stdout and the exit code are those of --no-cache', async () => {
    const { folder, env } = repository();
    const uncached = await runCli(['check', '--no-git', '--no-cache'], folder, env);
    const run = await runCli(['check', '--no-git'], folder, env);
    expect(run).toEqual({ ...uncached, stderr: note(env.RUNBOOK_CACHE_DIR ?? '', folder) });
    expect(existsSync(join(folder, '.cache')), 'nothing written to the cache folder').toBe(false);
  });

  it('is not used when it is in the git work tree above the working folder', async () => {
    const { folder } = repository();
    mkdirSync(join(folder, '.git'));
    const cache = join(folder, 'cache');
    const run = await runCli(['check', '--no-git'], join(folder, 'runbooks'), { RUNBOOK_CACHE_DIR: cache });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(note(cache, folder));
  });

  it('is not used when it is in the repository of the config file given with --config', async () => {
    const { folder } = repository();
    const elsewhere = temporaryFolder('runbook-cache-cwd-');
    const cache = join(folder, 'cache');
    const run = await runCli(['check', '--no-git', '--config', join(folder, 'runbook.config.yaml')], elsewhere, { RUNBOOK_CACHE_DIR: cache });
    expect(run.stderr).toBe(note(cache, folder));
  });

  it('is not used when a symlink outside leads into the repository', async () => {
    const { folder } = repository();
    mkdirSync(join(folder, 'planted'));
    const link = join(temporaryFolder('runbook-cache-link-'), 'cache');
    symlinkSync(join(folder, 'planted'), link);
    const run = await runCli(['check', '--no-git'], folder, { RUNBOOK_CACHE_DIR: link });
    expect(run.stderr).toBe(note(link, folder));
    expect(readdirSync(join(folder, 'planted'))).toEqual([]);
  });

  it('is used when it is outside the working folder and the repository', async () => {
    const { folder } = repository();
    const cache = join(temporaryFolder('runbook-cache-outside-'), 'cache');
    const run = await runCli(['check', '--no-git'], folder, { RUNBOOK_CACHE_DIR: cache });
    expect(run.stderr).toBe('');
    expect(readdirSync(join(cache, 'v4', 'runs'))).toHaveLength(1);
  });
});
