#!/usr/bin/env node
/**
 * Writes every output of `runbook` over the example runbooks and every shared corpus into one
 * folder, so that a refactor can be shown to change nothing: take a snapshot before, one after,
 * and `diff -r` them.
 *
 *   node scripts/snapshot-outputs.mjs /tmp/before     # on the old commit
 *   node scripts/snapshot-outputs.mjs /tmp/after      # on the new one
 *   diff -r -x .runbook-site /tmp/before /tmp/after   (the marker holds the scratch path)
 *
 * Each collection is copied to a scratch folder first (nothing is written into ../shared), and
 * every command runs with a fixed `--today` and without git, so two runs of the same code are
 * byte-identical. `RUNBOOK_SHARED` names another `shared` folder (e.g. for an old worktree). Per collection: `check` in json, sarif and gitlab, `build` (the whole site),
 * `cheatsheet` in md, txt and html, and `show --json` for up to 25 runbooks.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(project, 'bin', 'runbook.js');
const shared = resolve(process.env.RUNBOOK_SHARED ?? resolve(project, '..', 'shared'), 'corpora');
const TODAY = '2026-11-27';
const SHOWN = 25;

const target = process.argv[2];
if (target === undefined) {
  process.stderr.write('usage: node scripts/snapshot-outputs.mjs <empty-or-new-folder>\n');
  process.exit(2);
}
const out = resolve(target);
if (existsSync(out) && readdirSync(out).length > 0) {
  process.stderr.write(`snapshot-outputs: ${out} is not empty; pick a new folder\n`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

/** Collections: the examples with the project's config, then every shared corpus with none. */
const collections = [{ name: 'examples', from: project, copy: ['runbooks', 'runbook.config.yaml'] }];
if (existsSync(shared)) {
  for (const name of readdirSync(shared).filter((entry) => !entry.startsWith('.')).sort()) {
    collections.push({ name, from: join(shared, name), copy: undefined });
  }
} else {
  process.stderr.write(`snapshot-outputs: ${shared} not found: only the examples are snapshotted\n`);
}

const scratch = mkdtempSync(join(tmpdir(), 'runbook-snapshot-'));
try {
  for (const collection of collections) snapshot(collection);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`snapshot written to ${out}\n`);

function snapshot({ name, from, copy }) {
  const work = join(scratch, name);
  mkdirSync(work);
  if (copy === undefined) cpSync(from, work, { recursive: true });
  else for (const entry of copy) cpSync(join(from, entry), join(work, entry), { recursive: true });
  const into = join(out, name);
  mkdirSync(into);
  const run = (args) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
    const plain = (text) => text.replaceAll(out, '<out>').replaceAll(scratch, '<scratch>').replace(/ in \d+(\.\d+)?m?s\b/g, ' in <time>');
    return `exit ${result.status}\n--- stdout\n${plain(result.stdout)}--- stderr\n${plain(result.stderr)}`;
  };
  for (const format of ['json', 'sarif', 'gitlab']) {
    writeFileSync(join(into, `check.${format}.txt`), run(['check', '--format', format, '--today', TODAY, '--no-git', '--no-cache']));
  }
  writeFileSync(join(into, 'build.txt'), run(['build', '--out', join(into, 'site'), '--today', TODAY, '--no-git', '--no-cache']));
  for (const format of ['md', 'txt', 'html']) {
    writeFileSync(join(into, `cheatsheet.${format}.txt`), run(['cheatsheet', '--format', format, '--out', join(into, `sheets-${format}`), '--today', TODAY, '--no-git']));
  }
  const catalog = join(into, 'site', 'catalog.json');
  if (existsSync(catalog)) {
    const ids = JSON.parse(readFileSync(catalog, 'utf8')).runbooks.map((runbook) => runbook.id).slice(0, SHOWN);
    writeFileSync(join(into, 'show.txt'), ids.map((id) => `### show ${id}\n${run(['show', id, '--json', '--today', TODAY])}`).join('\n'));
  }
}
