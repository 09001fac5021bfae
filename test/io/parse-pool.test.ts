/**
 * The parse pool gives what one thread gives: cold builds of 150 generated runbooks with --jobs 1, 2
 * and 4 (the real bin) write byte-identical sites, on 1 + jobs threads, and `check` reports the
 * diagnostics they found identically in every format; a file whose parse throws in a worker stays a
 * `crashed` result on that file; a worker that dies fails the run with the file it was on instead of
 * hanging. Workers need the compiled tool (dist/), so these tests run it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInWorkers } from '../../src/io/parse-pool.js';
import type { Config } from '../../src/model/config.js';
import { defaultConfig } from '../../src/parse/config.js';
import { parseFile } from '../../src/parse/parse-file.js';
import type { SourceFile } from '../../src/parse/runbook.js';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { filesUnder } from '../file-tree.js';
import { differences, generateCorpus, generatorAvailable, runBin, snapshot } from '../reliability/bin-process.js';
import { PROJECT_ROOT } from '../shared.js';


const TODAY = ['--today', '2026-11-27', '--no-git'];
const folder = mkdtempSync(join(tmpdir(), 'runbook-parse-pool-'));
const corpus = join(folder, 'corpus');

/**
 * The compiled tool, in a folder of its own: dist/ as it is when it is newer than every source file
 * (CI compiles it on install), else the sources compiled afresh (`npm run build` into the folder).
 */
function compiledTool(into: string): string {
  const newest = (root: string): number => Math.max(...filesUnder(root).map((path) => statSync(join(root, path)).mtimeMs));
  const dist = join(PROJECT_ROOT, 'dist');
  const fresh = filesUnder(dist).length > 0 && newest(dist) >= newest(join(PROJECT_ROOT, 'src'));
  if (fresh) cpSync(dist, join(into, 'dist'), { recursive: true });
  else {
    const built = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.mjs'), '--out', join(into, 'dist')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`scripts/build.mjs failed (${String(built.status)}):\n${built.stdout}${built.stderr}`);
  }
  for (const part of ['bin', 'templates', 'package.json']) cpSync(join(PROJECT_ROOT, part), join(into, part), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(into, 'node_modules'));
  return join(into, 'bin', 'runbook.js');
}

const tool = join(folder, 'tool');
let bin = '';

beforeAll(() => {
  bin = compiledTool(tool);
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

/** A compiled parse worker (where scripts/build.mjs puts it, beside the pool's chunk), started with `setup` and `limits`. */
function compiledWorker(setup: unknown, limits: ResourceLimits = {}): Worker {
  return new Worker(join(tool, 'dist', 'cli', 'parse-worker.js'), { workerData: setup, resourceLimits: limits });
}

describe.skipIf(!generatorAvailable())('check and build with --jobs 1, 2 and 4', () => {
  beforeAll(() => {
    generateCorpus(join(corpus, 'runbooks'), 150);
    const teams = readdirSync(join(corpus, 'runbooks')).sort();
    const config = [
      'root: runbooks',
      'teams:',
      ...teams.flatMap((team) => [`  team-${team}:`, `    name: ${team}`, `    chat: "#${team}-oncall"`]),
      'severities:',
      ...['SEV1', 'SEV2', 'SEV3'].map((id) => `  - {id: ${id}, review_every: 1y}`),
      '',
    ];
    writeFileSync(join(corpus, 'runbook.config.yaml'), config.join('\n'));
  }, 60_000);

  it('builds byte-identical sites and reports identical diagnostics in every format, parsing on 1 + jobs threads', async () => {
    const runs = [];
    for (const jobs of [1, 2, 4]) {
      const env = { RUNBOOK_CACHE_DIR: join(folder, `cache-${jobs}`), CI: 'true' };
      const site = join(folder, `site-${jobs}`);
      // A cold build parses every file on the pool (one CPU profile a thread) and remembers the run's
      // diagnostics: what `check` then reports, in every format (JSON holds every field of every diagnostic: enough for 2).
      const profiles = join(folder, `profiles-${jobs}`);
      const built = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, bin, 'build', '--jobs', String(jobs), '--out', site, ...TODAY], { cwd: corpus, env: { ...process.env, ...env }, encoding: 'utf8' });
      expect({ jobs, code: built.status, stderr: built.stderr }).toMatchObject({ jobs, code: 0 });
      const formats = jobs === 2 ? ['json'] : FORMAT_NAMES;
      const checked = await Promise.all(formats.map((format) => runBin(['check', '--jobs', String(jobs), '--format', format, ...TODAY], { bin, cwd: corpus, env })));
      const reports = new Map(checked.map((run, index) => [formats[index] ?? '', { code: run.code, stdout: run.stdout }]));
      runs.push({ jobs, site: snapshot(site), built: built.stderr.replace(/ in [\d.]+s/, '').replace(`site-${jobs}`, 'site'), reports, threads: readdirSync(profiles).length });
    }
    const [one, ...others] = runs;
    if (one === undefined) throw new Error('no run');
    expect(one.reports.get('json')?.code).toBe(1); // The generated runbooks have errors.
    expect((JSON.parse(one.reports.get('json')?.stdout ?? '') as { summary: { errors: number } }).summary.errors).toBeGreaterThan(50);
    expect(one.threads).toBe(1);
    for (const run of others) {
      expect({ jobs: run.jobs, differences: differences(run.site, one.site) }).toEqual({ jobs: run.jobs, differences: [] });
      expect(run.built).toBe(one.built);
      for (const [format, report] of run.reports) expect({ format, ...report }).toEqual({ format, ...one.reports.get(format) });
      expect(run.reports.size).toBe(run.jobs === 2 ? 1 : FORMAT_NAMES.length);
      expect(run.threads).toBe(1 + run.jobs);
    }
  }, 120_000);
});

/** `count` small runbooks (enough for the pool to start workers). */
function smallFiles(count: number): readonly SourceFile[] {
  return Array.from({ length: count }, (_, index) => {
    const file = `runbooks/r${index}.md`;
    return { id: `r${index}`, file, path: join(folder, file), bytes: new TextEncoder().encode(`---\ntitle: R${index}\n---\n# R${index}\n\nText ${'word '.repeat(index)}\n`) };
  });
}

describe('the parse pool', () => {
  it('keeps a file whose parse throws as a crashed result on that file, as one thread does, in the order given', async () => {
    const files = smallFiles(70);
    // A config without its fields makes every parse throw (a stand-in for a bug in the parser).
    const broken = {} as Config;
    const results = await parseInWorkers(files, { config: broken, render: false }, 2, (setup) => compiledWorker(setup));
    const alone = files.map((file) => parseFile(file, broken, false));
    const shown = (result: (typeof results)[number]) => (result.kind === 'crashed' && result.error instanceof Error ? `${result.file}: ${result.error.name}: ${result.error.message}` : result.kind);
    expect(results.map(shown)).toEqual(alone.map(shown));
    expect(results.map(shown)[0]).toMatch(/^runbooks\/r0\.md: TypeError: /);
    // It was thrown in a worker (the stack says where), not on this thread.
    const [first] = results;
    expect(first?.kind === 'crashed' && first.error instanceof Error ? first.error.stack : '').toContain('parse-worker.js');
  });

  it('fails the run, naming the file, when a worker dies (out of memory), and does not hang', async () => {
    // The pool of the sources, with the compiled worker (a heap too small for the parser).
    const files = smallFiles(3);
    const tiny = (setup: unknown) => compiledWorker(setup, { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 });
    await expect(parseInWorkers(files, { config: defaultConfig(folder), render: true }, 1, tiny)).rejects.toThrow(/^a parse worker failed while parsing runbooks\/r0\.md$/);
  });
});
