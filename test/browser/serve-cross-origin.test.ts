/**
 * Cross-site script inclusion (XSSI) and clickjacking against `runbook serve`, in real Chromium.
 * The search index is JavaScript that calls `window.runbookSearch.register(name, data)`; a hostile
 * page on another origin (another port of 127.0.0.1: same site; `localhost`: another site) defines
 * `window.runbookSearch` and includes those scripts. From a static host without
 * `Cross-Origin-Resource-Policy` it reads them (the control, and the residual risk docs/site.md
 * names); from `serve` it must get nothing, while the site itself still searches.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { get, project, removeTempFolders, serve, type Running } from '../cli/serve-harness.js';
import { SETUP_TIMEOUT, chromiumOrSkip, launchChromium, mustBuild, serveSite, watchPage, type StaticServer } from './browser.js';

const chromiumPath = chromiumOrSkip();

/** The names of the search index's files, from its manifest (read by Node, which sends no Fetch Metadata). */
async function searchFiles(base: string): Promise<readonly string[]> {
  const manifest = await get(`${base}search/manifest.js`);
  const data = /^window\.runbookSearch\.register\("manifest", (.*)\);\n$/s.exec(manifest.body)?.[1];
  if (data === undefined) throw new Error(`unexpected search manifest: ${manifest.body.slice(0, 200)}`);
  const { files } = JSON.parse(data) as { files: string[] };
  return ['manifest', ...files];
}

/** A hostile page that catches what the search scripts of `base` register into `window.leak`. */
function includingPage(base: string, files: readonly string[]): string {
  const scripts = files.map((name) => `<script src="${base}search/${name}.js"></script>`).join('\n');
  return `<!doctype html><meta charset="utf-8"><title>attacker</title>
<script>window.leak = []; window.runbookSearch = { register(name, data) { window.leak.push(name + ' ' + JSON.stringify(data)); } };</script>
${scripts}`;
}

/** A tiny server for the attacker's pages, by path, on 127.0.0.1 (reached as 127.0.0.1 or localhost). */
async function attackerServer(pages: ReadonlyMap<string, string>): Promise<{ readonly server: Server; readonly port: number }> {
  const server = createServer((request, response) => {
    const page = pages.get(request.url ?? '/');
    response.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  return { server, port: (server.address() as AddressInfo).port };
}

describe.skipIf(chromiumPath === undefined)('serve: cross-site script inclusion and clickjacking, in Chromium', () => {
  let running: Running;
  let unprotected: StaticServer;
  let attacker: { readonly server: Server; readonly port: number };
  let browser: Browser;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    const folder = project();
    running = await serve(folder);
    await mustBuild(folder, 'runbooks', join(folder, 'built'));
    unprotected = await serveSite(join(folder, 'built'), '/');
    const files = await searchFiles(running.base);
    pages.set('/include-serve', includingPage(running.base, files));
    pages.set('/include-static', includingPage(unprotected.url(''), files));
    pages.set('/frame', `<!doctype html><title>attacker</title><iframe src="${running.base}" width="800" height="600"></iframe>`);
    pages.set('/link', `<!doctype html><title>attacker</title><a id="go" href="${running.base}">the runbooks</a>`);
    attacker = await attackerServer(pages);
    browser = await launchChromium(chromiumPath ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    attacker.server.closeAllConnections();
    await new Promise<void>((done) => attacker.server.close(() => {
      done();
    }));
    await unprotected.close();
    expect(await running.stop()).toBe(0);
    removeTempFolders();
  });

  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  const attackers = [
    { name: 'another port of 127.0.0.1 (same site)', origin: () => `http://127.0.0.1:${attacker.port}` },
    { name: 'localhost (another site)', origin: () => `http://localhost:${attacker.port}` },
  ];

  describe.each(attackers)('a hostile page on $name', (from) => {
    it('reads the whole search index of a static host without Cross-Origin-Resource-Policy (the control: the attack works)', async () => {
      await page.goto(`${from.origin()}/include-static`);
      const leak = JSON.stringify(await page.evaluate<unknown>('window.leak'));
      expect(leak).toContain('"manifest {');
      expect(leak).toContain('disk');
    });

    it('cross-site script inclusion of the search index from serve reads nothing', async () => {
      await page.goto(`${from.origin()}/include-serve`);
      expect(await page.evaluate<unknown>('window.leak')).toEqual([]);
    });

    it('clickjacking: the served site in a hostile iframe shows nothing of the site', async () => {
      const answered = page.waitForResponse((response) => response.url() === running.base);
      await page.goto(`${from.origin()}/frame`);
      const response = await answered;
      expect(response.status()).toBe(403);
      expect(response.headers()['x-frame-options']).toBe('DENY');
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      expect(frame).toBeDefined();
      expect(await frame?.evaluate<unknown>('document.documentElement.innerText')).not.toContain('Disk full');
    });

    it('a link on it still opens the served site (a top-level navigation cannot read the page)', async () => {
      await page.goto(`${from.origin()}/link`);
      await Promise.all([page.waitForURL(running.base), page.click('#go')]);
      await expect.poll(() => page.textContent('body')).toContain('Disk full');
    });
  });

  it('the site opened from serve still searches its runbooks, every request answered', async () => {
    const watch = watchPage(page);
    await page.goto(running.base);
    await page.fill('#RB-search-input', 'disk');
    const links = page.locator('#RB-search-results li a');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('href')).toContain('disk-full');
    expect(watch.requests.some((url) => url.includes('/search/'))).toBe(true);
    expect(watch.problems).toEqual([]);
    watch.stop();
  });
});
