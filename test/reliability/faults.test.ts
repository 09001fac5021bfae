/**
 * Nothing is lost when `runbook build` is killed: the real bin is SIGKILLed at 20 random moments of
 * a build, and every time the output folder holds one complete site, the previous one or the new
 * one, never a mix; the next build then succeeds and equals a clean build.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, generateCorpus, generatorAvailable, installedCopy, mustRunBin, runBin, sameSnapshot, seededRandom, snapshot, type Snapshot } from './bin-process.js';

const folder = mkdtempSync(join(tmpdir(), 'runbook-faults-'));
const env = { RUNBOOK_CACHE_DIR: join(folder, 'cache') };

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

/** The build command of the test: fixed date, no git, into `out`. */
function buildArgs(out: string): readonly string[] {
  return ['build', '.', '--today', '2026-11-27', '--no-git', '--out', out];
}

/** A copy of the corpus at `from` with three titles changed, one runbook removed and one added. */
function changedCopy(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const teams = readdirSync(to).sort();
  const files = teams.flatMap((team) => readdirSync(join(to, team)).sort().map((name) => join(to, team, name)));
  for (const file of files.slice(0, 3)) writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: "?(.*?)"?$/m, 'title: "$1 (revised)"'));
  const [removed, copied] = files.slice(-2);
  if (removed === undefined || copied === undefined) throw new Error(`the corpus at ${from} has fewer than 2 runbooks`);
  rmSync(removed);
  writeFileSync(join(dirname(copied), `added-${basename(copied)}`), readFileSync(copied, 'utf8').replace(/^title: "?(.*?)"?$/m, 'title: "Added $1"'));
}

/** Where the complete site is after a kill: `out` itself, or (killed between two renames) a folder beside it. */
function siteAfterKill(out: string, previous: Snapshot): { readonly where: string; readonly files: Snapshot } | undefined {
  if (existsSync(out)) return { where: out, files: snapshot(out) };
  for (const name of readdirSync(dirname(out))) {
    const beside = join(dirname(out), name);
    const files = snapshot(beside);
    if (sameSnapshot(files, previous)) return { where: beside, files };
  }
  return undefined;
}

describe.skipIf(!generatorAvailable())('runbook build SIGKILLed at 20 random moments', () => {
  const corpusA = join(folder, 'corpus-a');
  const corpusB = join(folder, 'corpus-b');
  const out = join(folder, 'killed', 'site');
  let sites: Readonly<Record<'A' | 'B', Snapshot>>;
  let duration = 0;
  let bin = '';

  beforeAll(async () => {
    bin = installedCopy(join(folder, 'tool'));
    generateCorpus(corpusA, 40, 7);
    changedCopy(corpusA, corpusB);
    await mustRunBin(buildArgs(join(folder, 'clean-a')), { bin, cwd: corpusA, env });
    await mustRunBin(buildArgs(join(folder, 'clean-b')), { bin, cwd: corpusB, env });
    sites = { A: snapshot(join(folder, 'clean-a')), B: snapshot(join(folder, 'clean-b')) };
    // The moments are drawn over the duration of a build like the killed ones (parse cache warm).
    const started = Date.now();
    await mustRunBin(buildArgs(out), { bin, cwd: corpusA, env });
    duration = Date.now() - started;
  }, 180_000);

  it('leaves one complete site each time (the previous or the new, never a mix), and the next build equals a clean one', async () => {
    expect(differences(snapshot(out), sites.A)).toEqual([]);
    expect(sameSnapshot(sites.A, sites.B)).toBe(false);
    const seed = Number(process.env.RUNBOOK_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    let current: 'A' | 'B' = 'A';
    const log: string[] = [];
    for (let kill = 1; kill <= 20; kill++) {
      const next: 'A' | 'B' = current === 'A' ? 'B' : 'A';
      // Up to 15 % past the measured duration, so that some kills come after the build finished.
      const moment = Math.round(random() * duration * 1.15);
      const run = await runBin(buildArgs(out), {
        bin,
        cwd: next === 'A' ? corpusA : corpusB,
        env,
        started: (child) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), moment);
          child.once('exit', () => {
            clearTimeout(timer);
          });
        },
      });
      const label = `kill ${kill} of 20 at ${moment} ms (seed ${seed}), building ${next} over ${current}`;
      const site = siteAfterKill(out, sites[current]);
      expect(site, `${label}: no complete site at ${out} nor beside it`).toBeDefined();
      if (site === undefined) return;
      const outcome = sameSnapshot(site.files, sites[current]) ? 'previous' : sameSnapshot(site.files, sites[next]) ? 'new' : 'mixed';
      log.push(`${moment} ms: ${run.signal === 'SIGKILL' ? 'killed' : `exited ${String(run.code)}`}, ${outcome} site${site.where === out ? '' : ` (beside, at ${basename(site.where)})`}`);
      expect(outcome, `${label}: the site is neither the previous nor the new one: ${differences(site.files, sites[current]).join(', ')}`).not.toBe('mixed');
      if (run.signal !== 'SIGKILL') {
        expect(run.code, `${label}: the build was not killed, so it must have succeeded:\n${run.stderr}`).toBe(0);
        expect(outcome, `${label}: the build finished, so the site must be the new one`).toBe('new');
      }
      if (outcome === 'new') current = next;
    }
    console.log(`killed builds, seed ${seed} (RUNBOOK_FAULT_SEED=${seed} repeats them), build ${duration} ms:\n  ${log.join('\n  ')}`);
    const last: 'A' | 'B' = current === 'A' ? 'B' : 'A';
    await mustRunBin(buildArgs(out), { bin, cwd: last === 'A' ? corpusA : corpusB, env });
    expect(differences(snapshot(out), sites[last])).toEqual([]);
    // Whatever the builds keep beside the site, they keep it under the site's own name.
    expect(readdirSync(dirname(out)).filter((name) => !name.startsWith(basename(out)))).toEqual([]);
  }, 300_000);
});
