/**
 * A lower-case runbook URL (`…/runbooks/kubernetes/kubepodcrashlooping/`, as upstream `runbook_url`s
 * write it) lands on the runbook page with JavaScript switched off, over http and from file://,
 * and the page's links work from there.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT, chromiumOrSkip, fileUrl, launchChromium, mustBuild, serveSite, watchPage, type StaticServer } from './browser.js';

const chromiumPath = chromiumOrSkip();

const RUNBOOKS: Readonly<Record<string, string>> = {
  'kubernetes/KubePodCrashLooping.md': '---\ntitle: Pod crash looping\nalerts: [KubePodCrashLooping]\n---\n## Recovery\n\n1. Restart it: `kubectl rollout restart deploy/x`\n\nSee [node down](../nodes/NodeDown.md).\n',
  'nodes/NodeDown.md': '---\ntitle: Node down\n---\n## Recovery\n\n1. Reboot the node.\n',
};
const RUNBOOK = 'runbooks/kubernetes/KubePodCrashLooping/index.html';

/** The page's `<link rel="canonical">`, resolved against the page's URL. */
async function canonicalOf(page: Page): Promise<string> {
  return new URL((await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '', page.url()).href;
}

describe.skipIf(chromiumPath === undefined)('lower-case runbook URLs with JavaScript switched off', () => {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-urls-'));
  const site = join(folder, 'site');
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
    for (const [path, text] of Object.entries(RUNBOOKS)) {
      mkdirSync(dirname(join(folder, 'runbooks', path)), { recursive: true });
      writeFileSync(join(folder, 'runbooks', path), text);
    }
    await mustBuild(folder, 'runbooks', site);
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

  it.each(['runbooks/kubernetes/kubepodcrashlooping/', 'runbooks/kubernetes/kubepodcrashlooping', 'alerts/kubepodcrashlooping/'])(
    'over http, %s shows the runbook, its styles and its links working',
    async (path) => {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(server.url(path));
      await page.waitForLoadState('load');
      expect(await page.locator('h1').first().textContent()).toBe('Pod crash looping');
      expect(await canonicalOf(page)).toBe(server.url('runbooks/kubernetes/KubePodCrashLooping/'));
      // The stylesheet and every other file the page names relatively load from the lower-case folder too.
      expect(watch.requests.some((url) => url.endsWith('/base/assets/site.css'))).toBe(true);
      await page.getByRole('link', { name: 'node down' }).click();
      await page.waitForURL(server.url('runbooks/nodes/NodeDown/index.html'));
      expect(await page.locator('h1').first().textContent()).toBe('Node down');
      expect(watch.problems).toEqual([]);
      await page.close();
    },
  );

  it('from file://, the lower-case page shows the runbook and its links work', async () => {
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(fileUrl(site, 'runbooks/kubernetes/kubepodcrashlooping/index.html'));
    expect(await page.locator('h1').first().textContent()).toBe('Pod crash looping');
    expect(await canonicalOf(page)).toBe(fileUrl(site, RUNBOOK).replace(/index\.html$/, ''));
    await page.getByRole('link', { name: 'node down' }).click();
    await page.waitForURL(fileUrl(site, 'runbooks/nodes/NodeDown/index.html'));
    await page.getByRole('link', { name: 'Alerts', exact: true }).first().click();
    await page.waitForURL(fileUrl(site, 'alerts/index.html'));
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
