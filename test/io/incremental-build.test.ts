import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { fileTree, filesUnder } from '../file-tree.js';
import { generateCorpus, generatorAvailable } from '../reliability/bin-process.js';
import { PROJECT_ROOT } from '../shared.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-incremental-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
}, 120_000);

const tree = fileTree;

/** A file's identity and last write, to tell a file left alone from one written again. */
function stamp(path: string): string {
  const stats = statSync(path, { bigint: true });
  return `${String(stats.ino)}@${String(stats.mtimeNs)}`;
}

function expectSameSite(actual: string, expected: string): void {
  const a = tree(actual);
  const b = tree(expected);
  expect([...a.keys()]).toEqual([...b.keys()]);
  const different = [...b].filter(([path, content]) => a.get(path) !== content).map(([path]) => path);
  expect(different).toEqual([]);
}

/** A private copy of the example runbooks and config, to edit. */
function project(name: string): string {
  const root = join(temporary, name);
  mkdirSync(root);
  cpSync(join(PROJECT_ROOT, 'runbooks'), join(root, 'runbooks'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'runbook.config.yaml'), join(root, 'runbook.config.yaml'));
  return root;
}

async function build(root: string, out: string, extra: readonly string[] = [], env: Record<string, string> = {}) {
  const result = await runCli(['build', '--today', '2026-11-27', '--no-git', '--out', out, ...extra], root, { RUNBOOK_CACHE_DIR: `${root}-cache`, ...env });
  expect(result.stderr).not.toContain('cannot');
  expect(result.code).toBe(0);
  return result;
}

/** A clean build of `root` (no cache, new folder), to compare an incremental one with. */
async function clean(root: string, name: string, args: readonly string[] = []): Promise<string> {
  const out = join(temporary, `clean-${name}`);
  rmSync(out, { recursive: true, force: true });
  await build(root, out, ['--no-cache', ...args]);
  return out;
}

describe('a build on top of earlier ones writes only what changed, and equals a clean build', () => {
  it('after edits, a new runbook, a removed one, and changes of team, service, alert, search words and name, build after build', async () => {
    const root = project('edits');
    const out = join(root, 'site');
    await build(root, out);
    const primary = join(root, 'runbooks', 'database', 'primary-down.md');
    const steps: readonly (() => void)[] = [
      () => { writeFileSync(primary, readFileSync(primary, 'utf8').replace('## Summary', '## Summary\n\nEdited once.')); },
      () => { writeFileSync(join(root, 'runbooks', 'database', 'new-one.md'), '---\ntitle: New one\nowner: data\n---\n\n## Summary\n\nNew.\n'); },
      () => { rmSync(join(root, 'runbooks', 'tls'), { recursive: true }); },
      () => { writeFileSync(primary, readFileSync(primary, 'utf8').replace('Edited once.', 'Edited twice.')); },
      () => { rmSync(join(root, 'runbooks', 'database', 'new-one.md')); },
      // What listings, team, service and alert pages and the search index show (#16).
      () => { edit(primary, 'Edited twice.', 'Zebraquokka replication.'); },
      () => { edit(primary, 'owner: data', 'owner: platform'); },
      () => { edit(primary, 'service: orders-db', 'service: orders-db-two'); },
      () => { edit(primary, 'PostgresPrimaryDown', 'PostgresLeaderLost'); },
      () => { renameSync(primary, join(root, 'runbooks', 'database', 'leader-lost.md')); },
      () => { edit(join(root, 'runbooks', 'database', 'leader-lost.md'), /^title: .*$/m, 'title: Leader lost'); },
    ];
    for (const [index, step] of steps.entries()) {
      step();
      const result = await build(root, out);
      expect(result.stderr).toMatch(/written, \d+ removed/);
      expectSameSite(out, await clean(root, `edits-${String(index)}`));
    }
    // The spare copy beside the site is git-ignored and is not part of the site.
    expect(readFileSync(`${out}.runbook-spare/.gitignore`, 'utf8')).toContain('*');
    expect(existsSync(join(out, '.gitignore'))).toBe(false);
  });

  it('writes only the files whose bytes changed', async () => {
    const root = project('few');
    const out = join(root, 'site');
    const primary = join(root, 'runbooks', 'database', 'primary-down.md');
    const edit = (text: string): void => {
      writeFileSync(primary, readFileSync(primary, 'utf8').replace('## Summary', `## Summary\n\n${text}`));
    };
    await build(root, out);
    edit('Edited once.');
    await build(root, out); // a second site, so that a spare exists
    edit('Edited twice.');
    const spare = `${out}.runbook-spare`;
    const stamps = new Map([...tree(spare).keys()].map((path) => [path, stamp(join(spare, path))]));
    const result = await build(root, out);
    expect(result.stderr).toMatch(/\(\d+ written, \d+ removed\)/);
    // Pages that did not change are the very files of the spare (same inode and time), never rewritten.
    const untouched = [...tree(out).keys()].filter((path) => stamp(join(out, path)) === stamps.get(path));
    expect(untouched).toContain('runbooks/tls/certificate-expiry/index.html');
    expect(untouched).toContain('assets/site.css');
    expect(untouched).not.toContain('runbooks/database/primary-down/index.html');
    const rewritten = [...tree(out).keys()].filter((path) => !untouched.includes(path));
    // The edited runbook's page and the list of files; of the search index, the manifest, the
    // document's text and the files holding the words that changed (content-addressed: new names).
    expect(rewritten.filter((path) => !path.startsWith('search/')).sort()).toEqual(['.runbook-site', 'runbooks/database/primary-down/index.html']);
    expect(rewritten).toContain('search/manifest.js');
    expect(rewritten.filter((path) => path.startsWith('search/')).length).toBeLessThanOrEqual(8);
    expectSameSite(out, await clean(root, 'few'));
  });

  it('is not fooled by a spare whose list is missing or damaged, nor by files added by hand', async () => {
    const root = project('damaged');
    const out = join(root, 'site');
    await build(root, out);
    await build(root, out, ['--today', '2026-11-28']);
    const spare = `${out}.runbook-spare`;
    const marker = join(spare, '.runbook-site');
    writeFileSync(join(spare, 'index.html'), 'changed by hand');
    writeFileSync(join(spare, 'CNAME'), 'added by hand');
    writeFileSync(marker, readFileSync(marker, 'utf8').split('\n').slice(0, 10).join('\n')); // truncated list
    await build(root, out, ['--today', '2026-11-29']);
    expectSameSite(out, await clean(root, 'damaged-1', ['--today', '2026-11-29']));
    // The same with no list at all, and with --no-cache (which trusts no list).
    await build(root, out, ['--today', '2026-11-30']);
    rmSync(join(`${out}.runbook-spare`, '.runbook-site'));
    writeFileSync(join(`${out}.runbook-spare`, 'index.html'), 'changed by hand');
    await build(root, out, ['--today', '2026-11-27']);
    expectSameSite(out, await clean(root, 'damaged-2'));
  });
});

describe('a build with nothing changed', () => {
  it('writes nothing and says the site is up to date; any change of input rebuilds', async () => {
    const root = project('unchanged');
    const out = join(root, 'site');
    await build(root, out);
    const before = tree(out);
    const again = await build(root, out);
    expect(again.stderr).toMatch(/site\/ is up to date: \d+ runbooks unchanged since it was built/);
    expect(tree(out)).toEqual(before);

    // Each of these changes what the site shows, so each must rebuild.
    const changes: readonly [string, () => readonly string[]][] = [
      ['another day', () => ['--today', '2026-12-30']],
      ['a base URL', () => ['--base-url', 'https://runbooks.example.com/']],
      [
        'the config',
        () => {
          const config = join(root, 'runbook.config.yaml');
          writeFileSync(config, `${readFileSync(config, 'utf8')}\nsite:\n  title: Renamed runbooks\n`);
          return [];
        },
      ],
      [
        'a template',
        () => {
          mkdirSync(join(root, 'my-templates', 'assets'), { recursive: true });
          writeFileSync(join(root, 'my-templates', 'assets', 'extra.css'), 'body { color: red }\n');
          const config = join(root, 'runbook.config.yaml');
          writeFileSync(config, readFileSync(config, 'utf8').replace(/^site:\n/m, 'site:\n  templates: my-templates\n'));
          return [];
        },
      ],
    ];
    for (const [what, change] of changes) {
      const args = change();
      const result = await build(root, out, args);
      expect(result.stderr, what).toMatch(/^built /);
      expect((await build(root, out, args)).stderr, `${what}, again`).toContain('is up to date');
    }
    expect(tree(out).get('assets/extra.css')).toBe('body { color: red }\n');
  });

  it('rebuilds when a file a runbook links to appears or disappears', async () => {
    const root = project('links');
    const out = join(root, 'site');
    const linking = join(root, 'runbooks', 'linking.md');
    writeFileSync(linking, '---\ntitle: Linking\nowner: data\n---\n\n## Summary\n\nSee [the notes](../notes.txt).\n');
    await build(root, out);
    expect(tree(out).get('runbooks/linking/index.html')).toContain('notes.txt');
    const missing = tree(out).get('runbooks/linking/index.html');
    writeFileSync(join(root, 'notes.txt'), 'notes\n');
    const result = await build(root, out);
    expect(result.stderr).toMatch(/^built /);
    expect(tree(out).get('runbooks/linking/index.html')).not.toBe(missing);
    expectSameSite(out, await clean(root, 'links'));
  });

  it('--no-cache always rebuilds', async () => {
    const root = project('forced');
    const out = join(root, 'site');
    await build(root, out);
    expect((await build(root, out, ['--no-cache'])).stderr).toMatch(/^built /);
  });
});

// Incremental to the page (#16): a page whose inputs did not change is taken from the site before
// (by hard link) instead of being rendered; the search index is content-addressed.

function edit(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the test's edit of ${path} changed nothing`);
  writeFileSync(path, edited);
}

describe('a build on top of others equals a clean build, to the page', () => {
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
    expect((await build(root, out)).stderr).toContain('is up to date');
    expect(readFileSync(page, 'utf8')).not.toBe(original);
    edit(join(root, 'runbooks', 'database', 'primary-down.md'), '## Summary', '## Summary\n\nEdited.');
    await build(root, out);
    expect(readFileSync(page, 'utf8')).toBe(original);
    expectSameSite(out, await clean(root, 'tampered'));
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
    expectSameSite(out, await clean(root, 'planted'));
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
    const counts = /\((\d+) written, (\d+) removed\)/.exec((await build(root, out)).stderr);
    expect(counts).not.toBeNull();
    // The first edit after a cold build already takes every unchanged file from the site before.
    expect(Number(counts?.[1])).toBeGreaterThan(0);
    expect(Number(counts?.[1])).toBeLessThanOrEqual(40);
  });
});

// Trust in `out` comes from this user's cache (the record of what its build left there), never from
// `out` itself, which a repository may commit: a clone, a copy, a pull or a touch gets nothing taken.
describe('an out the cache does not remember as it is: none of its files is taken', () => {
  const page = 'runbooks/hosts/disk-full/index.html';

  /** Replaces the file at `path` by a new one holding `content`, as git writes a file. */
  function replaceFile(path: string, content: string | Buffer): void {
    rmSync(path);
    writeFileSync(path, content);
  }

  /** Files of `out` that are one of `paths`' inodes. */
  function sharedWith(out: string, paths: readonly string[]): readonly string[] {
    const inodes = new Set(paths.map((path) => statSync(path).ino));
    return filesUnder(out).filter((path) => inodes.has(statSync(join(out, path)).ino));
  }

  it('a committed out with a folder linked to planted files of the recorded sizes, or to a private file outside', async () => {
    const root = project('linked');
    const out = join(root, 'site');
    await build(root, out);
    // The same user's cache, the marker untouched: assets/ now a link to a repository folder whose
    // files have the recorded sizes.
    const planted = join(root, 'aaa', 'assets');
    mkdirSync(planted, { recursive: true });
    for (const name of filesUnder(join(out, 'assets'))) writeFileSync(join(planted, name), ' '.repeat(statSync(join(out, 'assets', name)).size));
    rmSync(join(out, 'assets'), { recursive: true });
    symlinkSync('../aaa/assets', join(out, 'assets'));
    await build(root, out);
    const plantedFiles = filesUnder(planted).map((name) => join(planted, name));
    expect(sharedWith(out, plantedFiles)).toEqual([]);
    expectSameSite(out, await clean(root, 'linked-1'));
    // A fresh clone (its own, empty cache): a page's folder linked to an outside folder by absolute
    // path, the marker recording the private file's size; a runbook edited.
    const outside = join(temporary, 'private-wiki');
    mkdirSync(outside);
    const secret = join(outside, 'index.html');
    writeFileSync(secret, 'private notes\n');
    rmSync(join(out, 'runbooks', 'hosts', 'disk-full'), { recursive: true });
    symlinkSync(outside, join(out, 'runbooks', 'hosts', 'disk-full'));
    const marker = join(out, '.runbook-site');
    replaceFile(marker, readFileSync(marker, 'utf8').replace(new RegExp(` \\d+ ([0-9a-f]{32}) ${page}$`, 'm'), ` ${String(statSync(secret).size)} $1 ${page}`));
    edit(join(root, 'runbooks', 'database', 'primary-down.md'), '## Summary', '## Summary\n\nEdited.');
    await build(root, out, [], { RUNBOOK_CACHE_DIR: join(temporary, 'victim-cache') });
    expect(sharedWith(out, [secret, ...plantedFiles])).toEqual([]);
    expect(readFileSync(secret, 'utf8')).toBe('private notes\n');
    expectSameSite(out, await clean(root, 'linked-2'));
  });

  it('a marker rewritten by a later commit over an old page, with the same cache', async () => {
    const root = project('pulled');
    const out = join(root, 'site');
    await build(root, out);
    const old = readFileSync(join(out, page));
    edit(join(root, 'runbooks', 'hosts', 'disk-full.md'), '## Summary', '## Summary\n\nDISK edited.');
    await build(root, out);
    // The commit pulled: the old page back, then the marker alone rewritten with the old page's size.
    replaceFile(join(out, page), old);
    const marker = join(out, '.runbook-site');
    replaceFile(marker, readFileSync(marker, 'utf8').replace(new RegExp(` \\d+ ([0-9a-f]{32}) ${page}$`, 'm'), ` ${String(old.byteLength)} $1 ${page}`));
    await build(root, out);
    expect(readFileSync(join(out, page), 'utf8')).toContain('DISK edited.');
    expectSameSite(out, await clean(root, 'pulled'));
  });

  it('a page edited by hand in a copied site, and in place with the marker touched after', async () => {
    const root = project('copied');
    const out = join(root, 'site');
    await build(root, out);
    const handEdit = (folder: string): void => {
      writeFileSync(join(folder, page), readFileSync(join(folder, page), 'utf8').replace('<h1', '<h2'));
    };
    // A copy of the site (as tar or a CI cache restore makes it), its marker written last.
    handEdit(out);
    const copy = join(root, 'copy');
    cpSync(out, copy, { recursive: true });
    replaceFile(join(copy, '.runbook-site'), readFileSync(join(out, '.runbook-site')));
    const primary = join(root, 'runbooks', 'database', 'primary-down.md');
    edit(primary, '## Summary', '## Summary\n\nEdited.');
    await build(root, copy);
    expectSameSite(copy, await clean(root, 'copied-1'));
    // In place, in the site this cache remembers: the page edited, then the marker touched.
    handEdit(copy);
    utimesSync(join(copy, '.runbook-site'), new Date('2020-01-01'), new Date('2020-01-01'));
    edit(primary, 'Edited.', 'Edited twice.');
    await build(root, copy);
    expect(readFileSync(join(copy, page), 'utf8')).toContain('<h1');
    expectSameSite(copy, await clean(root, 'copied-2'));
  });
});
