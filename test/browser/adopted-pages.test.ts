/**
 * Adopted collections as a reader sees them in Chromium: copies of the prometheus-operator and GitLab
 * corpora, built with their root and the rules they do not follow turned off, show every page's
 * title once, no red alarm for a rule that is off, and their recovery section in the panel.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED, sharedAvailable } from '../shared.js';
import { chromiumOrSkip, fileUrl, filesUnder, launchChromium, mustBuild, SETUP_TIMEOUT, SLOW_TEST_TIMEOUT } from './browser.js';

const RULES_OFF = ['required-field', 'no-recovery-steps', 'no-escalation', 'unknown-key', 'missing-section', 'frontmatter-missing'];

const COLLECTIONS = [
  { corpus: 'prometheus-operator__runbooks', root: 'content/runbooks', page: 'runbooks/kubernetes/KubePodCrashLooping/index.html', recovery: 'Mitigation' },
  { corpus: 'mattrussi__gitlab-com-runbooks', root: 'docs', page: 'runbooks/gitaly/gitaly-down/index.html', recovery: undefined },
] as const;

const chromium = chromiumOrSkip();

/** Text as compared with a title: letters and digits, lower case. */
const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

describe.skipIf(chromium === undefined || !sharedAvailable())('adopted collections in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'runbook-adopted-'));
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium(chromium ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  }, SETUP_TIMEOUT);

  it.each(COLLECTIONS)('$corpus: the title once per page, no alarm for rules that are off', async ({ corpus, root, page: shown, recovery }) => {
    const source = join(work, corpus);
    cpSync(join(SHARED, 'corpora', corpus), source, { recursive: true });
    writeFileSync(join(source, 'runbook.config.yaml'), [`root: ${root}`, 'rules:', ...RULES_OFF.map((rule) => `  ${rule}: off`), ''].join('\n'));
    const site = join(work, `${corpus}-site`);
    await mustBuild(source, root, site);
    const pages = filesUnder(join(site, 'runbooks')).filter((path) => path.endsWith('/index.html'));
    // Every tenth page, and the one named: enough to see each shape of page without taking minutes.
    const visited = [...new Set([shown, ...pages.filter((_, index) => index % 10 === 0).map((path) => `runbooks/${path}`)])];
    const tab = await (browser as Browser).newPage();
    for (const path of visited) {
      await tab.goto(fileUrl(site, path));
      const title = key((await tab.locator('.runbook-header h1').textContent()) ?? '');
      const seen = {
        // The page title and every H1 saying the same thing (other H1s are the body's sections).
        titles: (await tab.locator('h1').allTextContents()).filter((text) => key(text) === title).length,
        alarms: await tab.locator('.missing').allTextContents(),
        banners: await tab.locator('.banner code').allTextContents(),
        asWritten: (await tab.locator('.recovery .as-written').allTextContents()).join(''),
      };
      expect(seen.titles, path).toBe(1);
      expect(seen.alarms, path).toEqual([]);
      expect(seen.banners.filter((rule) => RULES_OFF.includes(rule)), path).toEqual([]);
      if (path === shown && recovery !== undefined) expect(seen.asWritten).toBe(`Steps not numbered: the ${recovery} section, as written.`);
    }
    await tab.close();
  }, SLOW_TEST_TIMEOUT * 2);
});
