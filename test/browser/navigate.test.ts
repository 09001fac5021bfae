/**
 * Runbook pages that navigate (#14), in Chromium: the table of contents leads to its headings (open
 * beside the page on a wide screen, folded on a phone), and every code block has a copy button that
 * copies it, by mouse and by keyboard, with the clipboard API, without it (file://), and says so
 * when copying fails. One build of the example runbooks, one browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../shared.js';
import { SETUP_TIMEOUT, chromiumOrSkip, fileUrl, launchChromium, mustBuild, serveSite, watchPage, type StaticServer } from './browser.js';
import { selectedText } from './in-page.js';
import { breakExecCommand, clipboardText, copyButtonFocused, focusedCodeText, hideClipboard, landedTarget } from './navigate-in-page.js';

const chromiumPath = chromiumOrSkip();

/** An example runbook with steps, body headings and code blocks in its body. */
const RUNBOOK = 'runbooks/hosts/disk-full/index.html';

/** A code block's text as a reader copies it. */
function withoutFinalBreak(text: string | null): string {
  return (text ?? '').replace(/\n+$/, '');
}

describe.skipIf(chromiumPath === undefined)('runbook pages that navigate', () => {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-navigate-'));
  const site = join(folder, 'site');
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    await mustBuild(PROJECT_ROOT, 'runbooks', site);
    server = await serveSite(site, '/');
    browser = await launchChromium(chromiumPath ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** A fresh page at `width`, with the clipboard allowed for the test server. */
  async function open(width: number, url: string): Promise<{ readonly context: BrowserContext; readonly page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url('')).origin });
    const page = await context.newPage();
    await page.goto(url);
    return { context, page };
  }

  it('opens the table of contents beside the page on a wide screen and folds it on a phone', async () => {
    const wide = await open(1280, server.url(RUNBOOK));
    expect(await wide.page.locator('details.toc').getAttribute('open')).toBe('');
    const toc = await wide.page.locator('details.toc').boundingBox();
    const recovery = await wide.page.locator('section.recovery').boundingBox();
    expect(toc !== null && recovery !== null && toc.x > recovery.x + recovery.width).toBe(true);
    await wide.context.close();

    const phone = await open(360, server.url(RUNBOOK));
    expect(await phone.page.locator('details.toc').getAttribute('open')).toBeNull();
    expect(await phone.page.locator('details.toc nav').isVisible()).toBe(false);
    await phone.page.locator('details.toc summary').click();
    expect(await phone.page.locator('details.toc nav').isVisible()).toBe(true);
    await phone.context.close();
  });

  it('lands every link of the table of contents on its heading', async () => {
    const { context, page } = await open(1280, server.url(RUNBOOK));
    const watch = watchPage(page);
    const links = page.locator('details.toc a');
    const hrefs = await Promise.all((await links.all()).map(async (link) => (await link.getAttribute('href')) ?? ''));
    expect(hrefs.length).toBeGreaterThan(6);
    expect(hrefs).toContain('#RB-recovery-steps');
    for (const [index, href] of hrefs.entries()) {
      await links.nth(index).click();
      const landed = await page.evaluate(landedTarget);
      expect({ href, ...landed }).toEqual({ href, id: href.slice(1), inView: true });
    }
    expect(watch.problems).toEqual([]);
    watch.stop();
    await context.close();
  });

  it('gives every code block a copy button that copies exactly its text and says Copied', async () => {
    const { context, page } = await open(1280, server.url(RUNBOOK));
    const blocks = page.locator('.runbook pre');
    const count = await blocks.count();
    // The steps' commands and the body's own code blocks.
    expect(count).toBeGreaterThan(await page.locator('.steps pre').count());
    expect(await page.locator('.body pre').count()).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const block = blocks.nth(index);
      const button = block.locator('xpath=following-sibling::button[@data-copy]');
      expect(await button.isVisible()).toBe(true);
      await button.click();
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Copied');
      // Without the last line break, so that a pasted command does not run before the reader presses Enter.
      expect(await page.evaluate(clipboardText)).toBe(withoutFinalBreak(await block.textContent()));
    }
    await context.close();
  });

  it('copies with the keyboard: Tab to a copy button, then Enter', async () => {
    const { context, page } = await open(1280, server.url(RUNBOOK));
    let presses = 0;
    while (!(await page.evaluate(copyButtonFocused))) {
      presses += 1;
      expect(presses).toBeLessThan(100);
      await page.keyboard.press('Tab');
    }
    const text = await page.evaluate(focusedCodeText);
    expect(text).not.toBe('');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Copied');
    expect(await page.evaluate(clipboardText)).toBe(withoutFinalBreak(text));
    await context.close();
  });

  it('from file:// without a clipboard API, selects and copies the block, and says Press Ctrl+C when that fails too', async () => {
    const context = await browser.newContext();
    await context.addInitScript(hideClipboard);
    const page = await context.newPage();
    await page.goto(fileUrl(site, RUNBOOK));
    const block = page.locator('.body pre').first();
    const button = block.locator('xpath=following-sibling::button[@data-copy]');
    const text = withoutFinalBreak(await block.textContent());

    await button.click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Copied');
    expect(await page.evaluate(selectedText)).toBe(text);

    await page.evaluate(breakExecCommand);
    await button.click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Press Ctrl+C to copy the selected text');
    expect(await button.textContent()).toBe('Press Ctrl+C');
    expect(await page.evaluate(selectedText)).toBe(text);
    await context.close();
  });
});
