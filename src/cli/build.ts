import { resolve } from 'node:path';
import { Command } from 'commander';
import type { Io } from '../io/io.js';
import { loadProject } from '../io/project.js';
import { writeSite } from '../io/site-output.js';
import { loadTemplates } from '../io/templates.js';
import { readHeadCommit } from '../io/head-commit.js';
import { pretty } from '../report/pretty.js';
import { countBySeverity } from '../report/report.js';
import { RULES } from '../check/registry.js';
import { buildSite, SITE_MARKER } from '../site/build-site.js';
import { displayPath } from '../io/discover.js';
import { useColor } from './color.js';
import { EXIT } from './check.js';
import { resolveToday } from './today.js';
import { UsageError } from './usage-error.js';
import { NO_CACHE_HELP, parseCacheFor } from './cache-option.js';
import { toolInfo } from './version.js';

interface BuildOptions {
  readonly out: string;
  readonly baseUrl?: string;
  readonly strict?: boolean;
  readonly config?: string;
  readonly today?: string;
  readonly git: boolean;
  readonly cache: boolean;
}

/** `runbook build [paths…]`: the static on-call site. */
export function buildCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('build')
    .summary('build the static, searchable on-call site')
    .description(
      'Renders every runbook into a static site that works from any static host and from a laptop with no network (open index.html). ' +
        'Errors in runbooks do not stop the build: the pages show them. The site is written beside --out and swapped in only when complete.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .option('-o, --out <dir>', 'output folder (replaced whole; refused if it holds files runbook did not write)', 'site')
    .option('--base-url <url>', 'absolute URL the site is served from (links in catalog.json and the 404 page)')
    .option('--strict', 'fail (exit 1, write nothing) when `runbook check` would report errors')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the date statuses are computed for (default: today in UTC)')
    .option('--no-cache', NO_CACHE_HELP)
    .option('--no-git', 'do not read the git history (no last-edited dates)')
    .addHelpText(
      'after',
      `
Output:
  index.html                 every runbook, with search and filters
  runbooks/<id>/index.html   recovery steps first, then the runbook
  alerts/<Alert>/index.html  sends the reader to the runbook answering the alert (no JavaScript needed);
                             use runbook_url: https://<site>/alerts/{{ $labels.alertname }}/
  teams/<team>/, services/<service>/, alerts/index.html, 404.html
  catalog.json               machine-readable list of runbooks (docs/site.md)

Exit codes: 0 built, 1 --strict and the runbooks have errors, 2 the build itself failed.`,
    )
    .action(async (paths: string[], options: BuildOptions) => {
      setExit(await runBuild(paths, options, io));
    });
}

async function runBuild(paths: readonly string[], options: BuildOptions, io: Io): Promise<number> {
  const started = io.now().getTime();
  const today = resolveToday(options.today, io.now);
  if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) throw new UsageError(`invalid --base-url \`${options.baseUrl}\`, expected an absolute URL`);
  const project = await loadProject({ cwd: io.cwd, paths, config: options.config, today, git: options.git, cache: parseCacheFor(io, options.cache), render: true });
  const config = options.baseUrl === undefined ? project.config : { ...project.config, site: { ...project.config.site, baseUrl: options.baseUrl } };
  const counts = countBySeverity(project.diagnostics);
  if (options.strict === true && counts.errors > 0) {
    const errors = project.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    io.stderr.write(pretty({ tool: toolInfo(), files: project.found.map((file) => file.file), diagnostics: errors, rules: RULES }, { color: useColor(undefined, io.env, io.stderr.isTTY) }));
    io.stderr.write('runbook build --strict: not built, the runbooks have errors (see above)\n');
    return EXIT.findings;
  }
  const files = buildSite({
    runbooks: project.runbooks,
    bodies: project.bodies,
    diagnostics: project.diagnostics,
    config,
    today,
    git: project.git,
    templates: loadTemplates(config.site.templates),
    commit: options.git ? await readHeadCommit(config.root) : { kind: 'unknown' },
    onProgress: progressReporter(io),
  });
  const out = resolve(io.cwd, options.out);
  writeSite(out, files, SITE_MARKER);
  const seconds = ((io.now().getTime() - started) / 1000).toFixed(1);
  if (showsProgress(io)) io.stderr.write('\r\u001b[K');
  io.stderr.write(
    `built ${displayPath(out, io.cwd)}/: ${project.runbooks.length} runbooks, ${files.length} files in ${seconds}s` +
      (counts.errors + counts.warnings > 0 ? ` (the runbooks have ${counts.errors} errors, ${counts.warnings} warnings: see the pages or run \`runbook check\`)` : '') +
      '\n',
  );
  return EXIT.ok;
}

/** Progress is for people: only on a terminal, and not in CI (whose logs keep every line). */
function showsProgress(io: Io): boolean {
  return io.stderr.isTTY && io.env.CI === undefined;
}

/** Rewrites one status line at most ten times a second; nothing when progress is not shown. */
function progressReporter(io: Io): ((done: number, total: number) => void) | undefined {
  if (!showsProgress(io)) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    io.stderr.write(`\r\u001b[Krendering ${done}/${total} runbooks`);
  };
}
