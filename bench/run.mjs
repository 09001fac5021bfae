#!/usr/bin/env node
// Benchmark: `npm run bench [-- --sizes 1000,10000 --runs 3 --install-peers]`; `-- --search` measures
// search quality instead (bench/search-quality.mjs).
//
// Generates the 1k and 10k corpora with ../shared/bench/gen-corpus.mjs (deterministic), writes a
// config with their teams and severities, then times whole processes (median of --runs):
// cold build, build with nothing changed, build after editing one runbook (the first change after a
// cold build, and the next), cold and warm check, and at 1k `serve`'s save → page reloaded;
// peak memory (from /usr/bin/time when present), output size, search index size and the bytes a
// first query downloads (gzip). When `hugo` (Debian package) or Eleventy are installed it builds the
// same corpus with them in the same run and prints our figures as ratios to theirs;
// `--install-peers` installs Eleventy 3 from npm into the work folder first.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serveReload } from './serve-reload.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// `npm run bench -- --search [--ours-only] [--json]`: search quality against Pagefind instead (bench/search-quality.mjs).
if (process.argv.includes('--search')) {
  const rest = process.argv.slice(2).filter((arg) => arg !== '--search');
  process.exit(spawnSync(process.execPath, [join(ROOT, 'bench', 'search-quality.mjs'), ...rest], { stdio: 'inherit' }).status ?? 2);
}

const GENERATOR = resolve(ROOT, '..', 'shared', 'bench', 'gen-corpus.mjs');
const BIN = join(ROOT, 'bin', 'runbook.js');
const args = Object.fromEntries(process.argv.slice(2).map((arg, i, all) => (arg.startsWith('--') ? [arg.slice(2), all[i + 1] ?? ''] : undefined)).filter(Boolean));
const SIZES = (args.sizes ?? '1000,10000').split(',').map(Number);
const RUNS = Number(args.runs ?? 3);
const WORK = resolve(args.work ?? join(tmpdir(), 'runbook-bench'));
const TODAY = '2026-11-27';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!existsSync(GENERATOR)) {
  console.error(`bench: ${GENERATOR} not found: the corpus generator lives in ../shared/bench (see DEVELOPERS.md)`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });

/** Runs a command, returns wall seconds and peak RSS in MB (when /usr/bin/time is available). */
function timed(command, commandArgs, cwd) {
  const started = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const lines = (result.stderr ?? '').trim().split('\n');
  const peakKb = TIME ? Number(lines[lines.length - 1]) : NaN;
  return { seconds, peakMb: peakKb / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function sizeOf(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

function prepare(n) {
  const folder = join(WORK, `corpus-${n}`);
  const corpus = join(folder, 'runbooks');
  if (!existsSync(join(folder, '.generated'))) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    execFileSync('node', [GENERATOR, '--n', String(n), '--out', corpus], { stdio: 'ignore' });
    const teams = readdirSync(corpus).sort();
    const config = [
      'root: runbooks',
      'teams:',
      ...teams.flatMap((team) => [
        `  team-${team}:`,
        `    name: ${team}`,
        `    chat: "#${team}-oncall"`,
        '    escalation:',
        `      - {name: ${team} primary on-call, via: pager, target: ${team}-primary}`,
      ]),
      'severities:',
      '  - {id: SEV1, review_every: 90d}',
      '  - {id: SEV2, review_every: 180d}',
      '  - {id: SEV3, review_every: 1y}',
      '  - {id: SEV4, review_every: 1y}',
      '',
    ].join('\n');
    writeFileSync(join(folder, 'runbook.config.yaml'), config);
    writeFileSync(join(folder, '.generated'), '');
  }
  return folder;
}

function firstFile(folder) {
  const corpus = join(folder, 'runbooks');
  const team = readdirSync(corpus).sort()[0];
  return join(corpus, team, readdirSync(join(corpus, team)).sort()[0]);
}

/** Bytes (gzip) the browser downloads for a first one-word query: the manifest, the docs table and the shards the word needs. */
function searchFigures(site) {
  const folder = join(site, 'search');
  const files = readdirSync(folder);
  const gz = (name) => gzipSync(readFileSync(join(folder, name))).length;
  const total = files.reduce((sum, name) => sum + gz(name), 0);
  const always = files.filter((name) => name === 'manifest.js');
  // A typical one-word query ("database"): its term shard, and the first rows file for the results.
  const shard = files.filter((name) => name === 'terms-da.js' || name === 'docs-0.js');
  return { files: files.length, totalKb: total / 1024, firstQueryKb: [...always, ...shard].reduce((sum, name) => sum + gz(name), 0) / 1024 };
}

async function ours(n) {
  const folder = prepare(n);
  const out = join(folder, 'site');
  const cache = join(folder, '.runbook-cache');
  process.env.RUNBOOK_CACHE_DIR = cache; // inherited by every timed process
  const build = () => timed('node', [BIN, 'build', '--today', TODAY, '--no-git', '--out', out], folder);
  const check = () => timed('node', [BIN, 'check', '--today', TODAY, '--no-git', '--format', 'concise'], folder);
  const edited = firstFile(folder);
  const original = readFileSync(edited);
  const cold = [], warm = [], oneFirst = [], one = [], checkCold = [], checkWarm = [];
  let peak = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const path of [cache, out, `${out}.runbook-spare`]) rmSync(path, { recursive: true, force: true });
    const first = build();
    cold.push(first.seconds);
    peak = Math.max(peak, first.peakMb);
    warm.push(build().seconds);
    // The first change after a cold build has no spare site to update, so it writes every file;
    // from the next one on, only the files whose bytes changed are written.
    appendFileSync(edited, `\nEdited for the benchmark, run ${run}.\n`);
    oneFirst.push(build().seconds);
    appendFileSync(edited, `\nEdited again for the benchmark, run ${run}.\n`);
    one.push(build().seconds);
    writeFileSync(edited, original);
    build();
    rmSync(cache, { recursive: true, force: true });
    checkCold.push(check().seconds);
    checkWarm.push(check().seconds);
  }
  const reload = n <= 1000 ? await serveReload(folder, 5 * RUNS) : [];
  return {
    n,
    cold: median(cold),
    warm: median(warm),
    one: median(one),
    oneFirst: median(oneFirst),
    reloadMs: reload.length > 0 ? median(reload) : NaN,
    checkCold: median(checkCold),
    checkWarm: median(checkWarm),
    peakMb: peak,
    outputMb: sizeOf(out) / 1024 / 1024,
    corpusMb: sizeOf(join(folder, 'runbooks')) / 1024 / 1024,
    search: searchFigures(out),
  };
}

function hugo(n) {
  if (spawnSync('hugo', ['version']).status !== 0) return undefined;
  const folder = join(WORK, `hugo-${n}`);
  if (!existsSync(folder)) {
    mkdirSync(join(folder, 'layouts', '_default'), { recursive: true });
    cpSync(join(prepare(n), 'runbooks'), join(folder, 'content'), { recursive: true });
    writeFileSync(join(folder, 'hugo.toml'), 'baseURL = "https://example.com/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
    writeFileSync(join(folder, 'layouts', '_default', 'single.html'), '<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}');
    writeFileSync(join(folder, 'layouts', '_default', 'list.html'), '<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>');
  }
  const times = [];
  let peak = 0;
  for (let run = 0; run < RUNS; run++) {
    rmSync(join(folder, 'public'), { recursive: true, force: true });
    const result = timed('hugo', ['--quiet'], folder);
    times.push(result.seconds);
    peak = Math.max(peak, result.peakMb);
  }
  return { cold: median(times), peakMb: peak };
}

/**
 * Eleventy from PATH (npx), or from `<work>/peers` where `npm run bench -- --install-peers` puts it
 * (`npm i @11ty/eleventy@3` there: the npm registry is the only network this needs).
 */
function eleventyCommand() {
  const local = join(WORK, 'peers', 'node_modules', '.bin', 'eleventy');
  if (!existsSync(local) && args['install-peers'] !== undefined) {
    mkdirSync(join(WORK, 'peers'), { recursive: true });
    execFileSync('npm', ['i', '--no-audit', '--no-fund', '@11ty/eleventy@3'], { cwd: join(WORK, 'peers'), stdio: 'inherit' });
  }
  if (existsSync(local)) return [local, []];
  const probe = spawnSync('npx', ['--no-install', '@11ty/eleventy', '--version'], { encoding: 'utf8' });
  return probe.status === 0 ? ['npx', ['--no-install', '@11ty/eleventy']] : undefined;
}

function eleventy(n) {
  const command = eleventyCommand();
  if (command === undefined) return undefined;
  const [bin, prefix] = command;
  const folder = prepare(n);
  const times = [];
  let peak = 0;
  for (let run = 0; run < RUNS; run++) {
    const out = join(WORK, `eleventy-${n}`);
    rmSync(out, { recursive: true, force: true });
    const result = timed(bin, [...prefix, '--quiet', `--input=${join(folder, 'runbooks')}`, `--output=${out}`], folder);
    times.push(result.seconds);
    peak = Math.max(peak, result.peakMb);
  }
  return { cold: median(times), peakMb: peak };
}

const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; medians of ${RUNS} runs`);
for (const n of SIZES) {
  const result = await ours(n);
  const peers = { hugo: hugo(n), eleventy: eleventy(n) };
  console.log(`\n## ${n} runbooks (${fixed(result.corpusMb, 1)} MB)\n`);
  console.log('| figure | runbook | vs Hugo | vs Eleventy |');
  console.log('| --- | ---: | ---: | ---: |');
  const ratio = (value, peer) => (peer === undefined ? 'not installed' : `${fixed(value / peer.cold)}×`);
  console.log(`| cold build (s) | ${fixed(result.cold)} | ${ratio(result.cold, peers.hugo)} | ${ratio(result.cold, peers.eleventy)} |`);
  console.log(`| build, nothing changed (s) | ${fixed(result.warm)} | ${ratio(result.warm, peers.hugo)} | ${ratio(result.warm, peers.eleventy)} |`);
  console.log(`| build, one runbook changed (s) | ${fixed(result.one)} | ${ratio(result.one, peers.hugo)} | ${ratio(result.one, peers.eleventy)} |`);
  console.log(`| build, first change after a cold build (s) | ${fixed(result.oneFirst)} | ${ratio(result.oneFirst, peers.hugo)} | ${ratio(result.oneFirst, peers.eleventy)} |`);
  console.log(`| cold check (s) | ${fixed(result.checkCold)} | | |`);
  console.log(`| check, nothing changed (s) | ${fixed(result.checkWarm)} | | |`);
  console.log(`| cold check / cold build | ${fixed(result.checkCold / result.cold)} | | |`);
  console.log(`| peak memory, cold build (MB) | ${fixed(result.peakMb, 0)} | ${peers.hugo ? fixed(peers.hugo.peakMb, 0) : 'n/a'} | ${peers.eleventy ? fixed(peers.eleventy.peakMb, 0) : 'n/a'} |`);
  console.log(`| output size (MB) | ${fixed(result.outputMb, 1)} | | |`);
  if (Number.isFinite(result.reloadMs)) console.log(`| serve: save → page reloaded (ms) | ${fixed(result.reloadMs, 0)} | | |`);
  console.log(`| search index (files, KB gzip) | ${result.search.files}, ${fixed(result.search.totalKb, 0)} | | |`);
  console.log(`| first query downloads (KB gzip) | ${fixed(result.search.firstQueryKb, 0)} | | |`);
  if (peers.hugo) console.log(`\nHugo cold build: ${fixed(peers.hugo.cold)} s, ${fixed(peers.hugo.peakMb, 0)} MB`);
  if (peers.eleventy) console.log(`Eleventy cold build: ${fixed(peers.eleventy.cold)} s, ${fixed(peers.eleventy.peakMb, 0)} MB`);
}
