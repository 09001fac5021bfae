import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../shared.js';
import { SETUP_TIMEOUT, chromiumOrSkip, fileUrl, isInsideSite, launchChromium, mustBuild, serveSite, watchPage, type PageWatch, type StaticServer } from './browser.js';
import { activeElementId } from './in-page.js';

const chromiumPath = chromiumOrSkip();

const PRIMARY_DOWN = 'runbooks/database/primary-down/index.html';

/** The runbook pages the results link to, as site paths, best first (waits for the first answer). */
async function resultsFor(page: Page, query: string): Promise<readonly string[]> {
  await page.fill('#RB-search-input', query);
  const links = page.locator('#RB-search-results li a');
  await expect.poll(() => links.count(), { message: `results for ${query}` }).toBeGreaterThan(0);
  const root = new URL('.', page.url()).href;
  const hrefs = await Promise.all((await links.all()).map(async (link) => new URL((await link.getAttribute('href')) ?? '', page.url()).href));
  return hrefs.map((href) => (href.startsWith(root) ? href.slice(root.length) : href));
}

describe.skipIf(chromiumPath === undefined)('searching the example site', () => {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-search-'));
  const site = join(folder, 'site');
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    await mustBuild(PROJECT_ROOT, 'runbooks', site);
    server = await serveSite(site, '/some/base/');
    browser = await launchChromium(chromiumPath ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const variants = [
    { name: 'served over http under /some/base/', url: (path: string) => server.url(path), prefix: () => server.url('') },
    { name: 'opened from file://', url: (path: string) => fileUrl(site, path), prefix: () => fileUrl(site, '') },
  ];

  describe.each(variants)('$name', (variant) => {
    let context: BrowserContext;
    let page: Page;
    let watch: PageWatch;

    beforeAll(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      watch = watchPage(page);
      await page.goto(variant.url('index.html'));
    }, SETUP_TIMEOUT);

    afterAll(async () => {
      // Every data file the searches loaded came from the site itself, and none failed.
      expect(watch.problems).toEqual([]);
      expect(watch.requests.filter((url) => !isInsideSite(url, variant.prefix()))).toEqual([]);
      expect(watch.requests.some((url) => url.includes('/search/'))).toBe(true);
      await context.close();
    });

    it('lists the runbook of an alert first when the exact alert name is typed', async () => {
      expect((await resultsFor(page, 'PostgresPrimaryDown'))[0]).toBe(PRIMARY_DOWN);
    });

    it('lists the runbook of an alert first for a lower-case prefix of the alert name', async () => {
      expect((await resultsFor(page, 'postgresprim'))[0]).toBe(PRIMARY_DOWN);
    });

    it('finds the one runbook whose body alone has a word', async () => {
      // `amcheck` is only in the body of the restore runbook (a Postgres index check it runs).
      expect(await resultsFor(page, 'amcheck')).toEqual(['runbooks/database/restore-from-backup/index.html']);
    });

    it('finds a runbook when the query has one typo', async () => {
      expect((await resultsFor(page, 'certifcate'))[0]).toBe('runbooks/tls/certificate-expiry/index.html');
      expect((await resultsFor(page, 'PostgresPrimaryDonw'))[0]).toBe(PRIMARY_DOWN);
    });

    it('says so when nothing matches, and shows no results', async () => {
      await page.fill('#RB-search-input', 'zzqxwv');
      await expect.poll(() => page.locator('#RB-search-status').textContent()).toMatch(/No runbook matches/);
      expect(await page.locator('#RB-search-results').isHidden()).toBe(true);
    });

    it('focuses the search box when / is pressed elsewhere on the page, without typing the slash', async () => {
      await page.fill('#RB-search-input', '');
      await page.locator('h1').first().click();
      expect(await page.evaluate(activeElementId)).not.toBe('RB-search-input');
      await page.keyboard.press('/');
      expect(await page.evaluate(activeElementId)).toBe('RB-search-input');
      expect(await page.inputValue('#RB-search-input')).toBe('');
    });

    it('opens the selected result with ArrowDown and Enter', async () => {
      const results = await resultsFor(page, 'backup');
      expect(results.length).toBeGreaterThan(1);
      await page.focus('#RB-search-input');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(variant.url(results[1] ?? ''));
      expect(await page.locator('h1').first().textContent()).not.toBe('');
      await page.goBack();
    });
  });
});
