/**
 * The run cache is the user's, but where it lives is a setting: GitLab CI caches only paths inside
 * the project folder, so `RUNBOOK_CACHE_DIR=.cache/runbook` (or `XDG_CACHE_HOME` in the checkout) is
 * the natural way to keep it between jobs. The repository can then commit cache entries. An entry's
 * digest is a checksum, not a secret: anyone can compute it, and its key from the tool's version, the
 * config, the checkout path and the file's bytes. Found by H7: a planted run record made `check`
 * pass (exit 0) on a runbook with nine errors, and a planted parse put raw script into the built
 * page. Expected: a cache folder inside the working folder or the repository is not used (or not
 * trusted), as an output folder there is not followed through a link.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const folder = mkdtempSync(join(tmpdir(), 'runbook-cache-in-repo-'));
  folders.push(folder);
  mkdirSync(join(folder, 'runbooks'));
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
  writeFileSync(join(folder, 'runbooks', 'a.md'), '---\ntitle: Broken\n---\n\nNo sections at all.\n');
  return { folder, env: { RUNBOOK_CACHE_DIR: join(folder, '.cache', 'runbook') } };
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
  it.fails('a committed run record cannot make `check` pass on a runbook with errors', async () => {
    const { folder, env } = repository();
    expect((await runCli(['check', '--no-git'], folder, env)).code).toBe(1);
    expect(plant(join(folder, '.cache', 'runbook', 'v3', 'runs'), (value) => (value.diagnostics = [])), 'run records planted').toBe(1);
    expect((await runCli(['check', '--no-git'], folder, env)).code, 'check over the planted record').toBe(1);
  });

  it.fails('a committed parse cannot put markup into the built page', async () => {
    const { folder, env } = repository();
    expect((await runCli(['build', '--no-git', '--out', join(folder, 'first')], folder, env)).code).toBe(0);
    const planted = plant(join(folder, '.cache', 'runbook', 'v3'), (value) => {
      const body = value.body as { pieces?: { html?: string }[] } | undefined;
      const piece = body?.pieces?.[0];
      if (piece !== undefined) piece.html = '<p>planted</p><meta http-equiv="refresh" content="0;url=https://evil.example/">';
    });
    expect(planted).toBeGreaterThan(0);
    expect((await runCli(['build', '--no-git', '--out', join(folder, 'second')], folder, env)).code).toBe(0);
    expect(readFileSync(join(folder, 'second', 'runbooks', 'a', 'index.html'), 'utf8')).not.toContain('evil.example');
  });
});
