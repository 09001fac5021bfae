/**
 * Incremental builds to the page (#16): a page whose inputs did not change is taken from the site
 * before (by hard link) instead of being rendered, and the search index is content-addressed. Every
 * build on top of another must equal a clean build, byte for byte (the marker too); a site whose
 * files were changed after it was written, and a planted spare, must change nothing of that.
 */
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { fileTree, filesUnder } from '../file-tree.js';
import { PROJECT_ROOT } from '../shared.js';
import { generateCorpus, generatorAvailable } from '../reliability/bin-process.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-incremental-pages-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
}, 120_000);

function project(name: string): string {
  const root = join(temporary, name);
  mkdirSync(root);
  cpSync(join(PROJECT_ROOT, 'runbooks'), join(root, 'runbooks'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'runbook.config.yaml'), join(root, 'runbook.config.yaml'));
  return root;
}

async function build(root: string, out: string, extra: readonly string[] = []): Promise<string> {
  const result = await runCli(['build', '--today', '2026-11-27', '--no-git', '--out', out, ...extra], root, { RUNBOOK_CACHE_DIR: `${root}-cache` });
  expect(result.stderr).not.toContain('cannot');
  expect(result.code, result.stderr).toBe(0);
  return result.stderr;
}

async function expectClean(root: string, out: string, name: string): Promise<void> {
  const clean = join(temporary, `clean-${name}`);
  rmSync(clean, { recursive: true, force: true });
  await build(root, clean, ['--no-cache']);
  const actual = fileTree(out);
  const expected = fileTree(clean);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  expect([...expected].filter(([path, content]) => actual.get(path) !== content).map(([path]) => path)).toEqual([]);
}

function edit(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the test's edit of ${path} changed nothing`);
  writeFileSync(path, edited);
}

describe('a build on top of others equals a clean build', () => {
  it('after changes to teams, services, alerts, search words, and a rename', async () => {
    const root = project('changes');
    const out = join(root, 'site');
    await build(root, out);
    const primary = join(root, 'runbooks', 'database', 'primary-down.md');
    const steps: readonly [string, () => void][] = [
      ['a new search word', () => { edit(primary, '## Summary', '## Summary\n\nZebraquokka replication.'); }],
      ['another team', () => { edit(primary, 'owner: data', 'owner: platform'); }],
      ['another service', () => { edit(primary, 'service: orders-db', 'service: orders-db-two'); }],
      ['an alert renamed', () => { edit(primary, 'PostgresPrimaryDown', 'PostgresLeaderLost'); }],
      ['a rename', () => { renameSync(primary, join(root, 'runbooks', 'database', 'leader-lost.md')); }],
      ['a severity and a title', () => { edit(join(root, 'runbooks', 'database', 'leader-lost.md'), /^title: .*$/m, 'title: Leader lost'); }],
      ['back as it was', () => {
        rmSync(join(root, 'runbooks'), { recursive: true });
        cpSync(join(PROJECT_ROOT, 'runbooks'), join(root, 'runbooks'), { recursive: true });
      }],
    ];
    for (const [what, step] of steps) {
      step();
      expect(await build(root, out), what).toMatch(/^built /m);
      await expectClean(root, out, `changes-${what}`);
    }
  });

  it('takes a page of the site before only while it is as written: one changed later (same size) is made again', async () => {
    const root = project('tampered');
    const out = join(root, 'site');
    await build(root, out);
    const page = join(out, 'runbooks', 'hosts', 'disk-full', 'index.html');
    const original = readFileSync(page, 'utf8');
    // A change by hand that keeps the size: a nothing-changed build does not see it (one lstat a
    // file, as before), but a build with anything to do makes the page again (its ctime is later
    // than the marker's).
    writeFileSync(page, original.replace('<html', '<HTML'));
    expect(await build(root, out)).toContain('is up to date');
    expect(readFileSync(page, 'utf8')).not.toBe(original);
    edit(join(root, 'runbooks', 'database', 'primary-down.md'), '## Summary', '## Summary\n\nEdited.');
    await build(root, out);
    expect(readFileSync(page, 'utf8')).toBe(original);
    await expectClean(root, out, 'tampered');
  });
});

describe('a planted spare beside --out', () => {
  it('gets nothing of it into the site and nothing outside written, links and a crafted marker included', async () => {
    const root = project('planted');
    const out = join(root, 'site');
    const outside = join(temporary, 'outside');
    mkdirSync(outside);
    await build(root, out);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    // An outside file of the size of the index page, and one holding exactly its bytes.
    const victim = join(outside, 'victim.html');
    const twin = join(outside, 'twin.html');
    writeFileSync(victim, 'x'.repeat(Buffer.byteLength(index)));
    writeFileSync(twin, index);
    const spare = `${out}.runbook-spare`;
    rmSync(spare, { recursive: true, force: true });
    mkdirSync(join(spare, 'runbooks', 'hosts', 'disk-full'), { recursive: true });
    linkSync(victim, join(spare, 'index.html'));
    linkSync(twin, join(spare, '404.html'));
    symlinkSync(outside, join(spare, 'assets'));
    symlinkSync(victim, join(spare, 'runbooks', 'hosts', 'disk-full', 'index.html'));
    // A marker claiming every file of the site as it is in `out`, inputs included.
    writeFileSync(join(spare, '.runbook-site'), readFileSync(join(out, '.runbook-site')));
    const before = new Map(filesUnder(outside).map((path) => [path, readFileSync(join(outside, path), 'utf8')]));
    edit(join(root, 'runbooks', 'database', 'primary-down.md'), '## Summary', '## Summary\n\nEdited.');
    await build(root, out);
    edit(join(root, 'runbooks', 'database', 'primary-down.md'), 'Edited.', 'Edited twice.');
    await build(root, out);
    expect(new Map(filesUnder(outside).map((path) => [path, readFileSync(join(outside, path), 'utf8')]))).toEqual(before);
    const outsideInodes = new Set([victim, twin].map((path) => statSync(path).ino));
    expect(filesUnder(out).filter((path) => outsideInodes.has(statSync(join(out, path)).ino))).toEqual([]);
    expect(existsSync(join(outside, '.runbook-site'))).toBe(false);
    await expectClean(root, out, 'planted');
  });
});

describe.skipIf(!generatorAvailable())('one edit at 200 runbooks', () => {
  // (That such builds equal clean ones is shown above, on the example runbooks: cheaper.)
  it('writes a handful of files: the page, its listings and the search files whose data changed', async () => {
    const root = join(temporary, 'generated');
    generateCorpus(join(root, 'runbooks'), 200, 7);
    writeFileSync(join(root, 'runbook.config.yaml'), 'root: runbooks\n');
    const out = join(root, 'site');
    await build(root, out);
    const [team] = filesUnder(join(root, 'runbooks'));
    const edited = join(root, 'runbooks', team ?? '');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nEdited: the flux capacitor zebraquokka.\n`);
    const counts = /\((\d+) written, (\d+) removed\)/.exec(await build(root, out));
    expect(counts).not.toBeNull();
    // The first edit after a cold build already takes every unchanged file from the site before.
    expect(Number(counts?.[1])).toBeGreaterThan(0);
    expect(Number(counts?.[1])).toBeLessThanOrEqual(40);
  });
});
