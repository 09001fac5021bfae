/**
 * Every width (#14): at 360 px no page scrolls sideways (wide tables and code scroll inside a named,
 * focusable region instead); alert names break only between their words; commands wrap at spaces,
 * never inside a token; the team cheat sheet reads in one column on a phone; at 1280 px the
 * 108-runbook index shows its Tested and Due columns; touch screens get no "press /" hint.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAvailable } from '../shared.js';
import { chromiumOrSkip, launchChromium, SETUP_TIMEOUT, SLOW_TEST_TIMEOUT } from './browser.js';
import { columnCount, lineCount, scrolling, sidewaysOverflow, textNodesOnSeveralLines, tokensOnSeveralLines, wrapping } from './layout-probes.js';
import { buildTestSites, CORPUS_PAGES, EXAMPLE_PAGES, openPage, runbookPagesOf, type TestSites } from './page-types.js';

const chromium = chromiumOrSkip();
const withCorpus = chromium !== undefined && sharedAvailable();

describe.skipIf(chromium === undefined)('the site at every width, in Chromium', () => {
  let browser: Browser;
  let sites: TestSites;
  let phone: BrowserContext;

  beforeAll(async () => {
    sites = await buildTestSites(withCorpus);
    browser = await launchChromium(chromium ?? '');
    phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    await sites.close();
  }, SETUP_TIMEOUT);

  it.each(EXAMPLE_PAGES)('examples, $type: no sideways scrolling at 360 px', async ({ path }) => {
    const page = await openPage(phone, sites.examples.url(path));
    expect(await page.evaluate(sidewaysOverflow)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it.skipIf(!withCorpus)('prometheus-operator (108 runbooks): no sideways scrolling at 360 px on any page type and a sample of runbooks (all with RUNBOOK_SLOW_TESTS=1)', async () => {
    const corpus = sites.corpus;
    if (corpus === undefined) throw new Error('the corpus site was not built');
    const runbooks = runbookPagesOf(sites.corpusFolder ?? '');
    expect(runbooks.length).toBe(108);
    // Every twelfth runbook in `npm test` (each shape of page, in CI's time budget), every one with
    // RUNBOOK_SLOW_TESTS=1 (`npm run test:slow`).
    const step = process.env.RUNBOOK_SLOW_TESTS === '1' ? 1 : 12;
    const paths = [...CORPUS_PAGES.map((entry) => entry.path), ...runbooks.filter((_, index) => index % step === 0)];
    const wide: string[] = [];
    for (const path of paths) {
      const page = await openPage(phone, corpus.url(path));
      if ((await page.evaluate(sidewaysOverflow)) > 0) wide.push(path);
      await page.close();
    }
    expect(wide).toEqual([]);
  }, SLOW_TEST_TIMEOUT);

  it('a table wider than the screen scrolls inside a named, focusable region that says so', async () => {
    const page = await openPage(phone, sites.examples.url('alerts/index.html'));
    const region = page.getByRole('region', { name: 'Alerts, table' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const widths = await region.evaluate(scrolling);
    expect(widths.overflow).toBe('auto');
    expect(widths.scroll).toBeGreaterThan(widths.client);
    await expect.poll(() => page.locator('.scroll-hint').isVisible()).toBe(true);
    await page.close();
  });

  it('alert names break only between their words, never one character per line', async () => {
    const page = await openPage(phone, sites.examples.url('alerts/index.html'));
    expect(await page.locator('code.alert-name wbr').count()).toBeGreaterThan(20);
    expect(await page.locator('code.alert-name').evaluateAll(textNodesOnSeveralLines)).toEqual([]);
    // CertManagerCertificateNotReady: at most one line per word.
    expect(await page.locator('code.alert-name').first().textContent()).toBe('CertManagerCertificateNotReady');
    expect(await page.locator('code.alert-name').first().evaluate(lineCount)).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('commands wrap at spaces, never inside a token (--data-urlencode stays whole)', async () => {
    const page = await openPage(phone, sites.examples.url('runbooks/payments/retry-storm/index.html'));
    const text = (await page.locator('.command pre code').allTextContents()).join('\n');
    expect(text).toContain('--data-urlencode');
    expect(await page.locator('.command pre code').evaluateAll(tokensOnSeveralLines)).toEqual([]);
    // Wrapped at spaces, not one long line to scroll: the first command takes several lines at 360 px.
    expect(await page.locator('.command pre').first().evaluate(wrapping)).toEqual(['pre-wrap', 'normal', 'normal']);
    expect(await page.locator('.command pre code').first().evaluate(lineCount)).toBeGreaterThan(4);
    await page.close();
  });

  it('the team cheat sheet reads in one column on a phone; the paper keeps its two', async () => {
    const page = await openPage(phone, sites.examples.url('teams/payments/cheatsheet/index.html'));
    expect(await page.locator('.runbooks').evaluate(columnCount)).toBe('1');
    expect(await page.evaluate(sidewaysOverflow)).toBeLessThanOrEqual(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.runbooks').evaluate(columnCount)).toBe('2');
    await page.close();
  });

  it.skipIf(!withCorpus)('at 1280 px the 108-runbook index shows every column, Tested and Due included', async () => {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await openPage(desktop, sites.corpus?.url('index.html') ?? '');
    const region = page.getByRole('region', { name: 'Runbooks, table' });
    const widths = await region.evaluate(scrolling);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    for (const column of ['Tested', 'Due']) await expect.poll(() => page.getByRole('columnheader', { name: column, exact: true }).isVisible()).toBe(true);
    const due = await page.getByRole('columnheader', { name: 'Due', exact: true }).boundingBox();
    expect((due?.x ?? Infinity) + (due?.width ?? 0)).toBeLessThanOrEqual(1280);
    await desktop.close();
  });

  it('the "press /" hint shows with a mouse and keyboard, not on a touch screen', async () => {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const touch = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    for (const [context, shown] of [[desktop, true], [touch, false]] as const) {
      const page = await openPage(context, sites.examples.url('index.html'));
      expect(await page.locator('.key-hint').isVisible()).toBe(shown);
      expect(await page.locator('#RB-search-input').getAttribute('placeholder')).not.toContain('press');
      await context.close();
    }
  });
});
