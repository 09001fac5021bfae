import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { fileTree, filesUnder } from '../file-tree.js';

/**
 * A repository is untrusted input: whatever it holds in and around the output folder (links named
 * like the spare copy or a killed build's leftovers, links inside a committed site, a marker listing
 * `../../x`), `runbook build` removes and writes nothing outside the real --out folder and its own
 * `<out>.runbook-*` siblings. Each case proves it with a digest of sentinel trees before and after.
 */

const temporary = mkdtempSync(join(tmpdir(), 'runbook-out-links-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
}, 120_000);

let count = 0;

/** A fresh folder holding a small repository (`repo/`) and a folder outside it (`victim/`), both full of sentinel files. */
function scene(): { readonly repo: string; readonly victim: string; readonly out: string; readonly sentinels: () => string } {
  const base = join(temporary, `scene-${String(count++)}`);
  const repo = join(base, 'repo');
  const victim = join(base, 'victim');
  write(join(repo, 'runbook.config.yaml'), 'root: runbooks\n');
  write(join(repo, 'runbooks', 'db', 'primary-down.md'), '---\ntitle: Primary down\nowner: data\nalerts: [PrimaryDown]\n---\n\n## Summary\n\nThe primary is down. See [the other](../web/slow.md).\n');
  write(join(repo, 'runbooks', 'web', 'slow.md'), '---\ntitle: Slow pages\nowner: web\n---\n\n## Summary\n\nPages are slow.\n');
  write(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  write(join(repo, '.git', 'objects', 'ab', 'cdef'), 'object');
  write(join(victim, 'secret.txt'), 'do not touch\n');
  write(join(victim, 'index.html'), '<p>the web root of something else</p>\n');
  write(join(victim, 'deep', 'keep.txt'), 'keep\n');
  const sentinels = (): string => digestOf([join(repo, 'runbooks'), join(repo, '.git'), join(repo, 'runbook.config.yaml'), victim]);
  return { repo, victim, out: join(repo, 'site'), sentinels };
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** A digest of every file (paths and bytes) and link under the given paths. */
function digestOf(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    if (!existsSync(path)) {
      hash.update(`missing ${path}\n`);
      continue;
    }
    if (lstatSync(path).isFile()) {
      hash.update(`${path}\n`).update(readFileSync(path));
      continue;
    }
    for (const [file, content] of fileTree(path)) hash.update(`${path}/${file}\n${content}\n`);
  }
  return hash.digest('hex');
}

async function build(repo: string, out = 'site', extra: readonly string[] = []) {
  return runCli(['build', '--today', '2026-11-27', '--no-git', '--out', out, ...extra], repo, { RUNBOOK_CACHE_DIR: join(repo, '..', 'cache') });
}

/** A clean build of the scene's runbooks, to compare with. */
async function cleanSite(repo: string, extra: readonly string[] = []): Promise<ReadonlyMap<string, string>> {
  const out = join(dirname(repo), `clean-${String(count++)}`);
  const result = await build(repo, out, ['--no-cache', ...extra]);
  expect(result.code).toBe(0);
  return fileTree(out);
}

function expectRealFolder(path: string): void {
  expect(lstatSync(path).isDirectory()).toBe(true);
}

describe('links around --out are never followed (a committed symlink deleted the repository)', () => {
  it('a committed site.runbook-spare -> . leaves the repository as it was (the repository-deletion bug)', async () => {
    const { repo, sentinels } = scene();
    const before = sentinels();
    symlinkSync('.', join(repo, 'site.runbook-spare'));
    const first = await build(repo);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('site.runbook-spare: a symbolic link, not a folder runbook made');
    expect((await build(repo, 'site', ['--today', '2026-11-28'])).code).toBe(0);
    expect(sentinels()).toBe(before);
    expectRealFolder(join(repo, 'site.runbook-spare'));
  });

  it('a spare linked to another folder does not empty it, and the site is not written into it', async () => {
    const { repo, victim, sentinels } = scene();
    const before = sentinels();
    symlinkSync(victim, join(repo, 'site.runbook-spare'));
    expect((await build(repo)).code).toBe(0);
    expect((await build(repo, 'site', ['--today', '2026-11-28'])).code).toBe(0);
    expect(sentinels()).toBe(before);
  });

  it('a file link inside the spare is not written through, and not kept in the published site', async () => {
    const { repo, victim, out, sentinels } = scene();
    expect((await build(repo)).code).toBe(0);
    expect((await build(repo, 'site', ['--today', '2026-11-28'])).code).toBe(0);
    const spare = `${out}.runbook-spare`;
    rmSync(join(spare, 'index.html'));
    symlinkSync(join(victim, 'index.html'), join(spare, 'index.html'));
    rmSync(join(spare, 'runbooks'), { recursive: true });
    symlinkSync(victim, join(spare, 'runbooks'));
    rmSync(join(spare, 'catalog.json'));
    linkSync(join(victim, 'secret.txt'), join(spare, 'catalog.json'));
    const before = sentinels();
    expect((await build(repo, 'site', ['--today', '2026-11-29'])).code).toBe(0);
    expect(sentinels()).toBe(before);
    expect(lstatSync(join(out, 'index.html')).isFile()).toBe(true);
    expectRealFolder(join(out, 'runbooks'));
    expect(fileTree(out)).toEqual(await cleanSite(repo, ['--today', '2026-11-29']));
  });

  it('leftovers of killed builds that are links (site.runbook-tmp-*, site.runbook-old-*) are removed, not followed', async () => {
    const { repo, victim, out, sentinels } = scene();
    const before = sentinels();
    symlinkSync(victim, join(repo, 'site.runbook-old-999999'));
    symlinkSync(repo, join(repo, 'site.runbook-tmp-999998'));
    writeFileSync(join(repo, 'site.runbook-old-999997'), 'a file');
    const result = await build(repo);
    expect(result.code, result.stderr).toBe(0);
    expect(sentinels()).toBe(before);
    expectRealFolder(out);
    expect(existsSync(join(repo, 'site.runbook-old-999999'))).toBe(false);
    expect(existsSync(join(repo, 'site.runbook-tmp-999998'))).toBe(false);
  });

  it('a planted site.runbook-old-* holding links is not put back as the site', async () => {
    const { repo, victim, out, sentinels } = scene();
    const before = sentinels();
    const planted = join(repo, 'site.runbook-old-999999');
    mkdirSync(planted);
    writeFileSync(join(planted, '.runbook-site'), 'runbook-site 2\nabout\ninput x\n');
    symlinkSync(victim, join(planted, 'runbooks'));
    expect((await build(repo)).code).toBe(0);
    expect(sentinels()).toBe(before);
    expect(filesUnder(out)).not.toContain('runbooks/secret.txt');
  });
});

describe('a symbolic link as --out (a deploy link to a web root) is resolved once', () => {
  it('every build writes into the folder it points to, the link stays, and nothing else there is touched', async () => {
    const { repo, victim, sentinels } = scene();
    const webRoot = join(dirname(repo), 'www', 'html');
    mkdirSync(webRoot, { recursive: true });
    // The user's own link, outside the repository and the working folder.
    const deploy = join(dirname(repo), 'deploy');
    symlinkSync(webRoot, deploy);
    const before = sentinels();
    for (const day of ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']) {
      const result = await build(repo, deploy, ['--today', day]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('is a symbolic link: the site is written to the folder it points to');
      expect(readlinkSync(deploy)).toBe(webRoot);
      expect(readFileSync(join(webRoot, 'index.html'), 'utf8')).toContain('<html');
      expect(readFileSync(join(webRoot, '.runbook-site'), 'utf8')).toContain('runbook-site 3');
    }
    expect(sentinels()).toBe(before);
    expect(existsSync(join(victim, 'secret.txt'))).toBe(true);
  });

  it('a link to a folder that does not exist is refused (exit 2), creating nothing', async () => {
    const { repo } = scene();
    const deploy = join(dirname(repo), 'deploy');
    symlinkSync(join(dirname(repo), 'nowhere'), deploy);
    const result = await build(repo, deploy);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a symbolic link to a folder that does not exist');
    expect(existsSync(join(dirname(repo), 'nowhere'))).toBe(false);
  });
});

describe('a link the repository may have committed on the way to --out is refused (site -> . moved the checkout away)', () => {
  it('a committed site -> . with an empty .runbook-site: exit 2, nothing moved', async () => {
    const { repo, sentinels } = scene();
    writeFileSync(join(repo, '.runbook-site'), '');
    symlinkSync('.', join(repo, 'site'));
    const before = sentinels();
    const result = await build(repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a symbolic link');
    expect(result.stderr).toContain('a repository can commit such a link, so runbook does not write through it');
    expect(sentinels()).toBe(before);
    expect(existsSync(`${repo}.runbook-spare`)).toBe(false);
    expect(readlinkSync(join(repo, 'site'))).toBe('.');
  });

  it('a committed site -> an empty folder elsewhere: exit 2, the folder is left as it was', async () => {
    const { repo } = scene();
    const empty = join(dirname(repo), 'srv');
    mkdirSync(empty);
    symlinkSync('../srv', join(repo, 'site'));
    const result = await build(repo);
    expect(result.code).toBe(2);
    expect(filesUnder(empty)).toEqual([]);
    expect(existsSync(`${empty}.runbook-spare`)).toBe(false);
  });

  it('a committed folder link on the way (public -> ..): exit 2, for build and cheatsheet', async () => {
    const { repo, sentinels } = scene();
    symlinkSync('..', join(repo, 'public'));
    const before = sentinels();
    const built = await build(repo, 'public/site');
    expect(built.code).toBe(2);
    expect(built.stderr).toContain('on the way to --out');
    const sheets = await runCli(['cheatsheet', '--no-git', '--today', '2026-11-27', '--format', 'html', '--out', 'public/sheets'], repo);
    expect(sheets.code).toBe(2);
    expect(existsSync(join(dirname(repo), 'sheets'))).toBe(false);
    expect(sentinels()).toBe(before);
  });

  it('a committed cheatsheets -> web root does not overwrite its index.html', async () => {
    const { repo, victim, sentinels } = scene();
    writeFileSync(join(repo, 'runbook.config.yaml'), 'root: runbooks\nteams:\n  index:\n    name: Index\n');
    write(join(repo, 'runbooks', 'index-team.md'), '---\ntitle: A\nowner: index\nseverity: low\n---\n\n## Recovery\n\n1. run this\n');
    symlinkSync(victim, join(repo, 'cheatsheets'));
    const before = sentinels();
    const result = await runCli(['cheatsheet', '--no-git', '--today', '2026-11-27', '--format', 'html'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does not write through it');
    expect(sentinels()).toBe(before);
  });
});

describe('paths in a marker are never used to remove anything (rm -rf ../../victim)', () => {
  it('a spare whose marker lists ../../victim and absolute paths leaves them alone', async () => {
    const { repo, out, sentinels } = scene();
    expect((await build(repo)).code).toBe(0);
    expect((await build(repo, 'site', ['--today', '2026-11-28'])).code).toBe(0);
    const before = sentinels();
    // Lines of both marker versions (digest, then path; digest, size, then path).
    const lines = ['../../victim', '../runbooks', '/etc'].flatMap((path) => [`${'0'.repeat(32)} ${path}`, `${'0'.repeat(32)} 1 ${path}`]);
    appendFileSync(join(`${out}.runbook-spare`, '.runbook-site'), `${lines.join('\n')}\n`);
    expect((await build(repo, 'site', ['--today', '2026-11-29'])).code).toBe(0);
    expect(sentinels()).toBe(before);
  });

  it('a committed site/ whose marker lists ../../victim is refused, and nothing is removed', async () => {
    const { repo, out, sentinels } = scene();
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'committed');
    for (const header of ['runbook-site 1', 'runbook-site 2', 'runbook-site 3']) {
      writeFileSync(join(out, '.runbook-site'), `${header}\nabout\ninput x\n${'0'.repeat(32)} ../../victim\n${'0'.repeat(32)} 1 ../runbooks\n`);
      const before = sentinels();
      const result = await build(repo);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('refusing to write the site into');
      expect(sentinels()).toBe(before);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('committed');
    }
  });
});

describe('"up to date" is said only of a site that is as it was written (the damaged-site bug)', () => {
  it('rebuilds after a file of the site was removed, truncated or replaced by a link', async () => {
    const { repo, victim, out } = scene();
    expect((await build(repo)).code).toBe(0);
    expect((await build(repo)).stderr).toContain('is up to date');
    const damages: readonly [string, () => void][] = [
      ['removed', () => { rmSync(join(out, 'catalog.json')); }],
      ['truncated', () => { writeFileSync(join(out, 'index.html'), ''); }],
      ['a link', () => { rmSync(join(out, '404.html')); symlinkSync(join(victim, 'index.html'), join(out, '404.html')); }],
    ];
    for (const [what, damage] of damages) {
      damage();
      const result = await build(repo);
      expect(result.stderr, what).toMatch(/^built /);
      expect((await build(repo)).stderr, `${what}, again`).toContain('is up to date');
    }
    expect(fileTree(out)).toEqual(await cleanSite(repo));
  });
});

/** What may be planted at a place around --out. */
type Plant = 'link-victim' | 'link-victim-file' | 'link-repo' | 'link-dangling' | 'file' | 'folder-with-links';

const PLANTS: readonly Plant[] = ['link-victim', 'link-victim-file', 'link-repo', 'link-dangling', 'file', 'folder-with-links'];
const PLACES = [
  'site',
  'site.runbook-spare',
  'site.runbook-tmp-999991',
  'site.runbook-old-999992',
  'site.runbook-spare/index.html',
  'site.runbook-spare/runbooks',
  'site.runbook-spare/runbooks/db',
  'site.runbook-spare/assets/site.css',
  'site.runbook-spare/.runbook-site',
  'site.runbook-spare/.gitignore',
  'site/runbooks',
  'site/assets',
  'site/index.html',
] as const;

/** Whether a folder on the way from `repo` to `place` is a link (or not a folder). */
function underLink(repo: string, place: string): boolean {
  const parts = place.split('/').slice(0, -1);
  return parts.some((_part, index) => {
    const stats = lstatSync(join(repo, ...parts.slice(0, index + 1)), { throwIfNoEntry: false });
    return stats !== undefined && !stats.isDirectory();
  });
}

const markerLine = fc.oneof(
  fc.constantFrom('../../victim', '../victim', '/etc', '..', '.', 'runbooks/../../..', 'a//b', '../repo/runbooks', 'index.html'),
  fc.string({ unit: fc.constantFrom('.', '/', 'a', '\\', '\n', ' ', '\u0000', '0') }),
);

describe('property: random links, files and markers around --out never reach outside it', () => {
  it('no layout changes anything outside the real --out, and the site equals a clean build', async () => {
    const runs = Number(process.env.RUNBOOK_FC_RUNS ?? 12);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...PLACES), fc.constantFrom(...PLANTS)), { selector: ([place]) => place, maxLength: 6 }),
        fc.array(markerLine, { maxLength: 4 }),
        fc.boolean(),
        async (plants, markerPaths, builtBefore) => {
          const { repo, victim, out, sentinels } = scene();
          if (builtBefore) {
            await build(repo);
            await build(repo, 'site', ['--today', '2026-11-28']);
          }
          const lines = markerPaths.map((path) => `${'0'.repeat(32)} 1 ${path}`).join('\n');
          for (const [place, plant] of plants) {
            const path = join(repo, place);
            // A plant under a link planted before would land outside: the layout keeps the first.
            if (underLink(repo, place)) continue;
            if (!existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true });
            rmSync(path, { recursive: true, force: true });
            if (plant === 'link-victim') symlinkSync(victim, path);
            else if (plant === 'link-victim-file') symlinkSync(join(victim, 'secret.txt'), path);
            else if (plant === 'link-repo') symlinkSync(repo, path);
            else if (plant === 'link-dangling') symlinkSync(join(victim, 'nothing-here'), path);
            else if (plant === 'file') writeFileSync(path, `runbook-site 2\nabout\ninput x\n${lines}\n`);
            else {
              mkdirSync(path);
              writeFileSync(join(path, '.runbook-site'), `runbook-site 2\nabout\ninput x\n${lines}\n`);
              symlinkSync(victim, join(path, 'runbooks'));
              symlinkSync(join(victim, 'secret.txt'), join(path, 'index.html'));
            }
          }
          const before = sentinels();
          const first = await build(repo, 'site', ['--today', '2026-11-29']);
          const second = await build(repo, 'site', ['--today', '2026-11-30']);
          expect(sentinels()).toBe(before);
          // The site is refused when a plant made --out a folder runbook did not write; otherwise it is complete.
          if (first.code === 0 && second.code === 0) {
            expectRealFolder(out);
            expect(fileTree(out)).toEqual(await cleanSite(repo, ['--today', '2026-11-30']));
          } else {
            expect(`${first.stderr}${second.stderr}`).toMatch(/refusing to write the site into|so runbook does not write through it|is a file, not a folder/);
          }
        },
      ),
      { numRuns: runs, seed: Number(process.env.RUNBOOK_FC_SEED ?? 20261204) },
    );
  }, 300_000);
});
