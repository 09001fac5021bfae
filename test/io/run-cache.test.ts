import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { fileTree } from '../file-tree.js';
import { PROJECT_ROOT } from '../shared.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-cache-test-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

const tree = fileTree;

function entries(cache: string): readonly string[] {
  return [...tree(cache).keys()].map((name) => join(cache, name));
}

async function checkAndBuild(cache: string | undefined, out: string): Promise<{ check: string; site: ReadonlyMap<string, string> }> {
  const env: Record<string, string> = cache === undefined ? {} : { RUNBOOK_CACHE_DIR: cache };
  const args = ['--today', '2026-11-27', '--no-git'];
  const check = await runCli(['check', 'runbooks', 'test/fixtures/check/broken-links', 'test/fixtures/check/invalid-values', '--format', 'json', ...args], PROJECT_ROOT, env);
  const build = await runCli(['build', 'runbooks', '--out', out, ...args], PROJECT_ROOT, env);
  expect(build.code).toBe(0);
  return { check: check.stdout, site: tree(out) };
}

describe('the parse cache never changes results', () => {
  it('gives the same diagnostics and the same site with no cache, a cold cache, a warm cache and corrupted entries', async () => {
    const cache = join(temporary, 'cache');
    const reference = await checkAndBuild(undefined, join(temporary, 'site-none'));
    const cold = await checkAndBuild(cache, join(temporary, 'site-cold'));
    expect(entries(cache).length).toBeGreaterThan(10);
    const warm = await checkAndBuild(cache, join(temporary, 'site-warm'));
    for (const [index, path] of entries(cache).entries()) {
      const text = readFileSync(path, 'utf8');
      // Truncated, garbage, valid JSON with a wrong digest, and a flipped byte inside the payload.
      const corrupted = [text.slice(0, text.length / 2), 'not json', text.replace(/"digest":"[0-9a-f]{4}/, '"digest":"0000'), text.replace('"title', '"titel')];
      writeFileSync(path, corrupted[index % corrupted.length] ?? '');
    }
    const corrupt = await checkAndBuild(cache, join(temporary, 'site-corrupt'));
    for (const run of [cold, warm, corrupt]) {
      expect(run.check).toBe(reference.check);
      expect([...run.site.keys()]).toEqual([...reference.site.keys()]);
      for (const [path, content] of reference.site) expect(run.site.get(path), path).toBe(content);
    }
  });

  it('is not used with --no-cache', async () => {
    const unused = join(temporary, 'unused');
    await runCli(['check', 'runbooks', '--today', '2026-11-27', '--no-git', '--no-cache'], PROJECT_ROOT, { RUNBOOK_CACHE_DIR: unused });
    expect(() => readdirSync(unused)).toThrow();
  });
});

describe('a cache folder that cannot be written', () => {
  const CHECK = ['check', 'runbooks', 'test/fixtures/check/broken-links', '--today', '2026-11-27', '--no-git', '--format', 'json'];
  const note = (folder: string, code: string): string => `runbook: note: cannot write the cache in ${folder} (${code}); runs will not be faster\n`;

  it('is said in one line on stderr, once per process, and changes neither stdout nor the exit code', async () => {
    const blocked = join(temporary, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const reference = await runCli(CHECK, PROJECT_ROOT, { RUNBOOK_CACHE_DIR: join(temporary, 'blocked-reference') });
    expect(reference.code).toBe(1);
    const first = await runCli(CHECK, PROJECT_ROOT, { RUNBOOK_CACHE_DIR: blocked });
    expect(first).toEqual({ ...reference, stderr: reference.stderr + note(blocked, 'ENOTDIR') });
    const again = await runCli(CHECK, PROJECT_ROOT, { RUNBOOK_CACHE_DIR: blocked });
    expect(again).toEqual(reference);
  });

  it.skipIf(process.getuid?.() === 0)('is said when the folder is read-only (as anyone but root, who may write there anyway)', async () => {
    const readOnly = join(temporary, 'read-only');
    mkdirSync(readOnly, { mode: 0o555 });
    const result = await runCli(CHECK, PROJECT_ROOT, { RUNBOOK_CACHE_DIR: readOnly });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(note(readOnly, 'EACCES'));
    expect(readdirSync(readOnly)).toEqual([]);
  });
});
