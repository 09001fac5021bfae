#!/usr/bin/env node
// Search quality: `npm run bench -- --search [--ours-only] [--json]` (or `node bench/search-quality.mjs`).
//
// The query set, bench/search-queries.json, was written by hand for #14 from the shared corpora
// (../shared/corpora: prometheus-operator's runbooks, GitLab's runbooks, GOV.UK's developer manual;
// kubernetes-mixin and the run-book template are one page each, nothing to rank). Each query is what
// an on-call engineer would type: an alert name as written, in lower case or as a prefix (`alert`), the
// same with a slip of the finger (`typo`), the trouble in plain words ("disk full", "replication lag":
// `symptom`), or a command or tool seen in a runbook (`command`). Its `expect` lists the runbooks a
// person would accept, the best first, decided by reading the runbooks (grep for the words, then the
// pages), not by running any search. A query is a top-1 hit when the first result is one of them, a
// top-3 hit when one of them is among the first three.
//
// For each corpus it builds the site once with our CLI (bin/runbook.js, compiling dist/ first when
// src/ is newer) in a temp copy, with the corpus's own config or else the one `runbook init` writes for
// it (test/adopt/golden-init/), then runs every query
//   - through our search as the page runs it: in Chromium, on the built index.html over http, with the
//     site's own search-core.js and its data files loaded by <script> tags;
//   - unless --ours-only, through Pagefind (npm `pagefind`, its Node API indexing the same runbook
//     pages with the usual `main` root, the problems banner left out), searched with its own
//     pagefind.js in the same Chromium.
// It prints a Markdown table (top-1 and top-3 by kind and overall), the queries each got wrong, and the
// machine and times; --json prints all of it, every query's first results included, as JSON.
// --queries <file> runs another set in the same format instead, e.g. bench/search-queries-holdout.json,
// written after the ranking was tuned on the first set and never used to tune it.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = resolve(ROOT, '..', 'shared', 'corpora');
const GOLDEN = join(ROOT, 'test', 'adopt', 'golden-init');
const BIN = join(ROOT, 'bin', 'runbook.js');
const KINDS = ['alert', 'typo', 'symptom', 'command'];
const RESULTS_KEPT = 10;
const args = process.argv.slice(2);
const queriesAt = args.indexOf('--queries');
const queriesFile = queriesAt === -1 ? join(ROOT, 'bench', 'search-queries.json') : args[queriesAt + 1];
const flags = new Set(queriesAt === -1 ? args : args.toSpliced(queriesAt, 2));
const oursOnly = flags.has('--ours-only');
const asJson = flags.has('--json');
const unknown = [...flags].filter((flag) => !['--ours-only', '--json'].includes(flag));

/** The run itself failed: main() cleans up, then the message is printed and the exit code is 2. */
function fail(message) {
  throw new Error(message);
}

/** The query set, checked at the edge: every entry has a corpus, a query, a known kind and answers. */
function readQueries() {
  if (queriesFile === undefined || queriesFile.startsWith('--')) fail('--queries needs a file, e.g. --queries bench/search-queries-holdout.json');
  if (!existsSync(queriesFile)) fail(`--queries ${queriesFile}: no such file`);
  const entries = JSON.parse(readFileSync(queriesFile, 'utf8'));
  for (const [index, entry] of entries.entries()) {
    const ok = typeof entry.corpus === 'string' && typeof entry.query === 'string' && KINDS.includes(entry.kind) && Array.isArray(entry.expect) && entry.expect.length > 0;
    if (!ok) fail(`${queriesFile} entry ${index} is not {corpus, query, kind: ${KINDS.join('|')}, expect: [ids]}: ${JSON.stringify(entry)}`);
  }
  return entries;
}

/** The newest modification time under `folder`, in ms. */
function newest(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

function compileWhenStale() {
  const dist = join(ROOT, 'dist');
  if (existsSync(join(dist, 'cli', 'main.js')) && newest(dist) >= newest(join(ROOT, 'src'))) return;
  const compiled = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (compiled.status !== 0) fail(`src/ is newer than dist/, and compiling it failed:\n${compiled.stdout}${compiled.stderr}`);
}

/** Copies a corpus to `work`, gives it a config, builds its site; returns the site folder and id of every runbook URL. */
function buildCorpus(name, work) {
  const copy = join(work, name);
  cpSync(join(CORPORA, name), copy, { recursive: true });
  for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), 0o755);
  }
  chmodSync(copy, 0o755);
  const config = join(copy, 'runbook.config.yaml');
  if (!existsSync(config)) {
    const golden = join(GOLDEN, `${name}.yaml`);
    if (!existsSync(golden)) fail(`${name} has no runbook.config.yaml and no ${golden} to use`);
    writeFileSync(config, readFileSync(golden));
  }
  const site = join(work, `${name}.site`);
  const started = performance.now();
  const build = spawnSync(process.execPath, [BIN, 'build', '--today', '2026-11-27', '--no-git', '--out', site], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, RUNBOOK_CACHE_DIR: join(work, '.cache') },
  });
  if (build.status !== 0) fail(`runbook build of ${name} exited ${build.status}:\n${build.stderr}${build.stdout}`);
  const catalog = JSON.parse(readFileSync(join(site, 'catalog.json'), 'utf8'));
  const idOfUrl = new Map(catalog.runbooks.map((runbook) => [runbook.url.toLowerCase(), runbook.id]));
  return { name, site, idOfUrl, urls: catalog.runbooks.map((runbook) => runbook.url), buildSeconds: (performance.now() - started) / 1000 };
}

/**
 * Indexes a built site's runbook pages with Pagefind's Node API into `<site>/pagefind/`: the pages the
 * catalog lists, not the redirect pages that send other spellings of their URLs to them.
 */
async function indexWithPagefind(pagefind, built) {
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'main', excludeSelectors: ['.banner'] });
  if (index === undefined) fail(`pagefind could not start: ${errors.join('; ')}`);
  for (const url of built.urls) {
    const added = await index.addHTMLFile({ url: `/${url}`, content: readFileSync(join(built.site, url, 'index.html'), 'utf8') });
    if (added.errors.length > 0) fail(`pagefind could not index ${url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(built.site, 'pagefind') });
  if (written.errors.length > 0) fail(`pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

/** Serves every built site under /<corpus>/ on 127.0.0.1, and /blank.html, a page without our CSP for Pagefind's WebAssembly. */
async function serve(sites) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/blank.html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
      return;
    }
    const [, corpus = '', ...rest] = path.split('/');
    const site = sites.get(corpus);
    const file = site === undefined ? undefined : normalize(join(site, ...rest));
    const target = file !== undefined && existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (site === undefined || target === undefined || !target.startsWith(site + sep) || !existsSync(target)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(readFileSync(target));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

// oursInPage and pagefindInPage run in Chromium (page.evaluate), where these are defined:
/* global window, document */

/** In the page: our search as templates/assets/search.js runs it, best ids of each query. */
async function oursInPage({ texts, kept }) {
  const index = window.runbookSearchCore.createIndex();
  window.runbookSearch = { register: (name, data) => index.register(name, data) };
  const root = document.documentElement.dataset.root || '';
  const loading = new Map();
  const load = (name) => {
    if (!loading.has(name)) {
      loading.set(name, new Promise((done) => {
        const script = document.createElement('script');
        script.src = `${root}search/${name}.js`;
        script.addEventListener('load', () => { index.markFailed(name); done(); });
        script.addEventListener('error', () => { index.markFailed(name); done(); });
        document.head.appendChild(script);
      }));
    }
    return loading.get(name);
  };
  const found = [];
  for (const text of texts) {
    let answer = index.search(text, kept);
    for (let round = 0; answer.kind === 'loading' && round < 10; round++) {
      await Promise.all(answer.files.map(load));
      answer = index.search(text, kept);
    }
    found.push(answer.kind === 'results' ? answer.results.map((result) => result.document.id) : [`(${answer.kind})`]);
  }
  return found;
}

/** In the page: Pagefind's own search, the URLs of each query's first results. */
async function pagefindInPage({ bundle, texts, kept }) {
  const pagefind = await import(bundle);
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  const found = [];
  for (const text of texts) {
    const search = await pagefind.search(text);
    const data = await Promise.all(search.results.slice(0, kept).map((result) => result.data()));
    found.push(data.map((page) => page.url));
  }
  return found;
}

/** The runbook id of a Pagefind result URL (`/runbooks/<id>/`), undefined for other pages. */
function idOfPagefindUrl(built, url) {
  const path = url.replace(/^\//, '').replace(/index\.html$/, '').toLowerCase();
  return built.idOfUrl.get(path);
}

function score(entries, found) {
  const rows = entries.map((entry, i) => {
    const got = found[i];
    return { ...entry, got, top1: entry.expect.includes(got[0]), top3: got.slice(0, 3).some((id) => entry.expect.includes(id)) };
  });
  const rate = (subset, key) => ({ hits: subset.filter((row) => row[key]).length, of: subset.length });
  const byKind = Object.fromEntries([...KINDS, 'all'].map((kind) => {
    const subset = kind === 'all' ? rows : rows.filter((row) => row.kind === kind);
    return [kind, { top1: rate(subset, 'top1'), top3: rate(subset, 'top3') }];
  }));
  return { byKind, rows };
}

async function main() {
  if (unknown.length > 0) fail(`unknown option ${unknown.join(', ')}: expected --ours-only, --json, --queries <file>`);
  const started = performance.now();
  const queries = readQueries();
  if (!existsSync(CORPORA)) fail(`${CORPORA} not found: the corpora live in ../shared (see DEVELOPERS.md)`);
  const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
  if (chromiumPath === undefined) fail('Chromium not found (set CHROMIUM_PATH, or apt-get install chromium)');
  compileWhenStale();
  const work = mkdtempSync(join(tmpdir(), 'runbook-search-quality-'));
  const pagefind = oursOnly ? undefined : await import('pagefind');
  let server;
  let browser;
  try {
    const names = [...new Set(queries.map((entry) => entry.corpus))];
    const builds = names.map((name) => buildCorpus(name, work));
    if (pagefind !== undefined) {
      for (const built of builds) await indexWithPagefind(pagefind, built);
    }
    server = await serve(new Map(builds.map((built) => [built.name, built.site])));
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const page = await browser.newPage();
    const found = { ours: new Map(), pagefind: new Map() };
    const seconds = { ours: 0, pagefind: 0 };
    for (const built of builds) {
      const entries = queries.filter((entry) => entry.corpus === built.name);
      const texts = entries.map((entry) => entry.query);
      await page.goto(`${server.origin}/${built.name}/index.html`);
      let clock = performance.now();
      const ours = await page.evaluate(oursInPage, { texts, kept: RESULTS_KEPT });
      seconds.ours += (performance.now() - clock) / 1000;
      entries.forEach((entry, i) => found.ours.set(entry, ours[i]));
      if (pagefind === undefined) continue;
      await page.goto(`${server.origin}/blank.html`);
      clock = performance.now();
      const urls = await page.evaluate(pagefindInPage, { bundle: `${server.origin}/${built.name}/pagefind/pagefind.js`, texts, kept: RESULTS_KEPT });
      seconds.pagefind += (performance.now() - clock) / 1000;
      entries.forEach((entry, i) => found.pagefind.set(entry, [...new Set(urls[i].map((url) => idOfPagefindUrl(built, url) ?? `(not a runbook: ${url})`))]));
    }
    const engines = Object.fromEntries(
      Object.entries(found)
        .filter(([, answers]) => answers.size > 0)
        .map(([engine, answers]) => [engine, { searchSeconds: seconds[engine], ...score(queries, queries.map((entry) => answers.get(entry))) }]),
    );
    const report = {
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${await browser.version()}`,
      pagefind: pagefind === undefined ? undefined : JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version,
      corpora: builds.map((built) => ({ name: built.name, runbooks: built.urls.length, buildSeconds: built.buildSeconds })),
      queries: queries.length,
      seconds: (performance.now() - started) / 1000,
      engines,
    };
    console.log(asJson ? JSON.stringify(report, null, 2) : markdown(report));
  } finally {
    await pagefind?.close();
    await server?.close();
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const LABELS = { ours: 'runbook', pagefind: 'Pagefind' };

function markdown(report) {
  const engines = Object.entries(report.engines);
  const percent = ({ hits, of }) => `${hits}/${of} (${Math.round((100 * hits) / of)} %)`;
  const lines = [
    `| queries | ${engines.map(([engine]) => `${LABELS[engine]} top-1 | ${LABELS[engine]} top-3`).join(' | ')} |`,
    `| --- | ${engines.map(() => '---: | ---:').join(' | ')} |`,
    ...[...KINDS, 'all'].map((kind) => {
      const name = kind === 'all' ? `**all (${report.queries})**` : `${kind} (${engines[0][1].byKind[kind].top1.of})`;
      return `| ${name} | ${engines.map(([, result]) => `${percent(result.byKind[kind].top1)} | ${percent(result.byKind[kind].top3)}`).join(' | ')} |`;
    }),
    '',
  ];
  for (const [engine, result] of engines) {
    const misses = result.rows.filter((row) => !row.top1);
    lines.push(`${LABELS[engine]}: not first (${misses.length}; * also not in the top 3):`, '');
    for (const row of misses) {
      lines.push(`- ${row.top3 ? '' : '* '}${row.kind} \`${row.query}\` (${row.corpus.split('__')[0]}): wanted ${row.expect[0]}, got ${row.got.slice(0, 3).join(', ') || 'nothing'}`);
    }
    lines.push('');
  }
  const corpora = report.corpora.map((corpus) => `${corpus.name} ${corpus.runbooks} runbooks (built in ${corpus.buildSeconds.toFixed(1)} s)`);
  lines.push(`Corpora: ${corpora.join('; ')}.`);
  const timing = engines.map(([engine, result]) => `${LABELS[engine]} ${result.searchSeconds.toFixed(2)} s for all queries`).join(', ');
  lines.push(`Machine: ${report.machine}${report.pagefind === undefined ? '' : `; pagefind ${report.pagefind}`}. Whole run ${report.seconds.toFixed(0)} s; searching: ${timing}.`);
  return lines.join('\n');
}

await main().catch((error) => {
  console.error(`search-quality: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
