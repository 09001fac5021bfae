/**
 * Shared setup of the browser tests: finding Chromium (or saying loudly why they skip), a tiny
 * static server that serves a built site under a base path, building sites in-process, and a watch
 * on a page that records every request and every error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type ConsoleMessage, type Page, type Request, type Response } from 'playwright-core';
import { runCli, type CliResult } from '../cli/run-cli.js';

export { filesUnder } from '../file-tree.js';

/** Flags for a headless Chromium that talks to nothing but the pages it is sent to. */
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium may be: `CHROMIUM_PATH` first, then Debian's and Ubuntu's names. */
function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/**
 * The Chromium to run the browser tests with, or undefined (with a loud warning) to skip them.
 * With `RUNBOOK_REQUIRE_BROWSER=1` (set by CI) a missing browser throws, which fails the test file.
 */
export function chromiumOrSkip(): string | undefined {
  const path = findChromium();
  if (path !== undefined) return path;
  const reason = 'Chromium not found (set CHROMIUM_PATH, or apt-get install chromium): skipping the browser tests';
  if (process.env.RUNBOOK_REQUIRE_BROWSER === '1') throw new Error(`${reason} is not allowed when RUNBOOK_REQUIRE_BROWSER=1`);
  console.warn(`\n*** ${reason} ***\n`);
  return undefined;
}

/** How long a hook that builds a site or starts Chromium may take (a loaded 2-core machine is slow). */
export const SETUP_TIMEOUT = 120_000;

/** How long a test that visits every page of a site, or builds a large corpus, may take. */
export const SLOW_TEST_TIMEOUT = 180_000;

/** Starts headless Chromium. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

/** Builds the site of the runbooks at `source` into `out` in-process, with the tests' fixed date. */
export function buildSiteInto(cwd: string, source: string, out: string, extra: readonly string[] = []): Promise<CliResult> {
  return runCli(['build', source, '--today', '2026-11-27', '--no-git', '--out', out, ...extra], cwd);
}

/** Builds a site and fails with the CLI's own words when the build did not succeed. */
export async function mustBuild(cwd: string, source: string, out: string, extra: readonly string[] = []): Promise<void> {
  const result = await buildSiteInto(cwd, source, out, extra);
  if (result.code !== 0) throw new Error(`runbook build exited ${result.code}:\n${result.stderr}${result.stdout}`);
}


/** The `file://` URL of a page of a site folder (of the folder itself, with its trailing slash, for ''). */
export function fileUrl(root: string, path: string): string {
  return pathToFileURL(path === '' ? `${root}${sep}` : join(root, path)).href;
}

/** A static server for one site folder, answering under `base` (`/some/base/`) on 127.0.0.1. */
export interface StaticServer {
  readonly origin: string;
  readonly base: string;
  /** The URL of a site path (`alerts/X/`), as a string. */
  url(path: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `root` as a static host does: a folder URL gets its `index.html` (a folder without its
 * trailing slash is redirected to it), a missing path gets `404.html` with status 404, and nothing
 * outside `base` or outside the folder is served.
 */
export async function serveSite(root: string, base: string): Promise<StaticServer> {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base \`${base}\` must start and end with /`);
  const server = createServer((request, response) => {
    answer(root, base, request, response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base,
    url: (path) => `${origin}${base}${path}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) done();
          else fail(error);
        });
      }),
  };
}

function answer(root: string, base: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch (error: unknown) {
    if (!(error instanceof URIError)) throw error;
    send(response, 400, 'text/plain; charset=utf-8', 'bad URL escape');
    return;
  }
  if (!pathname.startsWith(base)) {
    send(response, 404, 'text/plain; charset=utf-8', `outside the site's base ${base}`);
    return;
  }
  const path = resolve(root, `.${sep}${pathname.slice(base.length)}`);
  if (path !== root && !path.startsWith(root + sep)) {
    send(response, 404, 'text/plain; charset=utf-8', 'outside the site');
    return;
  }
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isDirectory() === true && !url.pathname.endsWith('/')) {
    response.writeHead(301, { location: `${url.pathname}/${url.search}` });
    response.end();
    return;
  }
  const file = stats?.isDirectory() === true ? join(path, 'index.html') : path;
  if (statSync(file, { throwIfNoEntry: false })?.isFile() === true) {
    send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    return;
  }
  const notFound = join(root, '404.html');
  if (existsSync(notFound)) send(response, 404, CONTENT_TYPES['.html'] ?? 'text/html', readFileSync(notFound));
  else send(response, 404, 'text/plain; charset=utf-8', 'not found');
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** What a page did while it was watched. */
export interface PageWatch {
  /** Every URL the page requested, in order (documents, styles, scripts, data files). */
  readonly requests: string[];
  /** Console errors, page errors, failed requests and HTTP errors, as readable lines. */
  readonly problems: string[];
  /** Every console message, as `type: text`. */
  readonly console: string[];
  /** Stops watching (the page can then be watched afresh by the next test). */
  stop(): void;
}

/**
 * Records everything a page requests and every error it reports. `expectedStatus` lets a test
 * accept an HTTP error it asked for (the 404 page answers with 404).
 */
export function watchPage(page: Page, expectedStatus: (url: string, status: number) => boolean = () => false): PageWatch {
  const requests: string[] = [];
  const problems: string[] = [];
  const messages: string[] = [];
  const onRequest = (request: Request) => requests.push(request.url());
  const onRequestFailed = (request: Request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  const onResponse = (response: Response) => {
    if (response.status() >= 400 && !expectedStatus(response.url(), response.status())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  const onPageError = (error: Error) => problems.push(`page error: ${error.message}`);
  const onConsole = (message: ConsoleMessage) => {
    messages.push(`${message.type()}: ${message.text()}`);
    // "Failed to load resource" repeats a failed request or an HTTP error, recorded above with its URL.
    if ((message.type() === 'error' || message.type() === 'warning') && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  };
  page.on('request', onRequest);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  return {
    requests,
    problems,
    console: messages,
    stop: () => {
      page.off('request', onRequest);
      page.off('requestfailed', onRequestFailed);
      page.off('response', onResponse);
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
    },
  };
}

/** Whether a URL is the site's own: under `prefix` (the site folder's file URL, or the served base URL). */
export function isInsideSite(url: string, prefix: string): boolean {
  return url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
