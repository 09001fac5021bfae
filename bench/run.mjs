#!/usr/bin/env node
// Benchmark: `npm run bench [-- --sizes 1000,10000 --runs 3 --install-peers --work DIR]`; `-- --search`
// measures search quality instead (bench/search-quality.mjs).
//
// Generates the corpora with ../shared/bench/gen-corpus.mjs (deterministic), writes a config with their
// teams and severities, then times whole processes (wall seconds, user+sys CPU and peak RSS from
// /usr/bin/time; medians of --runs, one run of each slow figure from 5,000 runbooks up):
// - ours: cold build (default, and with --jobs 1, 2, 4 when `build --help` offers --jobs), build with
//   nothing changed, after editing one runbook (the first change after a cold build, and the next; with
//   the files that build wrote), cold check, check with nothing changed (median of 5), `show <alert>`
//   (median of 10 at ≤ 1,000 runbooks, else 5; the first alert of the first runbook file), peak memory,
//   output and search index sizes, and at ≤ 1,000 `serve`'s save → page reloaded;
// - start-up, once: `node -e 0` and `runbook --version` (median of 15);
// - peers in the same run, from the same corpus (bench/peer-sites.mjs has their files):
//   * Hugo (Debian's `hugo`): one template per page kind — a page per runbook (title, owner, service,
//     severity, table of contents, body), the home page listing every runbook, a page per team (the
//     sections), per service and per alert (taxonomies `service` and `alerts`) and their two indexes.
//     No syntax highlighting (Hugo highlights fenced code with Chroma by default: that, not the machine,
//     made the old bench's Hugo 4× slower than a minimal site, 32.7 s at 10k), no RSS, sitemap, robots,
//     404 or tag pages;
//   * Eleventy 3: the same pages (Nunjucks layout and paginated listings, Markdown not run through
//     Liquid, slugs made once in the config);
//   * Hugo + Pagefind and Eleventy + Pagefind: the same build, then `pagefind --site` indexing the
//     runbook pages (data-pagefind-body), timed as one figure (the sum) with the peak of the two.
//   `--install-peers` installs Eleventy 3 and Pagefind from npm into <work>/peers first; Hugo comes from
//   `apt-get install hugo`. Pagefind is also found in this repository's node_modules (a devDependency).
// Ends with the issue #16 targets, each met or not, and the machine, the load before and after and the
// bench's own time. Timings on a loaded machine are upper bounds: the load is printed for that reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { eleventySite, hugoSite } from './peer-sites.mjs';
import { serveReload } from './serve-reload.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// `npm run bench -- --search [--ours-only] [--json]`: search quality against Pagefind instead (bench/search-quality.mjs).
if (process.argv.includes('--search')) {
  const rest = process.argv.slice(2).filter((arg) => arg !== '--search');
  process.exit(spawnSync(process.execPath, [join(ROOT, 'bench', 'search-quality.mjs'), ...rest], { stdio: 'inherit' }).status ?? 2);
}
if (process.argv.includes('--help')) {
  console.log(
    [
      'npm run bench [-- --sizes 1000,10000] [--runs 3] [--install-peers] [--work DIR]',
      '  --sizes          corpus sizes, generated once into --work (default 1000,10000)',
      '  --runs           runs per figure, median taken (default 3; slow figures once from 5000 runbooks up)',
      '  --install-peers  npm i @11ty/eleventy@3 pagefind@1 into <work>/peers first (Hugo: apt-get install hugo)',
      '  --work           work folder: corpora, caches, peer sites (default <tmp>/runbook-bench)',
      '  --prepare-only   only generate the corpora and the peer sites (untimed), e.g. before a quiet moment',
      'npm run bench -- --search [--ours-only] [--json]   search quality against Pagefind (bench/search-quality.mjs)',
    ].join('\n'),
  );
  process.exit(0);
}

const GENERATOR = resolve(ROOT, '..', 'shared', 'bench', 'gen-corpus.mjs');
const BIN = join(ROOT, 'bin', 'runbook.js');
const FLAGS = new Set(['install-peers', 'prepare-only']);
const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (FLAGS.has(name)) args[name] = true;
  else args[name] = process.argv[++i] ?? '';
}
const SIZES = (args.sizes ?? '1000,10000').split(',').map(Number);
const RUNS = Number(args.runs ?? 3);
const WORK = resolve(args.work ?? join(tmpdir(), 'runbook-bench'));
const TODAY = '2026-11-27';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** From this size on, each slow figure (cold builds, cold check, peers) is taken once. */
const LARGE = 5000;

if (!SIZES.every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`bench: --sizes ${args.sizes ?? ''} --runs ${args.runs ?? ''}: expected positive whole numbers (--sizes 1000,10000 --runs 3)`);
  process.exit(2);
}
if (!existsSync(GENERATOR)) {
  console.error(`bench: ${GENERATOR} not found: the corpus generator lives in ../shared/bench (see DEVELOPERS.md)`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });

/**
 * Runs a command; returns wall seconds, user+sys CPU seconds and peak RSS in MB (NaN without
 * /usr/bin/time), and its stderr. Exit 0 or 1 (findings) is a run; anything else stops the bench.
 */
function timed(command, commandArgs, cwd) {
  const started = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', 'bench-time %U %S %M', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const stderr = result.stderr ?? '';
  const line = stderr.split('\n').reverse().find((text) => text.startsWith('bench-time '));
  const [user, sys, peakKb] = line === undefined ? [NaN, NaN, NaN] : line.split(' ').slice(1).map(Number);
  return { seconds, cpu: user + sys, peakMb: peakKb / 1024, stderr };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The median of runs (wall and CPU each), the highest peak of them all, and the median run's stderr. */
function summarise(results) {
  if (results.length === 0) return undefined;
  const middle = [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor((results.length - 1) / 2)];
  return { ...middle, seconds: median(results.map((r) => r.seconds)), cpu: median(results.map((r) => r.cpu)), peakMb: Math.max(...results.map((r) => r.peakMb)) };
}

const medianRun = (times, run) => summarise(Array.from({ length: times }, () => run()));

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

/** The corpus's runbook files in a fixed order (team folders, then files, sorted). */
function* runbookFiles(folder) {
  const corpus = join(folder, 'runbooks');
  for (const team of readdirSync(corpus).sort()) {
    for (const name of readdirSync(join(corpus, team)).sort()) yield join(corpus, team, name);
  }
}

const firstFile = (folder) => runbookFiles(folder).next().value;

/** The first alert named in the front matter of the first runbook (in file order) that names one. */
function firstAlert(folder) {
  for (const file of runbookFiles(folder)) {
    const match = /^alerts:\s*\n\s+-\s+(\S+)/m.exec(readFileSync(file, 'utf8').split('\n---')[0]);
    if (match) return match[1];
  }
  throw new Error(`bench: no runbook in ${folder} names an alert`);
}

/**
 * Bytes (gzip) the browser downloads for a first one-word query: the manifest, the docs table and the
 * shards the word needs (named `terms-da.js`, or `terms-da.<digest>.js` since the names are content-addressed).
 */
function searchFigures(site) {
  const folder = join(site, 'search');
  const files = readdirSync(folder, { recursive: true }).map(String).filter((name) => statSync(join(folder, name)).isFile());
  const gz = (name) => gzipSync(readFileSync(join(folder, name))).length;
  const total = files.reduce((sum, name) => sum + gz(name), 0);
  // A typical one-word query ("database"): the manifest, its term shard, and the first rows file for the results.
  const needed = files.filter((name) => name === 'manifest.js' || /^(terms-da|docs-0)(\.[0-9a-z]+)?\.js$/.test(name));
  return { files: files.length, totalKb: total / 1024, firstQueryKb: needed.reduce((sum, name) => sum + gz(name), 0) / 1024 };
}

/** The number in the build's summary line "(N written, …)"; 0 when it says the site is up to date. */
function written(stderr) {
  const match = /\((\d+) written/.exec(stderr);
  if (match) return Number(match[1]);
  return /up to date/.test(stderr) ? 0 : NaN;
}

const JOBS = spawnSync('node', [BIN, 'build', '--help'], { encoding: 'utf8' }).stdout.includes('--jobs') ? [1, 2, 4] : [];

function startup() {
  const node = medianRun(15, () => timed('node', ['-e', '0'], ROOT));
  const version = medianRun(15, () => timed('node', [BIN, '--version'], ROOT));
  return { node, version };
}

async function ours(n) {
  const folder = prepare(n);
  const out = join(folder, 'site');
  // Outside the corpus's folder: runbook refuses a cache inside the repository it reads (a commit
  // could plant entries), so a cache there would silently time the uncached path.
  const cache = join(WORK, `cache-${n}`);
  process.env.RUNBOOK_CACHE_DIR = cache; // inherited by every timed process
  const runs = n >= LARGE ? 1 : RUNS;
  const clean = () => {
    for (const path of [cache, out, `${out}.runbook-spare`]) rmSync(path, { recursive: true, force: true });
  };
  const build = (extra = []) => timed('node', [BIN, 'build', '--today', TODAY, '--no-git', '--out', out, ...extra], folder);
  const check = () => timed('node', [BIN, 'check', '--today', TODAY, '--no-git', '--format', 'concise'], folder);
  const edited = firstFile(folder);
  const original = readFileSync(edited);
  const cold = [], warm = [], oneFirst = [], one = [], checkCold = [];
  try {
    for (let run = 0; run < runs; run++) {
      clean();
      cold.push(build());
      warm.push(build());
      // The first change after a cold build has no spare site to update, so it writes every file;
      // from the next one on, only the files whose bytes changed are written.
      appendFileSync(edited, `\nEdited for the benchmark, run ${run}.\n`);
      oneFirst.push(build());
      appendFileSync(edited, `\nEdited again for the benchmark, run ${run}.\n`);
      one.push(build());
      writeFileSync(edited, original);
      build();
      rmSync(cache, { recursive: true, force: true });
      checkCold.push(check());
    }
  } finally {
    writeFileSync(edited, original); // also when a run fails: the corpus stays the generator's
  }
  const checkWarm = medianRun(5, check);
  const alert = firstAlert(folder);
  const show = medianRun(n <= 1000 ? 10 : 5, () => timed('node', [BIN, 'show', '--today', TODAY, alert], folder));
  const outputMb = sizeOf(out) / 1024 / 1024;
  const search = searchFigures(out);
  const jobs = new Map(JOBS.map((count) => [count, medianRun(runs, () => (clean(), build(['--jobs', String(count)])))]));
  const reload = n <= 1000 ? await serveReload(folder, 5 * RUNS) : [];
  return {
    n,
    cold: summarise(cold),
    warm: summarise(warm),
    one: summarise(one),
    oneFirst: summarise(oneFirst),
    checkCold: summarise(checkCold),
    checkWarm,
    show,
    alert,
    jobs,
    reloadMs: reload.length > 0 ? median(reload) : NaN,
    outputMb,
    corpusMb: sizeOf(join(folder, 'runbooks')) / 1024 / 1024,
    search,
  };
}

/** A peer's executable: from <work>/peers (where --install-peers puts it), else this repository's node_modules. */
function peerBin(name) {
  for (const base of [join(WORK, 'peers'), ROOT]) {
    const bin = join(base, 'node_modules', '.bin', name);
    if (existsSync(bin)) return bin;
  }
  return undefined;
}

if (args['install-peers'] && (peerBin('eleventy') === undefined || !existsSync(join(WORK, 'peers', 'node_modules', '.bin', 'pagefind')))) {
  mkdirSync(join(WORK, 'peers'), { recursive: true });
  execFileSync('npm', ['i', '--no-audit', '--no-fund', '@11ty/eleventy@3', 'pagefind@1'], { cwd: join(WORK, 'peers'), stdio: 'inherit' });
}
const HUGO = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0 ? 'hugo' : undefined;
const ELEVENTY = peerBin('eleventy');
const PAGEFIND = peerBin('pagefind');
const version = (command, flag) => (command === undefined ? 'not installed' : spawnSync(command, [flag], { encoding: 'utf8' }).stdout.trim().split('\n')[0]);

/**
 * Builds a peer site `runs` times from scratch; each time also indexes it with Pagefind (when
 * installed). Returns the median build alone and the median build + index (summed per run, peak of both).
 */
function peer(runs, folder, out, buildIt) {
  const alone = [], searchable = [];
  for (let run = 0; run < runs; run++) {
    rmSync(out, { recursive: true, force: true });
    const built = buildIt();
    alone.push(built);
    if (PAGEFIND === undefined) continue;
    const indexed = timed(PAGEFIND, ['--site', out, '--quiet'], folder);
    searchable.push({ seconds: built.seconds + indexed.seconds, cpu: built.cpu + indexed.cpu, peakMb: Math.max(built.peakMb, indexed.peakMb) });
  }
  return { alone: summarise(alone), searchable: summarise(searchable), pages: countPages(out) };
}

function countPages(folder) {
  return readdirSync(folder, { recursive: true }).filter((name) => String(name).endsWith('.html') && !String(name).startsWith('pagefind')).length;
}

function peers(n) {
  const runs = n >= LARGE ? 1 : RUNS;
  const corpus = join(prepare(n), 'runbooks');
  const result = {};
  if (HUGO) {
    const folder = hugoSite(join(WORK, `hugo-${n}`), corpus);
    const built = peer(runs, folder, join(folder, 'public'), () => timed(HUGO, ['--quiet'], folder));
    result.hugo = built.alone;
    result.hugoPagefind = built.searchable;
    result.hugoPages = built.pages;
  }
  if (ELEVENTY) {
    const folder = eleventySite(join(WORK, `eleventy-${n}`), corpus);
    const built = peer(runs, folder, join(folder, 'out'), () => timed(ELEVENTY, ['--quiet', '--output=out'], folder));
    result.eleventy = built.alone;
    result.eleventyPagefind = built.searchable;
    result.eleventyPages = built.pages;
  }
  return result;
}

const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim() ?? `load average: ${loadavg().map((v) => v.toFixed(2)).join(', ')}`;

if (args['prepare-only']) {
  for (const n of SIZES) {
    const corpus = join(prepare(n), 'runbooks');
    if (HUGO) hugoSite(join(WORK, `hugo-${n}`), corpus);
    if (ELEVENTY) eleventySite(join(WORK, `eleventy-${n}`), corpus);
    console.log(`bench: ${n} runbooks ready in ${WORK}`);
  }
  process.exit(0);
}

const started = Date.now();
console.log(`# runbook bench, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}\n`);
console.log(`machine: ${cpus().length} cores × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
console.log(`peers: Hugo ${version(HUGO, 'version')}; Eleventy ${version(ELEVENTY, '--version')}; Pagefind ${version(PAGEFIND, '--version')}`);
console.log(`medians of ${RUNS} runs (one run of each slow figure from ${LARGE} runbooks up); wall seconds, CPU = user + sys seconds`);
console.log(`load before: ${uptime()}`);
if (loadavg()[0] > 1.5) console.log(`WARNING: load average ${loadavg()[0].toFixed(2)} > 1.5: other work is running, the figures are upper bounds`);

const boot = startup();
console.log('\n## Start-up\n');
console.log('| command | wall (s) | CPU (s) |');
console.log('| --- | ---: | ---: |');
console.log(`| node -e 0 (median of 15) | ${fixed(boot.node.seconds, 3)} | ${fixed(boot.node.cpu, 3)} |`);
console.log(`| runbook --version (median of 15) | ${fixed(boot.version.seconds, 3)} | ${fixed(boot.version.cpu, 3)} |`);

const bySize = new Map();
for (const n of SIZES) {
  const result = await ours(n);
  const other = peers(n);
  bySize.set(n, { result, other });
  console.log(`\n## ${n} runbooks (${fixed(result.corpusMb, 1)} MB)\n`);
  const columns = [
    ['Hugo', other.hugo, HUGO],
    ['Hugo + Pagefind', other.hugoPagefind, HUGO && PAGEFIND],
    ['Eleventy', other.eleventy, ELEVENTY],
    ['Eleventy + Pagefind', other.eleventyPagefind, ELEVENTY && PAGEFIND],
  ];
  console.log(`| figure | runbook | CPU (s) | ${columns.map(([name]) => `vs ${name}`).join(' | ')} |`);
  console.log(`| --- | ---: | ---: | ${columns.map(() => '---:').join(' | ')} |`);
  const row = (label, figure, ratios = true) => {
    const cells = columns.map(([, peerFigure, installed]) => (!ratios ? '' : !installed ? 'not installed' : `${fixed(figure.seconds / peerFigure.seconds)}×`));
    console.log(`| ${label} | ${fixed(figure.seconds)} | ${fixed(figure.cpu)} | ${cells.join(' | ')} |`);
  };
  row('cold build (s)', result.cold);
  for (const count of [1, 2, 4]) {
    const figure = result.jobs.get(count);
    if (figure === undefined) console.log(`| cold build, --jobs ${count} (s) | n/a (no --jobs) | | ${columns.map(() => '').join(' | ')} |`);
    else row(`cold build, --jobs ${count} (s)`, figure);
  }
  row('build, nothing changed (s)', result.warm);
  row('build, one runbook changed (s)', result.one);
  row('build, first change after a cold build (s)', result.oneFirst);
  console.log(`| files written: one change; first change | ${written(result.one.stderr)}; ${written(result.oneFirst.stderr)} | | ${columns.map(() => '').join(' | ')} |`);
  row('cold check (s)', result.checkCold, false);
  row('check, nothing changed (s, median of 5)', result.checkWarm, false);
  row(`show ${result.alert}, cache warm (s, median of ${n <= 1000 ? 10 : 5})`, result.show, false);
  const memory = columns.map(([, peerFigure, installed]) => (!installed ? 'not installed' : `${fixed(result.cold.peakMb / peerFigure.peakMb)}×`));
  console.log(`| peak memory, cold build (MB) | ${fixed(result.cold.peakMb, 0)} | | ${memory.join(' | ')} |`);
  for (const count of [1, 2, 4]) {
    const figure = result.jobs.get(count);
    if (figure !== undefined) console.log(`| peak memory, cold build --jobs ${count} (MB) | ${fixed(figure.peakMb, 0)} | | ${columns.map(() => '').join(' | ')} |`);
  }
  console.log(`| output size (MB) | ${fixed(result.outputMb, 1)} | | ${columns.map(() => '').join(' | ')} |`);
  if (Number.isFinite(result.reloadMs)) console.log(`| serve: save → page reloaded (ms) | ${fixed(result.reloadMs, 0)} | | ${columns.map(() => '').join(' | ')} |`);
  console.log(`| search index (files, KB gzip) | ${result.search.files}, ${fixed(result.search.totalKb, 0)} | | ${columns.map(() => '').join(' | ')} |`);
  console.log(`| first query downloads (KB gzip) | ${fixed(result.search.firstQueryKb, 0)} | | ${columns.map(() => '').join(' | ')} |`);
  console.log('\n| peer, cold build | wall (s) | CPU (s) | peak memory (MB) | HTML pages |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const pages = { Hugo: other.hugoPages, 'Hugo + Pagefind': other.hugoPages, Eleventy: other.eleventyPages, 'Eleventy + Pagefind': other.eleventyPages };
  for (const [name, figure, installed] of columns) {
    if (!installed || figure === undefined) console.log(`| ${name} | not installed | | | |`);
    else console.log(`| ${name} | ${fixed(figure.seconds)} | ${fixed(figure.cpu)} | ${fixed(figure.peakMb, 0)} | ${pages[name]} |`);
  }
}

/** One line of the targets block: the figure, the target and whether it is met. */
function target(label, value, limit, unit = 's', missing = undefined) {
  if (missing !== undefined) return console.log(`- ${label}: not measured (${missing})`);
  const met = value <= limit;
  console.log(`- ${label}: ${fixed(value)} ${unit} (target ≤ ${fixed(limit)} ${unit}): ${met ? 'met' : 'NOT met'}`);
}
const at = (n) => bySize.get(n);
const no10k = at(10000) === undefined ? 'run with --sizes …,10000' : undefined;
const no1k = at(1000) === undefined ? 'run with --sizes 1000,…' : undefined;
const tenK = at(10000);
console.log('\n## Targets (issue #16)\n');
if (tenK !== undefined && tenK.other.hugo === undefined) console.log('- one change at 10k ≤ 0.25 × Hugo cold: not measured (Hugo not installed)');
else target('one change at 10k ≤ 0.25 × Hugo cold build', tenK?.result.one.seconds, 0.25 * (tenK?.other.hugo?.seconds ?? NaN), 's', no10k);
target('peak memory at 10k, cold build', tenK?.result.cold.peakMb, 800, 'MB', no10k);
target('cold build at 10k', tenK?.result.cold.seconds, 60, 's', no10k);
if (tenK !== undefined && tenK.other.hugoPagefind === undefined) console.log('- moonshot: cold build at 10k ≤ Hugo + Pagefind: not measured (Hugo or Pagefind not installed)');
else target('moonshot: cold build at 10k ≤ Hugo + Pagefind cold', tenK?.result.cold.seconds, tenK?.other.hugoPagefind?.seconds ?? NaN, 's', no10k);
target('runbook --version', boot.version.seconds, 0.25);
target('show <alert> at 1k', at(1000)?.result.show.seconds, 0.4, 's', no1k);
target('check, nothing changed, at 10k', tenK?.result.checkWarm.seconds, 1.0, 's', no10k);

console.log(`\nload after: ${uptime()}`);
console.log(`bench time: ${((Date.now() - started) / 60000).toFixed(1)} min`);
