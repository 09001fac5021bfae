/**
 * Shared setup of the reliability tests that run the real, compiled bin in a child process (so
 * that it can be killed, limited or run as another user): running it, snapshotting what it wrote,
 * generating corpora, and a seeded random source.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../file-tree.js';
import { PROJECT_ROOT, SHARED } from '../shared.js';

export { filesUnder };

/**
 * A private copy of the compiled tool (bin/, dist/, templates/, package.json; node_modules linked)
 * in `into`, whose bin is returned: the tests keep running one build of the tool while dist/ is
 * recompiled beside them. Fails loudly when dist/ was never compiled (`npm run build`, or `npm
 * install`, which runs it): the tests of the real bin would test nothing.
 */
export function installedCopy(into: string, options: { readonly copyDependencies?: boolean } = {}): string {
  const main = join(PROJECT_ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` before these tests (they run the compiled bin)`);
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(PROJECT_ROOT, part), join(into, part), { recursive: true });
  if (options.copyDependencies === true) copyRuntimeDependencies(into);
  else symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(into, 'node_modules'));
  return join(into, 'bin', 'runbook.js');
}

/**
 * Copies the runtime dependencies (not the dev ones) into `into/node_modules`: for a copy that
 * another user runs, who may not be allowed into the checkout (a clone in a private temp folder).
 */
function copyRuntimeDependencies(into: string): void {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  const packages = listed.stdout.split('\n').filter((path) => path.startsWith(join(PROJECT_ROOT, 'node_modules')));
  if (packages.length === 0) throw new Error(`npm ls --omit=dev listed no packages (${String(listed.status)}):\n${listed.stderr}`);
  for (const path of packages) cpSync(path, join(into, relative(PROJECT_ROOT, path)), { recursive: true });
}

/** How a run of the bin ended and what it printed. */
export interface BinRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of one run: where, with which environment, and (for a kill) what to do once it started. */
export interface BinOptions {
  /** The bin to run (see `installedCopy`). */
  readonly bin: string;
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly uid?: number;
  readonly gid?: number;
  /** Runs through `/bin/sh -c '<prefix>; exec node bin …'` (e.g. `ulimit -f 8`). */
  readonly shellPrefix?: string;
  /** Called with the child once it is spawned (to kill it at some moment). */
  readonly started?: (child: ReturnType<typeof spawn>) => void;
}

/** Runs `node bin/runbook.js …args` and resolves when it has exited. */
export function runBin(args: readonly string[], options: BinOptions): Promise<BinRun> {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  };
  const quoted = [process.execPath, options.bin, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const child =
    options.shellPrefix === undefined ? spawn(process.execPath, [options.bin, ...args], spawnOptions) : spawn('/bin/sh', ['-c', `${options.shellPrefix}; exec ${quoted}`], spawnOptions);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  options.started?.(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs the bin and fails with its own words unless it exits 0. */
export async function mustRunBin(args: readonly string[], options: BinOptions): Promise<BinRun> {
  const run = await runBin(args, options);
  if (run.code !== 0) throw new Error(`runbook ${args.join(' ')} exited ${String(run.code ?? run.signal)}:\n${run.stderr}${run.stdout}`);
  return run;
}


/** Every file of a folder with a digest of its bytes: two snapshots are equal when the folders are byte-identical. */
export type Snapshot = ReadonlyMap<string, string>;

export function snapshot(root: string): Snapshot {
  return new Map(filesUnder(root).map((path) => [path, createHash('sha256').update(readFileSync(join(root, path))).digest('hex')]));
}

/** How two snapshots differ, as a short readable list (empty when equal). */
export function differences(actual: Snapshot, expected: Snapshot, limit = 10): readonly string[] {
  const found: string[] = [];
  for (const [path, hash] of expected) {
    const other = actual.get(path);
    if (other === undefined) found.push(`missing ${path}`);
    else if (other !== hash) found.push(`changed ${path}`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) found.push(`extra ${path}`);
  return found.length > limit ? [...found.slice(0, limit), `… and ${found.length - limit} more`] : found;
}

export function sameSnapshot(actual: Snapshot, expected: Snapshot): boolean {
  return differences(actual, expected, 1).length === 0;
}

const GENERATOR = join(SHARED, 'bench', 'gen-corpus.mjs');

/** Whether the corpus generator in ../shared is there; loud when not, and a failure in CI. */
export function generatorAvailable(): boolean {
  if (existsSync(GENERATOR)) return true;
  const reason = `${GENERATOR} not found: skipping the tests that need a generated corpus`;
  if (process.env.CI === 'true') throw new Error(`${reason} is not allowed in CI`);
  console.warn(`\n*** ${reason} ***\n`);
  return false;
}

/** Writes `n` generated runbooks into `out` (wiped first); the same `n` and `seed` give the same bytes. */
export function generateCorpus(out: string, n: number, seed = 42): void {
  const result = spawnSync(process.execPath, [GENERATOR, '--n', String(n), '--out', out, '--seed', String(seed)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`gen-corpus.mjs --n ${n} --out ${out} failed:\n${result.stderr}`);
}

/** A small seeded random source (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
