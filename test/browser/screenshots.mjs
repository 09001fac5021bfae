#!/usr/bin/env node
// Screenshots of the example site, for a person to look at (not a test).
//
//   npm run build && node test/browser/screenshots.mjs OUT_DIR
//
// Builds runbooks/ with the compiled dist/ into a temporary folder and saves PNGs into OUT_DIR:
// the index, a runbook page at 1280 and 360 px wide, search results, and a runbook page in dark mode.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../../dist/cli/main.js';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNBOOK = 'runbooks/database/primary-down/index.html';

const outDir = process.argv[2];
if (outDir === undefined) {
  process.stderr.write('usage: node test/browser/screenshots.mjs OUT_DIR\n');
  process.exit(2);
}
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
if (chromiumPath === undefined) {
  process.stderr.write('Chromium not found: set CHROMIUM_PATH or apt-get install chromium\n');
  process.exit(2);
}

const site = join(mkdtempSync(join(tmpdir(), 'runbook-shots-')), 'site');
let stderr = '';
const io = {
  cwd: PROJECT_ROOT,
  env: {},
  stdout: { write: (text) => void process.stdout.write(text), isTTY: false },
  stderr: { write: (text) => void (stderr += text), isTTY: false },
  now: () => new Date('2026-11-27T12:00:00Z'),
};
const code = await main(['build', 'runbooks', '--today', '2026-11-27', '--no-git', '--out', site], io);
if (code !== 0) {
  process.stderr.write(`runbook build exited ${code}:\n${stderr}`);
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const url = (path) => pathToFileURL(join(site, path)).href;

const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
try {
  const shot = async (name, path, { width, height = 800, fullPage = true, colorScheme = 'light', before } = {}) => {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`${name}: page error: ${error.message}\n`));
    await page.goto(url(path));
    if (before !== undefined) await before(page);
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    process.stdout.write(`${file}\n`);
    await context.close();
  };
  await shot('index-1280', 'index.html', { width: 1280 });
  await shot('index-360', 'index.html', { width: 360, height: 740 });
  await shot('runbook-1280', RUNBOOK, { width: 1280 });
  await shot('runbook-360', RUNBOOK, { width: 360, height: 740 });
  await shot('search-1280', 'index.html', {
    width: 1280,
    fullPage: false,
    before: async (page) => {
      await page.fill('#RB-search-input', 'postgres');
      await page.locator('#RB-search-results li').first().waitFor();
      await page.keyboard.press('ArrowDown');
    },
  });
  await shot('search-360', 'index.html', {
    width: 360,
    height: 740,
    fullPage: false,
    before: async (page) => {
      await page.fill('#RB-search-input', 'disk');
      await page.locator('#RB-search-results li').first().waitFor();
    },
  });
  await shot('runbook-dark-1280', RUNBOOK, { width: 1280, colorScheme: 'dark' });
  await shot('alerts-360', 'alerts/index.html', { width: 360, height: 740 });
} finally {
  await browser.close();
  rmSync(join(site, '..'), { recursive: true, force: true });
}
