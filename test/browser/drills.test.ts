/**
 * Drills in a browser (#15): on the examples site built with drill records (test/site/drill-site.ts),
 * a runbook page's Drills section with its SVG trend visible and sized, the Drills page, a team's
 * median time to recover; axe finds no violation on the Drills page and a runbook page with drills
 * (light and dark); nothing scrolls sideways at 360 px. One build, one browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillSite, writeSiteFiles } from '../site/drill-site.js';
import { axeViolations } from './axe-in-page.js';
import { chromiumOrSkip, launchChromium, serveSite, SETUP_TIMEOUT, type StaticServer } from './browser.js';
import { sidewaysOverflow } from './layout-probes.js';
import { openPage } from './page-types.js';

const chromium = chromiumOrSkip();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RUNBOOK = 'runbooks/payments/retry-storm/index.html';
const HOSTILE = 'runbooks/database/primary-down/index.html';
const DRILLS = 'drills/index.html';

describe.skipIf(chromium === undefined)('drills on the site, in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'runbook-drills-site-'));
    writeSiteFiles(folder, await drillSite());
    server = await serveSite(folder, '/');
    browser = await launchChromium(chromium ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }, SETUP_TIMEOUT);

  async function open(path: string, width: number, theme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: theme, bypassCSP: true });
    return openPage(context, server.url(path));
  }

  async function close(page: Page): Promise<void> {
    await page.context().close();
  }

  it('shows the Drills section with its table and a visible, sized trend, reached from the table of contents', async () => {
    const page = await open(RUNBOOK, 1280);
    await expect.poll(() => page.locator('#RB-drills').isVisible()).toBe(true);
    expect(await page.locator('.drills tbody tr').count()).toBe(6);
    const svg = page.locator('.drill-trend svg');
    expect(await svg.isVisible()).toBe(true);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(40);
    expect(await page.locator('.drill-trend-point').count()).toBe(5);
    expect(await svg.getAttribute('aria-labelledby')).toBe('RB-drill-trend-title');
    expect(await page.locator('#RB-drill-trend-title').textContent()).toContain('31 min, 24 min, 18 min, 15 min, 12 min');
    // At this width the table of contents is open beside the page.
    await page.locator('.toc a[href="#RB-drills"]').click();
    await page.waitForURL(/#RB-drills$/);
    await close(page);
  });

  it('shows the Drills page from the navigation, and the team median', async () => {
    const page = await open('index.html', 1280);
    await Promise.all([page.waitForURL(/drills\/index\.html$/), page.locator('.site-header nav a', { hasText: 'Drills' }).click()]);
    expect(await page.locator('.recent-drills tbody tr').count()).toBe(8);
    expect(await page.locator('.due-next tbody tr').count()).toBeGreaterThan(3);
    await page.goto(server.url('teams/payments/index.html'));
    expect(await page.locator('.group-recovery').textContent()).toContain('Median time to recover: 12 min');
    await close(page);
  });

  it.each(['light', 'dark'] as const)('has no axe violations on the Drills page and a runbook page with drills, %s', async (theme) => {
    for (const path of [DRILLS, RUNBOOK, HOSTILE]) {
      const page = await open(path, 1280, theme);
      await page.addScriptTag({ content: AXE });
      expect(await page.evaluate(axeViolations, { disabledRules: [], onlyRules: theme === 'dark' ? ['color-contrast', 'link-in-text-block'] : null }), path).toEqual([]);
      await close(page);
    }
  });

  it('does not scroll sideways at 360 px', async () => {
    for (const path of [DRILLS, RUNBOOK, HOSTILE]) {
      const page = await open(path, 360);
      expect(await page.evaluate(sidewaysOverflow), path).toBe(0);
      const trend = page.locator('.drill-trend svg');
      if ((await trend.count()) > 0) expect((await trend.boundingBox())?.width ?? 0, path).toBeLessThanOrEqual(340);
      await close(page);
    }
  });
});
