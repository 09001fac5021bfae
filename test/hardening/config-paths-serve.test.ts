/**
 * Regression tests: `serve` applies the same rule as `build` to the paths the repository's config
 * names (see config-paths.test.ts): a templates folder outside the repository, or a symlink in it
 * leading out, is never served; and a custom templates folder is watched like the built-in one.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNBOOK, get, nextReload, removeTempFolders, serve, sleep, tempFolder, type Running } from '../cli/serve-harness.js';

const SECRET = 'SENTINEL-5ecret-0f-the-reader-not-the-repository';

afterEach(removeTempFolders);

/** `outer/secret/` (an id_rsa, and templates that would replace the site's) beside the repository `outer/repo/`, which is returned. */
function workspace(config: (secret: string) => string, files: Readonly<Record<string, string>> = {}): { readonly repo: string; readonly secret: string } {
  const outer = tempFolder();
  const secret = join(outer, 'secret');
  const repo = join(outer, 'repo');
  const all = {
    'secret/id_rsa': SECRET,
    'secret/assets/site.css': SECRET,
    'secret/index.hbs': SECRET,
    'secret/runbook.hbs': SECRET,
    'repo/runbooks/disk-full.md': RUNBOOK('Disk full'),
    'repo/runbook.config.yaml': config(secret),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(outer, path)), { recursive: true });
    writeFileSync(join(outer, path), text);
  }
  return { repo, secret };
}

/** Every page a leaked templates folder would show up on, none of which may hold the secret. */
async function expectNothingServedFrom(running: Running): Promise<void> {
  for (const path of ['', 'index.html', 'assets/site.css', 'assets/id_rsa', 'assets/leak.css', 'runbooks/disk-full/index.html', '404.html']) {
    const response = await get(`${running.base}${path}`);
    expect(response.body, path).not.toContain(SECRET);
  }
  expect(running.stderr()).not.toContain(SECRET);
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`no ${what} within ${ms} ms`)))]);
}

describe('serve: paths named by the repository\'s config stay inside it', () => {
  it('serves no file of a `site.templates` folder outside the repository, and says why on every page', async () => {
    const { repo } = workspace((secret) => `root: runbooks\nsite:\n  templates: ${JSON.stringify(secret)}\n`);
    const running = await serve(repo);
    try {
      await expectNothingServedFrom(running);
      const page = await get(running.base);
      expect(page.status).toBe(500);
      expect(page.body).toContain('`site.templates` is');
      expect(page.body).toContain('outside the repository `.`');
      expect(running.stderr()).toContain('build failed: invalid configuration:');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it('serves no symlinked file of the templates folder leading out of the repository (assets/leak.css -> id_rsa)', async () => {
    const { repo, secret } = workspace(() => 'root: runbooks\nsite:\n  templates: theme\n', { 'repo/theme/assets/extra.css': 'body { color: teal }' });
    symlinkSync(join(secret, 'id_rsa'), join(repo, 'theme', 'assets', 'leak.css'));
    const running = await serve(repo);
    try {
      await expectNothingServedFrom(running);
      expect((await get(running.base)).status).toBe(500);
      expect(running.stderr()).toContain('`assets/leak.css` is a symlink to');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it('stops serving the old templates when the config is edited to name a folder outside the repository while serving', async () => {
    const { repo, secret } = workspace(() => 'root: runbooks\n');
    const running = await serve(repo);
    try {
      expect((await get(running.base)).status).toBe(200);
      const reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(repo, 'runbook.config.yaml'), `root: runbooks\nsite:\n  templates: ${JSON.stringify(secret)}\n`);
      await within(4000, reloaded, 'reload after editing the config');
      await expectNothingServedFrom(running);
      expect((await get(running.base)).status).toBe(500);
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});

describe('serve: a custom templates folder is watched', () => {
  it('rebuilds when a file of `site.templates` changes, also when only the runbooks folder is served', async () => {
    const { repo } = workspace(() => 'root: runbooks\nsite:\n  templates: theme\n', { 'repo/theme/assets/extra.css': 'body { color: teal }' });
    const running = await serve(repo, ['runbooks']);
    try {
      expect(running.stderr()).not.toContain('not watching');
      expect((await get(`${running.base}assets/extra.css`)).body).toBe('body { color: teal }');
      const reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(repo, 'theme', 'assets', 'extra.css'), 'body { color: navy }');
      await within(4000, reloaded, 'reload after editing `theme/assets/extra.css`');
      expect((await get(`${running.base}assets/extra.css`)).body).toBe('body { color: navy }');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
