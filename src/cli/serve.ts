import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { Io } from '../io/io.js';
import { loadProject } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import { inMemory, type RunCache } from '../model/run-cache.js';
import { BUILT_IN_TEMPLATES, configuredTemplates } from '../io/templates.js';
import { findConfigFile } from '../io/config-file.js';
import { planSite, type SitePlan } from '../site/build-site.js';
import { describeError } from '../check/run.js';
import { EXIT } from './exit-codes.js';
import { resolveToday } from './today.js';
import { UsageError } from './usage-error.js';
import { NO_CACHE_HELP, parseCacheFor } from './cache-option.js';
import { hostProblem } from './host-header.js';
import { CROSS_ORIGIN_HEADERS, crossOriginProblem, fetchMetadataOf } from './cross-origin.js';
import { locationOf, readRequestTarget, sitePathOf } from './request-target.js';

interface ServeOptions {
  readonly port: string;
  readonly host: string;
  readonly config?: string;
  readonly today?: string;
  readonly git: boolean;
  readonly cache: boolean;
}

const RELOAD_SCRIPT = 'assets/reload.js';
const EVENTS_PATH = '__runbook/events';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** `runbook serve`: builds the site in memory, serves it, and rebuilds and reloads on every change. */
export function serveCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('serve')
    .summary('serve the site locally, rebuilding and reloading on every change')
    .description(
      'Builds the site in memory and serves it on http://HOST:PORT/. Watches the runbooks, the config and the templates; ' +
        'rebuilds on every change and reloads open pages. A broken runbook shows its problems on its page; a broken config shows an error page. Stop with Ctrl+C.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .option('-p, --port <port>', 'port to listen on (0: any free port)', '4173')
    .option('--host <host>', 'address to listen on; requests are answered only for localhost, an IP address or this name', '127.0.0.1')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the date statuses are computed for (default: today in UTC)')
    .option('--no-cache', NO_CACHE_HELP)
    .option('--no-git', 'do not read the git history')
    .action(async (paths: string[], options: ServeOptions) => {
      setExit(await runServe(paths, options, io));
    });
}

/** The current site (its files by URL path, and the config's templates folder), or the error that stopped the last build. */
type Current =
  | { readonly kind: 'site'; readonly site: SitePlan; readonly templates: string | undefined }
  | { readonly kind: 'failed'; readonly message: string };

async function runServe(paths: readonly string[], options: ServeOptions, io: Io): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port \`${options.port}\`, expected 0–65535`);
  // Parsed files stay in memory between rebuilds: a save re-parses only the file saved.
  const cache = inMemory(parseCacheFor(io, options.cache));
  let current: Current = await build(paths, options, io, cache);
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    respond(request, response, current, clients, { host: options.host, io });
  });
  await listen(server, port, options.host);
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  io.stderr.write(`serving http://${options.host}:${actualPort}/ (Ctrl+C to stop)\n`);
  // One rebuild at a time, in order: a save during a rebuild starts another one when it ends, so the
  // site shown is never older than the last save.
  let rebuild: 'idle' | 'running' | 'running, then again' = 'idle';
  const changed = (): void => {
    if (rebuild !== 'idle') {
      rebuild = 'running, then again';
      return;
    }
    rebuild = 'running';
    void build(paths, options, io, cache).then((next) => {
      current = next;
      if (next.kind === 'site' && next.templates !== undefined) watching.add(next.templates);
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
      const again = rebuild === 'running, then again';
      rebuild = 'idle';
      if (again) changed();
    });
  };
  const watching = watchSources(paths, options, io, changed);
  if (current.kind === 'site' && current.templates !== undefined) watching.add(current.templates);
  const stop = io.stopSignal?.();
  await new Promise<void>((resolve) => {
    if (stop === undefined) return;
    if (stop.aborted) resolve();
    stop.addEventListener('abort', () => {
      resolve();
    });
  });
  watching.close();
  for (const client of clients) client.end();
  await new Promise<void>((resolve) => server.close(() => {
    resolve();
  }));
  return EXIT.ok;
}

/** Loads the runbooks and plans the site; pages are rendered when a browser asks for them. */
async function build(paths: readonly string[], options: ServeOptions, io: Io, cache: RunCache): Promise<Current> {
  const started = Date.now();
  try {
    const today = resolveToday(options.today, io.now);
    const project = await loadProject({ cwd: io.cwd, paths, config: options.config, today, git: options.git, cache, render: true }, NODE_SHELL);
    const site = planSite({
      runbooks: project.runbooks,
      bodies: project.bodies,
      diagnostics: project.diagnostics,
      config: project.config,
      today,
      git: project.git,
      templates: configuredTemplates(project.config),
      extraScripts: [RELOAD_SCRIPT],
    });
    io.stderr.write(`built ${project.runbooks.length} runbooks in ${Date.now() - started} ms\n`);
    return { kind: 'site', site, templates: project.config.site.templates };
  } catch (error: unknown) {
    const message = describeError(error);
    io.stderr.write(`build failed: ${message}\n`);
    return { kind: 'failed', message };
  }
}

/** Answers one request; a failure while answering is a 500 for that request, never the end of the server. */
function respond(request: IncomingMessage, response: ServerResponse, current: Current, clients: Set<ServerResponse>, context: { readonly host: string; readonly io: Io }): void {
  try {
    answer(request, response, current, clients, context.host);
  } catch (error: unknown) {
    const message = describeError(error);
    context.io.stderr.write(`could not answer ${(request.url ?? '/').slice(0, 200)}: ${message}\n`);
    if (response.headersSent) response.destroy();
    else plainText(response, 500, `runbook serve could not answer this request: ${message}\n`);
  }
}

function answer(request: IncomingMessage, response: ServerResponse, current: Current, clients: Set<ServerResponse>, host: string): void {
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

/** What serve watches; `add` watches one more file or folder (once), `close` stops watching. */
interface Watching {
  readonly add: (target: string) => void;
  readonly close: () => void;
}

/**
 * Watches the runbook folders, the config file and the built-in templates (and, once `add`ed, the
 * config's templates folder); calls `changed` once per burst of changes.
 */
function watchSources(paths: readonly string[], options: ServeOptions, io: Io, changed: () => void): Watching {
  let timer: NodeJS.Timeout | undefined;
  const onChange = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(changed, 40);
  };
  const watchers = new Map<string, FSWatcher | undefined>();
  const add = (target: string): void => {
    if (watchers.has(target)) return;
    try {
      watchers.set(target, watch(target, { recursive: true }, (_event, name) => {
        if (typeof name === 'string' && /(^|\/)(\.git|node_modules|site)(\/|$)/.test(name)) return;
        onChange();
      }));
    } catch (error: unknown) {
      watchers.set(target, undefined);
      io.stderr.write(`not watching ${target}: ${describeError(error)}\n`);
    }
  };
  for (const target of paths.length === 0 ? [io.cwd] : paths.map((path) => resolve(io.cwd, path))) add(target);
  add(BUILT_IN_TEMPLATES);
  const config = options.config ?? findConfigFile(io.cwd);
  if (config !== undefined) add(config);
  return {
    add,
    close: () => {
      for (const watcher of watchers.values()) watcher?.close();
    },
  };
}
