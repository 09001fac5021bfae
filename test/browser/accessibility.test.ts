/**
 * Every reader (#14): axe-core finds no WCAG 2.1 A/AA violation on any page type of the site, in
 * the light and the dark theme, on the example runbooks and on the prometheus-operator corpus; and
 * the site works by keyboard alone: "/" to the search, an alert name, ArrowDown, Enter to its
 * runbook, Tab to the first copy button, Enter copies; every stop on the way shows its focus.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAvailable } from '../shared.js';
import { axeViolations, focusedElement, focusOutline } from './axe-in-page.js';
import { chromiumOrSkip, launchChromium, SETUP_TIMEOUT, SLOW_TEST_TIMEOUT } from './browser.js';
import { clipboardText } from './navigate-in-page.js';
import { buildTestSites, CORPUS_PAGES, EXAMPLE_PAGES, openPage, type PageType, type TestSites } from './page-types.js';

const chromium = chromiumOrSkip();
const withCorpus = chromium !== undefined && sharedAvailable();
/**
 * The corpus pass (axe takes 2–3 s a page) runs with RUNBOOK_SLOW_TESTS=1 (`npm run test:slow`),
 * outside CI's time budget; `npm test` checks every page type on the examples.
 */
const slowTests = process.env.RUNBOOK_SLOW_TESTS === '1';
if (withCorpus && !slowTests) console.warn('\n*** accessibility: the prometheus-operator pass runs only with RUNBOOK_SLOW_TESTS=1 (npm run test:slow) ***\n');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];


/**
 * The rules whose outcome depends on the colours: in the dark theme only these are run again (the
 * structure, names and roles are the same in both themes, and axe takes seconds a page).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe's violations on a page (axe injected as a script: the test contexts bypass the site's CSP for
 * it alone): every rule in the light theme, the colour rules in the dark one.
 */
async function violations(page: Page, theme: Theme): Promise<readonly string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(axeViolations, { disabledRules: [], onlyRules: theme === 'dark' ? COLOUR_RULES : null });
}

describe.skipIf(chromium === undefined)('the site for every reader, in Chromium', () => {
  let browser: Browser;
  let sites: TestSites;
  const contexts = new Map<string, BrowserContext>();

  beforeAll(async () => {
    sites = await buildTestSites(withCorpus && slowTests);
    browser = await launchChromium(chromium ?? '');
    for (const theme of THEMES) contexts.set(theme, await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme, bypassCSP: true }));
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    await sites.close();
  }, SETUP_TIMEOUT);

  const context = (theme: string): BrowserContext => {
    const found = contexts.get(theme);
    if (found === undefined) throw new Error(`no browser context for the ${theme} theme`);
    return found;
  };

  /** Every page of `pages` in both themes. */
  const cases = (pages: readonly PageType[]) => THEMES.flatMap((theme) => pages.map((entry) => ({ ...entry, theme })));

  it.each(cases(EXAMPLE_PAGES))('examples, $type, $theme: no axe violations', async ({ path, theme }) => {
    const page = await openPage(context(theme), sites.examples.url(path));
    // The 404 page searches for the address it was given: its results are open.
    expect(await violations(page, theme)).toEqual([]);
    await page.close();
  });

  it.skipIf(!withCorpus || !slowTests)('prometheus-operator: no axe violations on any page type, light and dark (RUNBOOK_SLOW_TESTS=1)', async () => {
    const found: string[] = [];
    for (const { type, path, theme } of cases(CORPUS_PAGES)) {
      const page = await openPage(context(theme), sites.corpus?.url(path) ?? '');
      for (const violation of await violations(page, theme)) found.push(`${type}, ${theme}: ${violation}`);
      await page.close();
    }
    expect(found).toEqual([]);
  }, SLOW_TEST_TIMEOUT);

  it.each(THEMES)('the index with search results and the runbook with its contents open, %s: no axe violations', async (theme) => {
    const index = await openPage(context(theme), sites.examples.url('index.html'));
    await index.locator('#RB-search-input').fill('retry');
    await index.locator('#RB-search-results li').first().waitFor();
    expect(await violations(index, theme)).toEqual([]);
    await index.close();
    const runbook = await openPage(context(theme), sites.examples.url('runbooks/payments/retry-storm/index.html'));
    expect(await runbook.locator('details[open]').count()).toBeGreaterThan(0);
    expect(await violations(runbook, theme)).toEqual([]);
    await runbook.close();
  });

  it('by keyboard alone: "/" to the search, an alert name, ArrowDown, Enter opens the runbook, Tab to Copy, Enter copies', async () => {
    const keyboard = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await keyboard.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sites.examples.origin });
    const page = await keyboard.newPage();
    await page.goto(sites.examples.url('index.html'));
    await page.keyboard.press('/');
    expect((await page.evaluate(focusedElement))?.id).toBe('RB-search-input');
    await page.keyboard.type('PaymentsRetryRatioHigh');
    await page.locator('#RB-search-results li').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/runbooks\/payments\/retry-storm\//), page.keyboard.press('Enter')]);
    await page.locator('button[data-copy]:visible').first().waitFor();
    const stops: string[] = [];
    for (let presses = 0; (await page.evaluate(focusedElement))?.className !== 'copy'; presses++) {
      expect(presses, `Tab stops so far: ${stops.join(', ')}`).toBeLessThan(60);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(focusedElement);
      stops.push(`${focused?.tag ?? '?'}.${focused?.className ?? ''}`);
      // Every stop shows where focus is.
      const outline = await page.evaluate(focusOutline);
      expect(outline.style === 'none' || outline.width === '0px', `no visible focus on ${stops.at(-1) ?? ''}`).toBe(false);
    }
    const command = (await page.locator('.command pre').first().textContent()) ?? '';
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(clipboardText)).toBe(command.replace(/\n+$/, ''));
    await keyboard.close();
  });
});
