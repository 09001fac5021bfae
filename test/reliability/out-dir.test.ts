/**
 * Nothing is written outside `--out`, whatever the ids, alerts, teams and services say: `..`,
 * slashes and backslashes, absolute paths, NUL, names longer than any file system allows, Windows
 * reserved names. Every file the build leaves must really be inside the output folder, and the
 * folder around it must be exactly as it was.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, makeProject } from './hostile-project.js';

const HOSTILE_NAMES = [
  '../../escaped',
  '../../../../../../../../tmp/runbook-escaped',
  '/etc/runbook-escaped',
  'C:\\Windows\\System32\\escaped',
  '..\\..\\escaped',
  'a/../../escaped',
  '\0nul',
  'x'.repeat(5000),
  'CON',
  'nul.txt',
  'AUX',
  'com1',
  'LPT1',
  '.',
  '..',
  '',
  ' ',
  '.hidden',
  'index.html',
  'catalog.json',
  '%2e%2e%2fescaped',
  'ü/../..',
];

/** One runbook per hostile name, the name used as its alert, team-less owner, service and tag. */
function runbooks(): Record<string, string> {
  const files: Record<string, string> = {};
  HOSTILE_NAMES.forEach((name, index) => {
    const quoted = JSON.stringify(name);
    files[`runbooks/r${index}.md`] = cleanRunbook({ title: quoted, extra: [`alerts: [${quoted}]`, `tags: [${quoted}]`] })
      .replace('owner: data', `owner: ${quoted}`)
      .replace('service: orders', `service: ${quoted}`);
  });
  // File and folder names that are hostile too (those a file system can hold).
  files['runbooks/a .. b/CON.md'] = cleanRunbook();
  files['runbooks/aux/nul.md'] = cleanRunbook();
  files[`runbooks/${'y'.repeat(250)}.md`] = cleanRunbook();
  files['runbooks/back\\slash.md'] = cleanRunbook();
  return files;
}

const folder = makeProject(runbooks(), ['root: runbooks', 'sections: {required: []}', ''].join('\n'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Every path under `root` (files, folders, links), relative, with `/`. */
function snapshot(root: string): readonly string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .sort();
}

it('writes every file of the site inside --out, and nothing else around it, whatever the names', async () => {
  const before = snapshot(folder);
  const tmpBefore = readdirSync('/tmp').filter((name) => name.startsWith('runbook-escaped'));
  const out = join(folder, 'public', 'site');
  const result = await runCli(['build', '--no-git', '--today', '2026-11-27', '--out', 'public/site'], folder);
  expect(result.code, result.stderr).toBe(0);
  const outReal = realpathSync(out);
  const written = snapshot(out);
  expect(written.length).toBeGreaterThan(HOSTILE_NAMES.length * 3);
  for (const path of written) {
    const full = join(out, path);
    expect(lstatSync(full).isSymbolicLink(), path).toBe(false);
    const real = realpathSync(full);
    expect(real === outReal || real.startsWith(`${outReal}${sep}`), `${path} → ${real}`).toBe(true);
    expect(Buffer.byteLength(path.split('/').pop() ?? ''), path).toBeLessThanOrEqual(255);
  }
  // Around the output folder only the folder itself is new.
  expect(snapshot(folder).filter((path) => !path.startsWith('public/site/') && path !== 'public/site' && path !== 'public')).toEqual(before);
  expect(readdirSync('/tmp').filter((name) => name.startsWith('runbook-escaped'))).toEqual(tmpBefore);
  // One page per runbook, each under runbooks/ (and again at its lower-case path when it has capitals).
  const pages = written.filter((path) => path.startsWith('runbooks/') && path.endsWith('/index.html'));
  expect(new Set(pages.map((path) => path.toLowerCase())).size).toBe(HOSTILE_NAMES.length + 4);
  expect(statSync(join(out, 'catalog.json')).isFile()).toBe(true);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<!doctype html>');
}, 120_000);
