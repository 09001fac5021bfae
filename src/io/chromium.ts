import { existsSync } from 'node:fs';

/** Flags for a headless Chromium that prints what it is given and talks to nothing. */
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The paper sizes a sheet is printed on. */
export type PaperFormat = 'A4' | 'Letter';

/** Where Chromium is, or every place that was looked at. */
export type ChromiumSearch = { readonly kind: 'found'; readonly path: string } | { readonly kind: 'missing'; readonly looked: readonly string[] };

/** Finds Chromium: `CHROMIUM_PATH` when set, else `/usr/bin/chromium` or `/usr/bin/chromium-browser`. */
export function findChromium(env: Readonly<Record<string, string | undefined>>): ChromiumSearch {
  const given = env.CHROMIUM_PATH;
  const candidates = given !== undefined && given !== '' ? [given] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const path = candidates.find((candidate) => existsSync(candidate));
  return path === undefined ? { kind: 'missing', looked: candidates } : { kind: 'found', path };
}

/**
 * Flags that keep a printing Chromium off the network even where a request slipped past the block
 * in `printPdfs`: every request goes to a proxy at a closed port, loopback included.
 */
const OFFLINE_ARGS: readonly string[] = ['--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];

/**
 * Prints HTML documents to PDF with one headless Chromium, in order, with no script and no network:
 * a repository's sheet template may hold an `<iframe>` or `<img>` pointing at an internal service
 * (a cloud metadata address on a CI runner), and the answer would be printed into the PDF. Every
 * request the documents make is aborted; only what they carry inline (data: URLs) is shown.
 * playwright-core is imported here, on first use, so that no other command pays for loading it.
 */
export async function printPdfs(executablePath: string, documents: readonly string[], format: PaperFormat): Promise<readonly Uint8Array[]> {
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS] });
  } catch (error: unknown) {
    throw new Error(`cannot start Chromium at ${executablePath}`, { cause: error });
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    const pdfs: Uint8Array[] = [];
    for (const html of documents) {
      await page.setContent(html, { waitUntil: 'load' });
      pdfs.push(await page.pdf({ format, printBackground: true, preferCSSPageSize: false }));
    }
    return pdfs;
  } catch (error: unknown) {
    throw new Error('Chromium failed to print the cheat sheet to PDF', { cause: error });
  } finally {
    await browser.close();
  }
}
