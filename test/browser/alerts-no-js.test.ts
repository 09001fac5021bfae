import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../shared.js';
import { SETUP_TIMEOUT, chromiumOrSkip, fileUrl, launchChromium, mustBuild, serveSite, watchPage, type StaticServer } from './browser.js';

const chromiumPath = chromiumOrSkip();

const RUNBOOK = 'runbooks/database/primary-down/index.html';
const TITLE = 'Primary database down';

describe.skipIf(chromiumPath === undefined)('alert pages with JavaScript switched off', () => {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-alerts-'));
  const site = join(folder, 'site');
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await mustBuild(PROJECT_ROOT, 'runbooks', site);
    server = await serveSite(site, '/base/');
    browser = await launchChromium(chromiumPath ?? '');
    context = await browser.newContext({ javaScriptEnabled: false });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await context.close();
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has a lower-case variant of the alert page beside the exact one', () => {
    expect(existsSync(join(site, 'alerts/PostgresPrimaryDown/index.html'))).toBe(true);
    expect(existsSync(join(site, 'alerts/postgresprimarydown/index.html'))).toBe(true);
  });

  it('sends every alert page, by a meta refresh, to a runbook page that exists', () => {
    const alerts = readdirSync(join(site, 'alerts'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(alerts.length).toBeGreaterThanOrEqual(20);
    for (const alert of alerts) {
      const path = `alerts/${alert.name}/index.html`;
      const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(readFileSync(join(site, path), 'utf8'));
      expect(refresh, path).not.toBeNull();
      const target = posix.normalize(posix.join(posix.dirname(path), refresh?.[1] ?? ''));
      expect(target, path).toMatch(/^runbooks\/.+\/index\.html$/);
      expect(existsSync(join(site, target)), `${path} → ${target}`).toBe(true);
    }
  });

  const cases = [
    { name: 'the exact alert name', alert: 'PostgresPrimaryDown' },
    { name: 'the lower-case alert name', alert: 'postgresprimarydown' },
  ];

  it.each(cases)('over http, the folder URL of $name ends on the runbook page', async ({ alert }) => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(server.url(`alerts/${alert}/`));
    await page.waitForURL(server.url(RUNBOOK));
    expect(await page.locator('h1').first().textContent()).toBe(TITLE);
    expect(watch.problems).toEqual([]);
    // No script ran: the copy buttons, shown by site.js, stay hidden.
    expect(await page.locator('button[data-copy]').first().isHidden()).toBe(true);
    await page.close();
  });

  it.each(cases)('from file://, the page of $name ends on the runbook page', async ({ alert }) => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(fileUrl(site, `alerts/${alert}/index.html`));
    await page.waitForURL(fileUrl(site, RUNBOOK));
    expect(await page.locator('h1').first().textContent()).toBe(TITLE);
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it('answers an alert that has no runbook with the 404 page, over http', async () => {
    const page = await context.newPage();
    const response = await page.goto(server.url('alerts/NoSuchAlertAnywhere/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').first().textContent()).toBe('No runbook at this address');
    await page.close();
  });
});
