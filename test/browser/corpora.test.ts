import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED, sharedAvailable } from '../shared.js';
import { SETUP_TIMEOUT, SLOW_TEST_TIMEOUT, buildSiteInto, filesUnder } from './browser.js';

const available = sharedAvailable();
const corpora = available ? readdirSync(join(SHARED, 'corpora')).filter((name) => !name.startsWith('.')).sort() : [];

/** Folders discovery never enters (src/io/discover.ts), besides any whose name starts with a dot. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/** The files the default `**\/*.md` glob matches: `.md` files, in no folder (and with no name) starting with a dot. */
function markdownFiles(folder: string): readonly string[] {
  return filesUnder(folder).filter((path) => {
    const segments = path.split('/');
    return path.endsWith('.md') && segments.every((segment) => !segment.startsWith('.') && !SKIPPED.has(segment));
  });
}

describe.skipIf(!available)('building the site of each real corpus in ../shared/corpora', () => {
  const out = mkdtempSync(join(tmpdir(), 'runbook-corpora-'));

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  }, SETUP_TIMEOUT);

  it.each(corpora)('%s: exits 0 and gives every Markdown file a page', async (name) => {
    const folder = join(SHARED, 'corpora', name);
    const site = join(out, name);
    const result = await buildSiteInto(folder, '.', site);
    expect(result.code, result.stderr).toBe(0);
    const files = markdownFiles(folder);
    expect(files.length).toBeGreaterThan(0);
    const written = filesUnder(join(site, 'runbooks')).filter((path) => path.endsWith('/index.html'));
    // A page with capitals in its path is also at its lower-case path (the same page, #14).
    const pages = written.filter((path) => path !== path.toLowerCase() || !written.some((other) => other !== path && other.toLowerCase() === path));
    expect(pages.length).toBe(files.length);
    expect(result.stderr).toMatch(new RegExp(`: ${String(files.length)} runbooks?,`));
    // The index links to every page, and to nothing that was not written.
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    const linked = new Set([...index.matchAll(/href="(runbooks\/[^"]+\/index\.html)"/g)].map((match) => decodeURIComponent(match[1] ?? '')));
    expect([...linked].sort()).toEqual(pages.map((path) => `runbooks/${path}`).sort());
  }, SLOW_TEST_TIMEOUT);
});
