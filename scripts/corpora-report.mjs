#!/usr/bin/env node
// Runs the compiled CLI over every real corpus in ../shared/corpora and prints a Markdown report:
// check (json: diagnostics by severity and rule), build, cheat sheets per team and per service,
// and show for a few alerts (and an id), each timed as a whole process.
//
//   npm run build && node scripts/corpora-report.mjs [--corpora DIR] [--today YYYY-MM-DD]
//
// Every run is cold (--no-cache, a fresh output folder), with --no-git (the corpora are snapshots
// without history). Timings are wall-clock on whatever machine runs this: see the load printed.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'runbook.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const CORPORA = resolve(option('corpora', join(ROOT, '..', 'shared', 'corpora')));
const TODAY = option('today', '2026-11-27');

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
if (!existsSync(CORPORA)) {
  console.error(`no corpora at ${CORPORA} (use --corpora DIR)`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'runbook-corpora-report-'));
const env = { ...process.env, RUNBOOK_CACHE_DIR: join(work, 'cache'), NO_COLOR: '1' };
delete env.CI;

/** Runs the bin; returns exit code, output and wall time in seconds. */
function run(argv, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, ...argv], { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error !== undefined) throw result.error;
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, seconds };
}

/** A run that should not have crashed: exit 0, 1 or a clear exit 2 (a message, no stack trace). */
function crashed(result) {
  return result.signal !== null || ![0, 1, 2].includes(result.code) || /\n\s+at .+:\d+:\d+\)?\n/.test(result.stderr) || /Internal error/.test(result.stdout);
}

const seconds = (value) => `${value.toFixed(2)} s`;
const firstLine = (text) => text.trim().split('\n')[0] ?? '';

/** The configurations each corpus is run with: as found (defaults), plus GOV.UK's field mapping. */
function configurations(name, folder) {
  const found = [{ label: name, cwd: folder, extra: [] }];
  if (name !== 'alphagov__govuk-developer-docs') return found;
  // A copy beside the config: a config may only name paths inside its repository (its folder here).
  const copy = join(work, 'govuk');
  cpSync(folder, copy, { recursive: true });
  const config = join(work, 'govuk.config.yaml');
  writeFileSync(
    config,
    [
      'root: govuk',
      'include: ["source/manual/**/*.md", "source/manual/**/*.md.erb"]',
      'fields: {owner: owner_slack, last_tested: last_reviewed_on, review_every: review_in}',
      'extra_keys: [layout, parent, section, subsection, type, related_repos, important, description, old_paths]',
      'defaults: {service: govuk, severity: medium}',
    ].join('\n'),
  );
  return [...found, { label: `${name} (mapped, docs/adopting)`, cwd: copy, extra: ['--config', config] }];
}

const rows = [];
const ruleRows = [];
const showRows = [];
const problems = [];
const loadBefore = loadavg();
const startedAll = Date.now();

for (const name of readdirSync(CORPORA).filter((entry) => !entry.startsWith('.')).sort()) {
  for (const { label, cwd, extra } of configurations(name, join(CORPORA, name))) {
    const check = run(['check', ...extra, '--format', 'json', '--today', TODAY, '--no-cache', '--no-git'], cwd);
    if (crashed(check)) problems.push(`${label}: check crashed (exit ${check.code}): ${firstLine(check.stderr)}`);
    let report;
    try {
      report = JSON.parse(check.stdout);
    } catch {
      problems.push(`${label}: check --format json printed no JSON (exit ${check.code}): ${firstLine(check.stderr)}`);
      continue;
    }
    const diagnostics = report.files.flatMap((file) => file.diagnostics);
    const byRule = new Map();
    for (const diagnostic of diagnostics) byRule.set(diagnostic.ruleId, (byRule.get(diagnostic.ruleId) ?? 0) + 1);
    if (byRule.has('internal-error')) problems.push(`${label}: ${byRule.get('internal-error')} internal-error diagnostics`);
    ruleRows.push(`| ${label} | ${[...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, count]) => `${rule} ${count}`).join(', ') || '—'} |`);

    const out = join(work, 'sites', label.replace(/\W+/g, '-'));
    const build = run(['build', ...extra, '--out', out, '--today', TODAY, '--no-cache', '--no-git'], cwd);
    if (build.code !== 0 || crashed(build)) problems.push(`${label}: build exited ${build.code}: ${firstLine(build.stderr)}`);
    const catalog = build.code === 0 ? JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')) : { runbooks: [] };
    const pages = catalog.runbooks.length;

    const sheets = join(work, 'sheets', label.replace(/\W+/g, '-'));
    const teams = run(['cheatsheet', ...extra, '--out', join(sheets, 'teams'), '--today', TODAY, '--no-git'], cwd);
    const services = run(['cheatsheet', ...extra, '--service', '--out', join(sheets, 'services'), '--today', TODAY, '--no-git'], cwd);
    for (const [what, result] of [['cheatsheet', teams], ['cheatsheet --service', services]]) {
      if (crashed(result)) problems.push(`${label}: ${what} crashed (exit ${result.code}): ${firstLine(result.stderr)}`);
    }
    const sheetCount = (result) => (result.code === 0 ? String((/wrote (\d+) cheat sheet/.exec(result.stderr) ?? [])[1] ?? '?') : `exit ${result.code}`);

    // Show: up to three alerts claimed by exactly one runbook (first, middle, last); without
    // alerts (none of the corpora declares them in frontmatter), an id and a title's words.
    const claims = new Map();
    for (const runbook of catalog.runbooks) for (const alert of runbook.alerts ?? []) claims.set(alert, [...(claims.get(alert) ?? []), runbook.id]);
    const single = [...claims].filter(([, ids]) => ids.length === 1).map(([alert]) => alert);
    const middle = catalog.runbooks[Math.floor(catalog.runbooks.length / 2)];
    const queries =
      single.length > 0
        ? [...new Set([single[0], single[Math.floor(single.length / 2)], single.at(-1)])]
        : [catalog.runbooks.at(-1)?.id, middle?.title].filter((query) => query !== undefined);
    const shows = queries.map((query) => {
      const result = run(['show', ...extra, query, '--json', '--today', TODAY], cwd);
      if (crashed(result)) problems.push(`${label}: show ${query} crashed (exit ${result.code}): ${firstLine(result.stderr)}`);
      let found = `exit ${result.code}`;
      try {
        const parsed = JSON.parse(result.stdout);
        found = result.code === 0 ? `found by ${parsed.match}` : `${parsed.match}, exit ${result.code}`;
      } catch {
        problems.push(`${label}: show ${query} --json printed no JSON (exit ${result.code})`);
      }
      if (result.code === 2) problems.push(`${label}: show ${query} failed (exit 2): ${firstLine(result.stderr)}`);
      return { query, found, seconds: result.seconds };
    });
    for (const show of shows) showRows.push(`| ${label} | \`${show.query}\` | ${show.found} | ${seconds(show.seconds)} |`);

    const { files, errors, warnings, infos } = report.summary;
    rows.push(
      `| ${label} | ${files} | ${errors} / ${warnings} / ${infos} | ${seconds(check.seconds)} (exit ${check.code}) | ${seconds(build.seconds)} (exit ${build.code}, ${pages} pages) | ` +
        `${seconds(teams.seconds)} (${sheetCount(teams)}) | ${seconds(services.seconds)} (${sheetCount(services)}) | ${shows.length === 0 ? '—' : seconds(Math.max(...shows.map((show) => show.seconds)))} |`,
    );
  }
}

const cpu = cpus();
console.log(`Corpora report: ${CORPORA}, --today ${TODAY}, every run cold (--no-cache, --no-git), whole processes, wall clock.`);
console.log(
  `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; ` +
    `load average ${loadBefore.map((value) => value.toFixed(1)).join(' ')} before, ${loadavg().map((value) => value.toFixed(1)).join(' ')} after; ` +
    `${((Date.now() - startedAll) / 1000).toFixed(0)} s in all.`,
);
console.log('');
console.log('| corpus | files | errors / warnings / info | check | build | cheatsheet (teams) | cheatsheet --service | show (slowest) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log('');
console.log('| corpus | diagnostics by rule |');
console.log('| --- | --- |');
for (const row of ruleRows) console.log(row);
console.log('');
console.log('| corpus | show | result | time |');
console.log('| --- | --- | --- | ---: |');
for (const row of showRows) console.log(row);
console.log('');
console.log(problems.length === 0 ? 'No crashes, no internal errors, every show found its runbook.' : `Problems:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = problems.length === 0 ? 0 : 1;
