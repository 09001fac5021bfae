/**
 * `runbook serve`, the command's wiring: options become values, the site is built in memory (and
 * rebuilt, one build at a time, on every change), and the server and the watcher (src/io/
 * http-server.ts, watch.ts) are started with it and stopped on Ctrl+C.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { Io } from '../io/io.js';
import { loadProject } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import { JOBS_HELP, jobsFor, parseJobs, type JobsOptions } from './jobs-option.js';
import { inMemory, type RunCache } from '../model/run-cache.js';
import { BUILT_IN_TEMPLATES, configuredTemplates } from '../io/templates.js';
import { findConfigFile } from '../io/config-file.js';
import { startServer } from '../io/http-server.js';
import { watchFiles, type Watching } from '../io/watch.js';
import { planSite } from '../site/build-site.js';
import type { SitePlan } from '../site/site-plan.js';
import { describeError } from '../check/run.js';
import { printableLines } from '../text/terminal-text.js';
import { EXIT } from './exit-codes.js';
import { resolveToday } from './today.js';
import { UsageError } from './usage-error.js';
import { NO_CACHE_HELP, parseCacheFor } from './cache-option.js';

interface ServeOptions extends JobsOptions {
  readonly port: string;
  readonly host: string;
  readonly config?: string;
  readonly today?: string;
  readonly git: boolean;
  readonly cache: boolean;
}

/** Added to every page: it reloads the page when the server says the site was rebuilt. */
const RELOAD_SCRIPT = 'assets/reload.js';

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
    .option('--jobs <n>', JOBS_HELP, parseJobs)
    .option('--no-git', 'do not read the git history')
    .action(async (paths: string[], options: ServeOptions) => {
      setExit(await runServe(paths, options, io));
    });
}

/** The current site (its files by URL path, and the config's templates folder), or the error that stopped the last build. */
type Current =
  | { readonly kind: 'site'; readonly site: SitePlan; readonly templates: string | undefined; readonly drills: string }
  | { readonly kind: 'failed'; readonly message: string };

async function runServe(paths: readonly string[], options: ServeOptions, io: Io): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port \`${options.port}\`, expected 0–65535`);
  const log = { log: io.stderr, describe: describeError };
  // Parsed files stay in memory between rebuilds: a save re-parses only the file saved.
  const cache = inMemory(parseCacheFor(io, options));
  let current: Current = await build(paths, options, io, cache);
  const server = await startServer({ port, host: options.host, current: () => current, ...log });
  io.stderr.write(`serving http://${options.host}:${server.port}/ (Ctrl+C to stop)\n`);
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
      if (next.kind === 'site') watchConfigured(watching, next);
      server.reload();
      const again = rebuild === 'running, then again';
      rebuild = 'idle';
      if (again) changed();
    });
  };
  const watching = watchFiles(watchedSources(paths, options, io), changed, log);
  if (current.kind === 'site') watchConfigured(watching, current);
  const stop = io.stopSignal?.();
  await new Promise<void>((resolve) => {
    if (stop === undefined) return;
    if (stop.aborted) resolve();
    stop.addEventListener('abort', () => {
      resolve();
    });
  });
  watching.close();
  await server.close();
  return EXIT.ok;
}

/** Loads the runbooks and plans the site; pages are rendered when a browser asks for them. */
async function build(paths: readonly string[], options: ServeOptions, io: Io, cache: RunCache): Promise<Current> {
  const started = Date.now();
  try {
    const today = resolveToday(options.today, io.now);
    const project = await loadProject({ cwd: io.cwd, paths, config: options.config, today, git: options.git, cache, render: true, jobs: jobsFor(options) }, NODE_SHELL);
    const site = planSite({
      runbooks: project.runbooks,
      bodies: project.bodies,
      diagnostics: project.diagnostics,
      config: project.config,
      today,
      git: project.git,
      drills: project.drills,
      templates: configuredTemplates(project.config),
      extraScripts: [RELOAD_SCRIPT],
    });
    io.stderr.write(`built ${project.runbooks.length} runbooks in ${Date.now() - started} ms\n`);
    return { kind: 'site', site, templates: project.config.site.templates, drills: project.config.drills.folder };
  } catch (error: unknown) {
    const message = describeError(error);
    io.stderr.write(`build failed: ${printableLines(message)}\n`);
    return { kind: 'failed', message };
  }
}

/**
 * The folders a build's config names: its templates, and its drills folder (a new or changed drill
 * record changes the site), watched from when it appears when there is none yet.
 */
function watchConfigured(watching: Watching, built: { readonly templates: string | undefined; readonly drills: string }): void {
  if (built.templates !== undefined) watching.add(built.templates);
  watching.addOnceThere(built.drills);
}

/**
 * What serve watches from the start: the runbook folders, the built-in templates and the config file
 * (the config's templates and drills folders are added once a build has read the config).
 */
function watchedSources(paths: readonly string[], options: ServeOptions, io: Io): readonly string[] {
  const config = options.config ?? findConfigFile(io.cwd);
  return [...(paths.length === 0 ? [io.cwd] : paths.map((path) => resolve(io.cwd, path))), BUILT_IN_TEMPLATES, ...(config === undefined ? [] : [config])];
}
