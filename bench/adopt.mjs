#!/usr/bin/env node
// Adopting each shared corpus, as a new user would: the figures in docs/adopting.md.
//
//   node bench/adopt.mjs [--corpora ../shared/corpora] [--today 2026-12-04]
//
// For every collection in the corpora folder, in a fresh git copy: `check` on the collection's
// folder with no config (before), `init`, `check` (after init), `baseline`, `check` (after the
// baseline). Prints a Markdown table: runbooks checked, findings (errors/warnings), exit codes and
// the wall time of each command (median of --runs, default 3). Needs the built tool (npm run build).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('..', import.meta.url));
const bin = join(here, 'bin', 'runbook.js');
const { values } = parseArgs({
  options: {
    corpora: { type: 'string', default: resolve(here, '..', 'shared', 'corpora') },
    today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    runs: { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);

function run(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms };
}

function timed(args, cwd) {
  const results = Array.from({ length: runs }, () => run(args, cwd));
  const sorted = results.map((result) => result.ms).sort((a, b) => a - b);
  return { ...results[0], ms: sorted[Math.floor(sorted.length / 2)] };
}

function git(args, cwd) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

function freshCopy(corpus) {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-adopt-'));
  const copy = join(folder, 'repo');
  cpSync(corpus, copy, { recursive: true });
  git(['init', '-q'], copy);
  git(['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'add', '-A'], copy);
  git(['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'corpus'], copy);
  return { copy, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

function summary(result) {
  const report = JSON.parse(result.stdout);
  const { files, errors, warnings } = report.summary;
  return { files, errors, warnings, code: result.code, ms: result.ms };
}

function rootOf(configText) {
  const match = /^root:\s*(.+?)\s*(?:#.*)?$/m.exec(configText);
  return match === null ? '.' : match[1].replace(/^["']|["']$/g, '');
}

const rows = [];
for (const name of readdirSync(values.corpora).sort()) {
  const corpus = join(values.corpora, name);
  const adopted = freshCopy(corpus);
  try {
    const today = ['--today', values.today];
    const init = run(['init', '--base-url', 'https://runbooks.example.com/'], adopted.copy);
    if (init.code !== 0) throw new Error(`${name}: init exited ${init.code}: ${init.stderr}`);
    const root = rootOf(readFileSync(join(adopted.copy, 'runbook.config.yaml'), 'utf8'));
    const pristine = freshCopy(corpus);
    let before;
    try {
      before = summary(timed(['check', root, '--format', 'json', ...today], pristine.copy));
    } finally {
      pristine.remove();
    }
    const afterInit = summary(timed(['check', '--format', 'json', '--no-baseline', ...today], adopted.copy));
    const baseline = timed(['baseline', ...today], adopted.copy);
    if (baseline.code !== 0) throw new Error(`${name}: baseline exited ${baseline.code}: ${baseline.stderr}`);
    const afterBaseline = summary(timed(['check', '--format', 'json', ...today], adopted.copy));
    rows.push({ name, root, init, before, afterInit, baseline, afterBaseline });
  } finally {
    adopted.remove();
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const findings = (s) => `${s.errors + s.warnings} (${s.errors} errors), exit ${s.code}`;
console.log(`Adopting the shared corpora — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, median of ${runs} runs\n`);
console.log('| collection | root | runbooks | before `init` | after `init` | after `baseline` | init | check | baseline |');
console.log('| --- | --- | ---: | --- | --- | --- | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.name} | \`${row.root}\` | ${row.afterInit.files} | ${findings(row.before)} | ${findings(row.afterInit)} | ${findings(row.afterBaseline)} | ${seconds(row.init.ms)} | ${seconds(row.afterInit.ms)} | ${seconds(row.baseline.ms)} |`,
  );
}
