import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../shared.js';
import { SETUP_TIMEOUT, chromiumOrSkip, fileUrl, isInsideSite, launchChromium, mustBuild, serveSite, watchPage, type StaticServer } from './browser.js';
import { bodyMargin, selectedText } from './in-page.js';

const chromiumPath = chromiumOrSkip();

/** One page of each kind the site has, with where it ends up (the alert page moves on by itself). */
const PAGES: readonly { readonly name: string; readonly path: string; readonly endsAt?: string }[] = [
  { name: 'the index', path: 'index.html' },
  { name: 'a runbook page', path: 'runbooks/database/primary-down/index.html' },
  { name: 'an alert page', path: 'alerts/PostgresPrimaryDown/index.html', endsAt: 'runbooks/database/primary-down/index.html' },
  { name: 'the alerts index', path: 'alerts/index.html' },
  { name: 'a team page', path: 'teams/data/index.html' },
  { name: 'the teams index', path: 'teams/index.html' },
  { name: 'a service page', path: 'services/orders-db/index.html' },
  { name: 'the services index', path: 'services/index.html' },
  { name: 'the 404 page', path: '404.html' },
];

interface Variant {
  readonly name: string;
  /** Where the site is: every request must start with this. */
  prefix(): string;
  url(path: string): string;
  /** The 404 page as a reader meets it: a missing address over http, the file itself offline. */
  readonly notFoundPath: string;
}

describe.skipIf(chromiumPath === undefined)('the example site in a browser', () => {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-offline-'));
  const offline = join(folder, 'offline');
  const served = join(folder, 'served');
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveSite(served, '/on-call/site/');
    await mustBuild(PROJECT_ROOT, 'runbooks', offline);
    // Served under a base path: the 404 page, answered for any missing address, needs the absolute base.
    await mustBuild(PROJECT_ROOT, 'runbooks', served, ['--base-url', server.url('')]);
    browser = await launchChromium(chromiumPath ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const variants: readonly Variant[] = [
    { name: 'opened from file://', prefix: () => fileUrl(offline, ''), url: (path) => fileUrl(offline, path), notFoundPath: '404.html' },
    { name: 'served over http under a base path', prefix: () => server.url(''), url: (path) => server.url(path), notFoundPath: 'no/such/alert/' },
  ];

  describe.each(variants)('$name', (variant) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext();
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });

    // The 404 page is answered by hosts for any missing address, so without a base URL its links
    // are absolute from `/` (docs/site.md); from file:// nobody reaches it (a missing file shows the
    // browser's own error), so it is checked over http only.
    const pages = variant.name === 'opened from file://' ? PAGES.filter((entry) => entry.path !== '404.html') : PAGES;
    it.each(pages)('$name loads with no error, no failed request and no request outside the site', async ({ path, endsAt }) => {
      const address = variant.url(path === '404.html' ? variant.notFoundPath : path);
      const watch = watchPage(page, (url, status) => status === 404 && url === address);
      await page.goto(address);
      if (endsAt !== undefined) await page.waitForURL(variant.url(endsAt));
      await page.waitForLoadState('load');
      expect(watch.problems).toEqual([]);
      expect(watch.requests.length).toBeGreaterThan(1);
      expect(watch.requests.filter((url) => !isInsideSite(url, variant.prefix()))).toEqual([]);
      // The stylesheet really applied (without it the body keeps the browser's default 8px margin).
      expect(await page.evaluate(bodyMargin)).not.toBe('8px');
      watch.stop();
    });

    it('shows a copy button beside every command on a runbook page, and the button copies the command', async () => {
      const watch = watchPage(page);
      await page.goto(variant.url('runbooks/database/primary-down/index.html'));
      const buttons = page.locator('button[data-copy]');
      expect(await buttons.count()).toBe(8);
      for (const button of await buttons.all()) expect(await button.isVisible()).toBe(true);
      const first = buttons.first();
      await first.click();
      // With the clipboard API the button says Copied; without it, the command is selected instead.
      await expect.poll(() => first.textContent()).toMatch(/^(Copied|Press Ctrl\+C)$/);
      const command = await page.locator('.command code').first().textContent();
      expect(command).toContain('pg_isready');
      if ((await first.textContent()) === 'Press Ctrl+C') expect(await page.evaluate(selectedText)).toBe(command);
      expect(watch.problems).toEqual([]);
      watch.stop();
    });

    it('hides the rows of other teams when a team is chosen in the filters, and shows them again for All', async () => {
      const watch = watchPage(page);
      await page.goto(variant.url('index.html'));
      const rows = page.locator('.runbook-table tbody tr');
      const total = await rows.count();
      const html = readFileSync(join(offline, 'index.html'), 'utf8');
      const dataRows = html.split('data-team="data"').length - 1;
      expect(total).toBe(10);
      expect(dataRows).toBeGreaterThan(0);
      expect(dataRows).toBeLessThan(total);
      await expect.poll(() => page.locator('[data-filters]').isVisible()).toBe(true);

      await page.selectOption('select[data-filter="team"]', 'data');
      const visible = rows.filter({ visible: true });
      expect(await visible.count()).toBe(dataRows);
      for (const row of await visible.all()) expect(await row.getAttribute('data-team')).toBe('data');
      expect(await rows.filter({ visible: false }).count()).toBe(total - dataRows);
      expect(await page.locator('[data-filter-count]').textContent()).toBe(`${dataRows} of ${total} shown`);

      await page.selectOption('select[data-filter="team"]', '');
      expect(await rows.filter({ visible: true }).count()).toBe(total);
      expect(watch.problems).toEqual([]);
      watch.stop();
    });
  });
});
