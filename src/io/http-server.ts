/**
 * The HTTP server of `runbook serve` (shell code: it owns the network socket). It answers each
 * request from whatever site the command last built, refuses foreign `Host` headers and other
 * origins (host-header.ts, cross-origin.ts), reads the request-target once (request-target.ts), and
 * tells open pages to reload through server-sent events. The site is passed in: this module builds
 * nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CROSS_ORIGIN_HEADERS, crossOriginProblem, fetchMetadataOf } from './cross-origin.js';
import { hostProblem } from './host-header.js';
import type { OutputStream } from './io.js';
import { locationOf, readRequestTarget, sitePathOf } from './request-target.js';

/** Where open pages listen for `reload` (see the site's `assets/reload.js`). */
const EVENTS_PATH = '__runbook/events';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

/** What the server answers with: a site's files by path (made when asked for), or the error that stopped the last build. */
export type Served =
  | { readonly kind: 'site'; readonly site: { file(path: string): string | Uint8Array | undefined } }
  | { readonly kind: 'failed'; readonly message: string };

/** Where and what to serve. */
export interface ServerOptions {
  /** 0: any free port. */
  readonly port: number;
  /** The address to listen on; requests for this name are answered besides localhost and IP addresses. */
  readonly host: string;
  /** Asked on every request, so that each one gets the latest build. */
  readonly current: () => Served;
  /** Where a request that could not be answered is logged. */
  readonly log: OutputStream;
  /** An error's message with its cause chain, on one line. */
  readonly describe: (error: unknown) => string;
}

/** A listening server. */
export interface SiteServer {
  /** The port it listens on (the free one it was given, for port 0). */
  readonly port: number;
  /** Tells every open page to reload. */
  reload(): void;
  /** Ends the open event streams and stops listening. */
  close(): Promise<void>;
}

/** Starts listening; rejects, naming the address, when it cannot. */
export async function startServer(options: ServerOptions): Promise<SiteServer> {
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    respond(request, response, clients, options);
  });
  await listen(server, options.port, options.host);
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : options.port,
    reload: () => {
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
    },
    close: async () => {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => {
        resolve();
      }));
    },
  };
}

/** Answers one request; a failure while answering is a 500 for that request, never the end of the server. */
function respond(request: IncomingMessage, response: ServerResponse, clients: Set<ServerResponse>, options: ServerOptions): void {
  try {
    answer(request, response, options.current(), clients, options.host);
  } catch (error: unknown) {
    const message = options.describe(error);
    options.log.write(`could not answer ${(request.url ?? '/').slice(0, 200)}: ${message}\n`);
    if (response.headersSent) response.destroy();
    else plainText(response, 500, `runbook serve could not answer this request: ${message}\n`);
  }
}

function answer(request: IncomingMessage, response: ServerResponse, current: Served, clients: Set<ServerResponse>, host: string): void {
  const refused = hostProblem(request.headers.host, host);
  if (refused !== undefined) {
    plainText(response, 421, refused);
    return;
  }
  const foreign = crossOriginProblem(fetchMetadataOf(request.headers));
  if (foreign !== undefined) {
    plainText(response, 403, foreign);
    return;
  }
  const target = readRequestTarget(request.url ?? '/');
  if (target.kind === 'rejected') {
    plainText(response, target.status, `runbook serve: ${target.reason}\n`);
    return;
  }
  if (target.normal && target.segments.join('/') === EVENTS_PATH) {
    response.writeHead(200, { ...CROSS_ORIGIN_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
    return;
  }
  if (current.kind === 'failed') {
    plainText(response, 500, `runbook serve: the site could not be built.\n\n${current.message}\n\nFix it and save: the page reloads by itself once the build works.\n`);
    return;
  }
  const path = sitePathOf(target);
  let body = current.site.file(path);
  // `/teams` is the folder `/teams/`, whose relative links need the slash; `/.//teams` is `/teams/` too.
  const folder = target.folder || (body === undefined && current.site.file(`${path}/index.html`) !== undefined);
  if (!target.normal || folder !== target.folder) {
    redirect(response, locationOf(target.segments, folder, target.query));
    return;
  }
  const status = body === undefined ? 404 : 200;
  body ??= current.site.file('404.html') ?? 'not found';
  const type = status === 404 ? TYPES.html : TYPES[path.slice(path.lastIndexOf('.') + 1)];
  response.writeHead(status, { ...CROSS_ORIGIN_HEADERS, 'content-type': type ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { ...CROSS_ORIGIN_HEADERS, location, 'cache-control': 'no-store' });
  response.end();
}

function plainText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...CROSS_ORIGIN_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(text);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      reject(new Error(`cannot listen on ${host}:${port}`, { cause: error }));
    });
    server.listen(port, host, () => {
      resolve();
    });
  });
}
