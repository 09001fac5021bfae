import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHARED } from '../shared.js';
import { SETUP_TIMEOUT, SLOW_TEST_TIMEOUT, buildSiteInto, filesUnder, mustBuild } from './browser.js';

/** Every file of a folder with its bytes, so that two snapshots compare file by file. */
function snapshot(folder: string): ReadonlyMap<string, Buffer> {
  return new Map(filesUnder(folder).map((path) => [path, readFileSync(join(folder, path))]));
}

function expectSameFiles(actual: ReadonlyMap<string, Buffer>, expected: ReadonlyMap<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  const different = [...expected].filter(([path, bytes]) => !actual.get(path)?.equals(bytes)).map(([path]) => path);
  expect(different).toEqual([]);
}

/**
 * Names beside `out` that a build leaves while it runs (`site.runbook-tmp-<pid>`, `site.runbook-old-<pid>`);
 * not the spare copy of the site before (`site.runbook-spare`), which stays on purpose.
 */
function leftoversBeside(out: string): readonly string[] {
  return readdirSync(dirname(out)).filter((name) => name.startsWith(`${basename(out)}.runbook-`) && name !== `${basename(out)}.runbook-spare`);
}

const folder = mkdtempSync(join(tmpdir(), 'runbook-output-'));

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
}, SETUP_TIMEOUT);

describe('runbook build --out', () => {
  it('refuses a folder that holds files it did not write (exit 2, naming the folder) and leaves them alone', async () => {
    const out = join(folder, 'precious');
    mkdirSync(join(out, 'notes'), { recursive: true });
    writeFileSync(join(out, 'index.html'), '<p>my own page</p>');
    writeFileSync(join(out, 'notes', 'todo.txt'), 'do not delete\n');
    const before = snapshot(out);
    const result = await buildSiteInto(PROJECT_ROOT, 'runbooks', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(out);
    expectSameFiles(snapshot(out), before);
    expect(leftoversBeside(out)).toEqual([]);
  });

  it('writes the same bytes twice for the same input', async () => {
    const first = join(folder, 'first');
    const second = join(folder, 'second');
    await mustBuild(PROJECT_ROOT, 'runbooks', first);
    await mustBuild(PROJECT_ROOT, 'runbooks', second);
    const files = snapshot(first);
    expect(files.size).toBeGreaterThan(50);
    expectSameFiles(snapshot(second), files);
  });

  describe('--strict when the runbooks have errors', () => {
    const broken = join(folder, 'broken');

    beforeAll(() => {
      mkdirSync(broken, { recursive: true });
      writeFileSync(join(broken, 'no-owner.md'), '---\ntitle: No owner\nlast_tested: 2026-13-45\n---\n\n## Summary\n\nMissing everything.\n');
    });

    it('exits 1 and writes nothing when there is no previous site', async () => {
      const out = join(folder, 'strict-new');
      const result = await buildSiteInto(broken, '.', out, ['--strict']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('not built');
      expect(existsSync(out)).toBe(false);
      expect(leftoversBeside(out)).toEqual([]);
    });

    it('exits 1 and leaves the previous site untouched', async () => {
      const out = join(folder, 'strict-old');
      await mustBuild(PROJECT_ROOT, 'runbooks', out);
      const before = snapshot(out);
      const result = await buildSiteInto(broken, '.', out, ['--strict']);
      expect(result.code).toBe(1);
      expectSameFiles(snapshot(out), before);
      expect(leftoversBeside(out)).toEqual([]);
    });
  });
});

const GENERATOR = join(SHARED, 'bench', 'gen-corpus.mjs');

/** Whether the corpus generator in ../shared is there; loud when not, and a failure in CI. */
function generatorAvailable(): boolean {
  if (existsSync(GENERATOR)) return true;
  const reason = `${GENERATOR} not found: skipping the killed-build test`;
  if (process.env.CI === 'true') throw new Error(`${reason} is not allowed in CI`);
  console.warn(`\n*** ${reason} ***\n`);
  return false;
}

/** Compiles dist/ (which the real bin runs) when it is missing or older than a source file. */
function ensureCompiled(): void {
  const main = join(PROJECT_ROOT, 'dist', 'cli', 'main.js');
  const newestSource = Math.max(...filesUnder(join(PROJECT_ROOT, 'src')).map((path) => statSync(join(PROJECT_ROOT, 'src', path)).mtimeMs));
  if (existsSync(main) && statSync(main).mtimeMs >= newestSource) return;
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (${String(result.status)}):\n${result.stdout}${result.stderr}`);
}

/** How a killed build was stopped: after a delay, or as soon as (plus a delay) it started writing the new site. */
type KillMoment = { readonly kind: 'after'; readonly ms: number } | { readonly kind: 'writing'; readonly ms: number };

describe.skipIf(!generatorAvailable())('a build killed midway', () => {
  const corpus = join(folder, 'corpus');
  const out = join(folder, 'killed', 'site');

  beforeAll(() => {
    ensureCompiled();
    const generated = spawnSync(process.execPath, [GENERATOR, '--n', '300', '--out', corpus], { encoding: 'utf8' });
    if (generated.status !== 0) throw new Error(`gen-corpus.mjs failed:\n${generated.stderr}`);
  }, SETUP_TIMEOUT);

  /** Runs the real bin on the corpus and SIGKILLs it at `moment`; resolves once it is gone. */
  function killedBuild(moment: KillMoment): Promise<{ readonly signal: NodeJS.Signals | null; readonly code: number | null }> {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'runbook.js'), 'build', '.', '--today', '2026-11-27', '--no-git', '--out', out], { cwd: corpus, stdio: 'ignore' });
    const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) => child.once('exit', (code, signal) => { resolve({ code, signal }); }));
    const kill = () => child.kill('SIGKILL');
    if (moment.kind === 'after') {
      const timer = setTimeout(kill, moment.ms);
      void exited.then(() => { clearTimeout(timer); });
    } else {
      const poll = setInterval(() => {
        if (leftoversBeside(out).some((name) => name.includes('.runbook-tmp-'))) {
          clearInterval(poll);
          setTimeout(kill, moment.ms);
        }
      }, 2);
      void exited.then(() => { clearInterval(poll); });
    }
    return exited;
  }

  it('leaves the previous site complete, whenever it is killed, and the next build replaces it', async () => {
    await mustBuild(PROJECT_ROOT, 'runbooks', out);
    const previous = snapshot(out);
    const moments: readonly KillMoment[] = [
      { kind: 'after', ms: 50 },
      { kind: 'after', ms: 400 },
      { kind: 'after', ms: 900 },
      { kind: 'after', ms: 1500 },
      // Mid-write: the new site is half written beside the old one.
      { kind: 'writing', ms: 10 + Math.floor(Math.random() * 100) },
    ];
    for (const moment of moments) {
      const ended = await killedBuild(moment);
      const label = `killed ${moment.kind} ${moment.ms} ms`;
      expect(ended.signal, `${label}: the build finished before it was killed`).toBe('SIGKILL');
      // Killed between its two renames, the old site waits beside `out` for the next build to put it back.
      const old = leftoversBeside(out).find((name) => name.includes('.runbook-old-'));
      const where = existsSync(out) ? out : join(dirname(out), old ?? 'nowhere');
      expect(existsSync(where), `${label}: no site at ${out}, nor the previous one beside it`).toBe(true);
      expectSameFiles(snapshot(where), previous);
    }
    // The mid-write kill left its half-written site (or the old one, between the renames) beside `out`.
    expect(leftoversBeside(out).length).toBeGreaterThan(0);

    // The next build (a smaller one, to keep the test quick) cleans up and replaces the previous site.
    await mustBuild(PROJECT_ROOT, 'runbooks/database', out);
    expect(leftoversBeside(out)).toEqual([]);
    const pages = filesUnder(out).filter((path) => path.startsWith('runbooks/') && path.endsWith('/index.html'));
    expect(pages).toEqual(['runbooks/database/primary-down/index.html', 'runbooks/database/restore-from-backup/index.html']);
    expect(previous.has('runbooks/tls/certificate-expiry/index.html')).toBe(true);
  }, SLOW_TEST_TIMEOUT);
});
