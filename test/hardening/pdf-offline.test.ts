/**
 * `cheatsheet --format pdf` prints a sheet whose template the repository may write: an `<iframe>`,
 * `<img>`, stylesheet or font pointing at an internal service (a cloud metadata address on a CI
 * runner) made Chromium fetch it and print the answer into the PDF. Now nothing is fetched.
 * Skipped loudly without Chromium, except with RUNBOOK_REQUIRE_BROWSER=1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromium, printPdfs } from '../../src/io/chromium.js';

function chromiumOrSkip(): string | undefined {
  const found = findChromium(process.env);
  if (found.kind === 'found') return found.path;
  const reason = `Chromium not found (looked at ${found.looked.join(', ')}; set CHROMIUM_PATH): skipping the PDF network test`;
  if (process.env.RUNBOOK_REQUIRE_BROWSER === '1') throw new Error(`${reason} is not allowed when RUNBOOK_REQUIRE_BROWSER=1`);
  console.warn(`\n*** ${reason} ***\n`);
  return undefined;
}

const chromium = chromiumOrSkip();
const requests: string[] = [];
let server: Server | undefined;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<p>AccessKeyId ASIAXXXXSECRET</p>');
  });
  await new Promise<void>((resolve) => {
    server?.listen(0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    if (server === undefined) resolve();
    else server.close(() => { resolve(); });
  });
});

describe.skipIf(chromium === undefined)('printing a sheet to PDF (SSRF through a repository template)', () => {
  test('fetches nothing an iframe, image, stylesheet, font or link prefetch names, and prints no answer', async () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="${base}/style.css"><link rel="prefetch" href="${base}/prefetch">
      <style>@font-face { font-family: x; src: url(${base}/font.woff) } body { font-family: x; background: url(${base}/bg.png) }</style>
      </head><body><p>sheet</p>
      <iframe src="${base}/latest/meta-data/iam/security-credentials/ci-role" width="700" height="300"></iframe>
      <img src="${base}/image.png"><object data="${base}/object"></object><embed src="${base}/embed">
      <iframe src="http://localhost:${base.split(':').at(-1) ?? ''}/by-name"></iframe>
      </body></html>`;
    const [pdf] = await printPdfs(chromium ?? '', [html], 'A4');
    expect(requests).toEqual([]);
    expect(Buffer.from(pdf ?? new Uint8Array()).toString('latin1')).not.toContain('ASIAXXXXSECRET');
  }, 120_000);
});
