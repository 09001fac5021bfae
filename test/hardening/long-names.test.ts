/**
 * Names longer than a file system allows once encoded: a 100-character CJK alert, service or team
 * is 300 bytes of UTF-8, and every generated path used one as a folder or file name, so the whole
 * build failed with `ENAMETOOLONG`. Each segment is now cut by bytes, on a code point, and ends in a
 * short hash of the whole name; the links of every page must still lead to files that exist.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashedSegment, MAX_SEGMENT_BYTES, prefixWithin, safeSegment, uniquePaths, utf8Length } from '../../src/model/site-paths.js';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, makeProject } from '../reliability/hostile-project.js';

/** `count` distinct CJK characters starting at `from` (3 bytes each in UTF-8). */
function cjk(count: number, from = 0x4e00): string {
  return Array.from({ length: count }, (_, index) => String.fromCodePoint(from + index)).join('');
}

const ALERT = cjk(100);
const ALERT_TWIN = `${cjk(99)}${String.fromCodePoint(0x9000)}`; // the same first 99 characters
const SERVICE = cjk(100, 0x5000);
const TEAM = cjk(100, 0x5200);
const TEAM_TWIN = `${cjk(99, 0x5200)}${String.fromCodePoint(0x9001)}`;
/** Folder and file of 84 characters: 252 bytes (255 with `.md`), as long as a file system holds. */
const FOLDER = cjk(84, 0x5400);
const FILE = cjk(84, 0x5600);

const CONFIG = ['root: runbooks', 'sections: {required: []}', 'teams:', `  ${TEAM}: {name: ${TEAM}, escalation: [{name: On-call, via: pager, target: x}]}`, `  ${TEAM_TWIN}: {name: Twin}`, ''].join('\n');

function runbook(alert: string, team: string): string {
  return cleanRunbook({ title: alert, extra: [`alerts: [${alert}]`, `tags: [${alert}]`] })
    .replace('owner: data', `owner: ${team}`)
    .replace('service: orders', `service: ${SERVICE}`);
}

const folder = makeProject(
  {
    [`runbooks/${FOLDER}/${FILE}.md`]: runbook(ALERT, TEAM),
    [`runbooks/${FOLDER}/${cjk(84, 0x5800)}.md`]: runbook(ALERT_TWIN, TEAM_TWIN),
    'runbooks/plain.md': `${runbook('PlainAlert', TEAM)}\nSee [the long one](${encodeURI(`${FOLDER}/${FILE}.md`)}).\n`,
  },
  CONFIG,
);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Every file under `root`, relative, with `/`. */
function filesUnder(root: string): readonly string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => statSync(join(root, path)).isFile())
    .sort();
}

/** Relative links of a page (`href`, `src`, and the `url=` of a refresh), as written. */
function linksOf(html: string): readonly string[] {
  const links = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g), ...html.matchAll(/content="\d+;\s*url=([^"]*)"/g)].map((match) => match[1] ?? '');
  return links.filter((link) => link !== '' && !link.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('/'));
}

describe('names longer than a file name may be (100-character CJK alert, service, team, long runbook paths)', () => {
  it('builds the site: every name within 255 bytes, every link of every page leading to a file that exists', async () => {
    const result = await runCli(['build', '--no-git', '--today', '2026-11-27', '--out', 'site'], folder);
    expect(result.code, result.stderr).toBe(0);
    const site = join(folder, 'site');
    const files = filesUnder(site);
    for (const path of files) for (const segment of path.split('/')) expect(utf8Length(segment), path).toBeLessThanOrEqual(255);
    // Each kind of page is there, under its cut name.
    for (const name of [ALERT, ALERT_TWIN]) expect(files, name).toContain(`alerts/${safeSegment(name)}/index.html`);
    expect(safeSegment(ALERT)).not.toBe(safeSegment(ALERT_TWIN));
    expect(files).toContain(`services/${safeSegment(SERVICE)}/index.html`);
    expect(files).toContain(`teams/${safeSegment(TEAM)}/index.html`);
    expect(files).toContain(`teams/${safeSegment(TEAM)}/cheatsheet/index.html`);
    expect(files).toContain(`teams/${safeSegment(TEAM_TWIN)}/cheatsheet/index.html`);
    expect(files).toContain(`runbooks/${safeSegment(FOLDER)}/${safeSegment(FILE)}/index.html`);
    let checked = 0;
    for (const page of files.filter((path) => path.endsWith('.html'))) {
      for (const link of linksOf(readFileSync(join(site, page), 'utf8'))) {
        const path = decodeURIComponent(link.replace(/[?#].*$/, ''));
        const target = posix.normalize(posix.join(posix.dirname(page), path.endsWith('/') || path === '' ? `${path}index.html` : path));
        expect(existsSync(join(site, target)), `${page} → ${link}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    // The link from the plain runbook to the long one was rewritten to its page.
    const plain = readFileSync(join(site, 'runbooks', 'plain', 'index.html'), 'utf8');
    expect(plain).toContain(`${safeSegment(FILE)}/index.html`);
  }, 60_000);

  it('writes the cheat sheets with names within 255 bytes, one per team', async () => {
    const result = await runCli(['cheatsheet', '--no-git', '--today', '2026-11-27', '--out', 'sheets'], folder);
    expect(result.code, result.stderr).toBe(0);
    const sheets = readdirSync(join(folder, 'sheets'));
    expect(sheets.sort()).toEqual([`${safeSegment(TEAM)}.html`, `${safeSegment(TEAM_TWIN)}.html`].sort());
    for (const name of sheets) expect(utf8Length(name), name).toBeLessThanOrEqual(255);
  });
});

describe('safeSegment cuts by bytes', () => {
  it('keeps a name within the limit as it is, and cuts a longer one to the limit, ending in a hash of the whole name', () => {
    const fits = cjk(66); // 198 bytes
    expect(safeSegment(fits)).toBe(fits);
    const cut = safeSegment(cjk(67));
    expect(utf8Length(cut)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(cut).toMatch(/^[\u4e00-\u9fff]+-[0-9a-f]{8}$/);
    expect(safeSegment(cjk(67))).toBe(cut);
  });

  it('never splits a surrogate pair (4-byte characters)', () => {
    const astral = Array.from({ length: 100 }, (_, index) => String.fromCodePoint(0x20000 + index)).join('');
    const cut = safeSegment(astral);
    expect(utf8Length(cut)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(new TextDecoder().decode(new TextEncoder().encode(cut)), 'no lone surrogate').toBe(cut);
    expect(prefixWithin(astral, 7)).toBe(String.fromCodePoint(0x20000));
    expect(prefixWithin('a😀b', 4)).toBe('a');
  });

  it('leaves room for the `-2` of two names that are still the same, and for a suffix after a hash', () => {
    const paths = uniquePaths(['a b', 'a-b'], (key) => safeSegment(`${key}${'x'.repeat(300)}`));
    for (const path of paths.values()) expect(utf8Length(path)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES + 6);
    expect(utf8Length(hashedSegment(cjk(100), 'key'))).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
  });
});
