import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/site/search-document.js';
import { buildSearchIndex } from '../../src/site/search-index.js';
import { SETUP_TIMEOUT, chromiumOrSkip, fileUrl, launchChromium, watchPage, type PageWatch } from './browser.js';
import { RUNBOOKS } from '../site/search-fixtures.js';
import { hacked, recordStatus, snippetTags, statusTexts } from './search-in-page.js';

const BASE = { service: undefined, owner: undefined, severity: undefined, status: 'Fresh', tags: [], headings: [], alerts: [] };
/** The fixtures and one runbook whose text is markup, to show that snippets stay text. */
const DOCUMENTS: readonly SearchDocument[] = [
  ...RUNBOOKS,
  { ...BASE, id: 'zz/markup', url: 'runbooks/zz/markup/index.html', title: 'Markup in the text', text: 'The xylophone <script>window.hacked = 1</script> & <img src=x onerror="window.hacked = 2"> xylophone' },
];

const chromiumPath = chromiumOrSkip();
const ASSETS = new URL('../../templates/assets/', import.meta.url);

/** A page with the search box, `depth` folders below the site root, under the strictest script policy. */
function searchPage(depth: number, options: { readonly page?: string; readonly query?: string } = {}): string {
  const root = '../'.repeat(depth);
  const query = options.query === undefined ? '' : ` data-search-query="${options.query}"`;
  return `<!doctype html>
<html lang="en" data-root="${root}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'">
<title>Search</title>
<script src="${root}assets/search-core.js" defer></script>
<script src="${root}assets/search.js" defer></script>
</head>
<body data-page="${options.page ?? 'index'}">
<h1>Runbooks</h1>
<form class="search" role="search" action="#" data-search>
  <label for="RB-search-input">Search</label>
  <input id="RB-search-input" type="search" autocomplete="off"${query}>
  <p id="RB-search-status" aria-live="polite"></p>
  <ol id="RB-search-results" hidden></ol>
</form>
</body>
</html>
`;
}

describe.skipIf(chromiumPath === undefined)('the search box in Chromium, from file://', () => {
  const site = mkdtempSync(join(tmpdir(), 'runbook-search-page-'));
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  const write = (path: string, content: string): void => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), content);
  };

  beforeAll(async () => {
    for (const file of buildSearchIndex(DOCUMENTS)) write(file.path, file.content);
    for (const name of ['search-core.js', 'search.js']) write(`assets/${name}`, readFileSync(new URL(name, ASSETS), 'utf8'));
    for (const runbook of DOCUMENTS) write(runbook.url, `<!doctype html><title>${runbook.id}</title><h1>${runbook.id}</h1>`);
    write('teams/data/index.html', searchPage(2));
    write('alerts/KubeNodeNotReady/index.html', searchPage(2, { page: '404' }));
    write('query.html', searchPage(0, { query: 'restic' }));
    browser = await launchChromium(chromiumPath ?? '');
    page = await browser.newPage();
    watch = watchPage(page);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    rmSync(site, { recursive: true, force: true });
  });

  /** The hrefs of the result links, as written. */
  const results = async (): Promise<readonly string[]> => {
    const links = await page.locator('#RB-search-results a').all();
    return Promise.all(links.map(async (link) => (await link.getAttribute('href')) ?? ''));
  };

  it('shows results as links from the page to the runbooks, with their badges, and no error', async () => {
    await page.goto(fileUrl(site, 'teams/data/index.html'));
    await page.fill('#RB-search-input', 'PostgresPrimaryDown');
    await expect.poll(results).toContain('../../runbooks/database/primary-down/index.html');
    expect((await results())[0]).toBe('../../runbooks/database/primary-down/index.html');
    const first = page.locator('#RB-search-results li').first();
    expect(await first.locator('.search-result-title').textContent()).toBe('Primary database down');
    expect(await first.locator('code').allTextContents()).toEqual(['PostgresPrimaryDown']);
    expect(await first.locator('.badge.severity-critical').textContent()).toBe('critical');
    expect(await first.locator('.badge.status-never-tested').textContent()).toBe('Never tested');
    // The status line changes once typing pauses (350 ms), for screen readers.
    await expect.poll(() => page.locator('#RB-search-status').textContent()).toMatch(/^2 runbooks\./);
    expect(watch.problems).toEqual([]);
  });

  it('ranks by stems and synonyms, and puts a snippet with the matched words marked under each result', async () => {
    await page.goto(fileUrl(site, 'teams/data/index.html'));
    await page.fill('#RB-search-input', 'restarting');
    await expect.poll(results).toContain('../../runbooks/kubernetes/crashloop/index.html');
    const first = page.locator('#RB-search-results li').first();
    await expect.poll(() => first.locator('.search-result-snippet mark').allTextContents()).toEqual(['restarts']);
    await page.fill('#RB-search-input', 'oom');
    await expect.poll(async () => (await results())[0]).toBe('../../runbooks/queue/rabbitmq-memory/index.html');
    await expect.poll(() => first.locator('.search-result-snippet mark').allTextContents()).toEqual(['memory']);
    expect(watch.problems).toEqual([]);
  });

  it('shows markup in a runbook as text in its snippet, never as elements', async () => {
    await page.goto(fileUrl(site, 'teams/data/index.html'));
    await page.fill('#RB-search-input', 'xylophone');
    const snippet = page.locator('#RB-search-results li .search-result-snippet').first();
    await expect.poll(() => snippet.textContent()).toContain('<script>window.hacked = 1</script> & <img');
    expect(await page.evaluate(snippetTags)).toEqual(['MARK', 'MARK']);
    expect(await page.evaluate(hacked)).toBeUndefined();
  });

  it('says when no runbook has every word, and announces only the settled query', async () => {
    await page.goto(fileUrl(site, 'teams/data/index.html'));
    await page.evaluate(recordStatus);
    await page.focus('#RB-search-input');
    await page.keyboard.type('kafka restic', { delay: 30 });
    const status = page.locator('#RB-search-status');
    await expect.poll(() => status.textContent()).toBe('No runbook has every word; showing runbooks with some of them (2 runbooks).');
    expect(await page.evaluate(statusTexts)).toEqual(['No runbook has every word; showing runbooks with some of them (2 runbooks).']);
  });

  it('moves through results with the arrow keys, and Escape clears the box and hides them', async () => {
    await page.goto(fileUrl(site, 'teams/data/index.html'));
    await page.click('h1');
    await page.keyboard.press('/');
    await page.keyboard.type('kube');
    await expect.poll(async () => (await results()).length).toBe(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // The link is the option (a link inside an option would nest one control in another).
    const selected = page.locator('#RB-search-results li.is-selected [role="option"]');
    expect(await selected.getAttribute('id')).toBe('RB-search-result-0');
    expect(await page.getAttribute('#RB-search-input', 'aria-activedescendant')).toBe('RB-search-result-0');
    await page.keyboard.press('ArrowUp');
    expect(await selected.getAttribute('id')).toBe('RB-search-result-1');
    expect(await selected.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#RB-search-results [aria-selected="true"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#RB-search-input')).toBe('');
    expect(await page.locator('#RB-search-results').isHidden()).toBe(true);
    expect(watch.problems).toEqual([]);
  });

  it('opens the first result when Enter comes before the results', async () => {
    await page.goto(fileUrl(site, 'teams/data/index.html'));
    await page.focus('#RB-search-input');
    await page.keyboard.type('restic');
    await page.keyboard.press('Enter');
    await page.waitForURL(fileUrl(site, 'runbooks/backups/backup-failed/index.html'));
  });

  it('searches for the missing name on a "not found" page, and for data-search-query', async () => {
    await page.goto(fileUrl(site, 'alerts/KubeNodeNotReady/index.html'));
    expect(await page.inputValue('#RB-search-input')).toBe('KubeNodeNotReady');
    await expect.poll(results).toEqual(['../../runbooks/kubernetes/node-not-ready/index.html']);
    await page.goto(fileUrl(site, 'query.html'));
    await expect.poll(results).toEqual(['runbooks/backups/backup-failed/index.html']);
    // Leaving a page aborts the snippet text files it was still loading: no problem of the page.
    const leftBehind = /search\/text\/\d+\.js \(net::ERR_ABORTED\)$/;
    expect(watch.problems.filter((problem) => !leftBehind.test(problem))).toEqual([]);
  });
});
