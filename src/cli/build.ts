import { resolve } from 'node:path';
import { Command } from 'commander';
import type { Io } from '../io/io.js';
import { rememberedRun } from '../io/project-inputs.js';
import { loadProjectFrom, readInputs } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import { JOBS_HELP, jobsFor, parseJobs, type JobsOptions } from './jobs-option.js';
import { outputFolder, siteInput, writeSite } from '../io/site-output.js';
import { guardedFolders } from '../io/output-path.js';
import { derivedKey } from '../io/run-memo.js';
import type { RunRecord } from '../model/sources.js';
import type { SourceCommit } from '../model/source-commit.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { configuredTemplates } from '../io/templates.js';
import { readHeadCommit } from '../io/head-commit.js';
import { pretty } from '../report/pretty.js';
import { countBySeverity } from '../report/report.js';
import { plural } from '../text/plural.js';
import { printable } from '../text/terminal-text.js';
import { RULES } from '../check/registry.js';
import { planSite } from '../site/build-site.js';
import { displayPath } from '../io/discover.js';
import { useColor } from './color.js';
import { EXIT } from './exit-codes.js';
import { resolveToday } from './today.js';
import { UsageError } from './usage-error.js';
import { BUILD_NO_CACHE_HELP, parseCacheFor } from './cache-option.js';
import { toolInfo } from './version.js';

interface BuildOptions extends JobsOptions {
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
        'Errors in runbooks do not stop the build: the pages show them. The site is written beside --out and swapped in only when complete; ' +
          'only files whose bytes changed are written (the site before is kept as <out>.runbook-spare), and nothing at all when no input changed.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .option('-o, --out <dir>', 'output folder (the tool\'s own: refused if it holds files runbook did not write)', 'site')
    .option('--base-url <url>', 'absolute URL the site is served from (links in catalog.json and the 404 page)')
    .option('--strict', 'fail (exit 1, write nothing) when `runbook check` would report errors')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the date statuses are computed for (default: today in UTC)')
    .option('--no-cache', BUILD_NO_CACHE_HELP)
    .option('--jobs <n>', JOBS_HELP, parseJobs)
    .option('--no-git', 'do not read the git history (no last-edited dates)')
    .addHelpText(
      'after',
      `
Output:
  index.html                 every runbook, with search and filters
  runbooks/<id>/index.html   recovery steps first, a table of contents, then the runbook; also at the
                             lower-case path (runbooks/kubernetes/kubepodcrashlooping/), where upstream
                             runbook_urls often point
  alerts/<Alert>/index.html  sends the reader to the runbook answering the alert (no JavaScript needed);
                             use runbook_url: https://<site>/alerts/<AlertName>/ (the name written out:
                             Prometheus does not expand $labels.alertname in annotations)
  teams/<team>/, services/<service>/, alerts/index.html, 404.html
  catalog.json               machine-readable list of runbooks (docs/site.md)
  search/                    the search index, loaded by the pages as they need it (works from file://)

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
  const cache = parseCacheFor(io, options);
  const inputs = await readInputs({ cwd: io.cwd, paths, config: options.config, today, git: options.git, cache }, NODE_SHELL);
  const config = options.baseUrl === undefined ? inputs.config : { ...inputs.config, site: { ...inputs.config.site, baseUrl: options.baseUrl } };
  const templates = configuredTemplates(config);
  const commit: SourceCommit = options.git ? await readHeadCommit(config.root) : { kind: 'unknown' };
  const out = resolve(io.cwd, options.out);
  const output = outputFolder(out, guardedFolders(io.cwd, config));
  if (output.note !== undefined) io.stderr.write(`runbook build: note: ${output.note}\n`);
  // What the site shows besides the run: recorded in its marker, so that the next build can tell nothing changed.
  const siteInputs = (linkTargets: RunRecord['linkTargets']) => ({ baseUrl: config.site.baseUrl, templates, commit, linkTargets });
  const seconds = (): string => ((io.now().getTime() - started) / 1000).toFixed(1);

  // --strict refuses what `check` fails on, alert coverage included: a remembered run does not know
  // the rule files, so then the runbooks are always checked (parsed files come from the cache).
  const withAlerts = options.strict === true && inputs.config.alerts.rules.length > 0;
  const project = withAlerts ? await loadProjectFrom(inputs, { cache, render: true, alerts: true, jobs: jobsFor(options) }, NODE_SHELL) : undefined;
  if (project !== undefined && refusedAsStrict(options, project.diagnostics, [...project.ruleFiles, ...project.found.map((file) => file.file)], io)) return EXIT.findings;

  // Nothing changed since the site in `out` was built: nothing to parse, render or write.
  const remembered = rememberedRun(inputs, cache);
  if (remembered !== undefined && siteInput(output.path, cache) === derivedKey(inputs.key, siteInputs(remembered.linkTargets))) {
    if (project === undefined && refusedAsStrict(options, remembered.diagnostics, inputs.found.map((file) => file.file), io)) return EXIT.findings;
    io.stderr.write(`${displayPath(out, io.cwd)}/ is up to date: ${plural(inputs.found.length, 'runbook')} unchanged since it was built (${seconds()}s)\n`);
    return EXIT.ok;
  }

  const loaded = project ?? (await loadProjectFrom(inputs, { cache, render: true, jobs: jobsFor(options) }, NODE_SHELL));
  if (project === undefined && refusedAsStrict(options, loaded.diagnostics, loaded.found.map((file) => file.file), io)) return EXIT.findings;
  const site = planSite({
    runbooks: loaded.runbooks,
    bodies: loaded.bodies,
    diagnostics: loaded.runbookDiagnostics,
    config,
    today,
    git: loaded.git,
    drills: loaded.drills,
    templates,
    commit,
    onProgress: progressReporter(io),
  }, { remember: false });
  const written = writeSite(output.path, site, { input: derivedKey(loaded.key, siteInputs(loaded.linkTargets)), trustSpare: options.cache, cache });
  const fileCount = written.written + written.kept;
  // Notes name leftovers beside `--out`, whose names the repository may have chosen.
  for (const note of written.notes ?? []) io.stderr.write(`runbook build: note: ${printable(note)}\n`);
  const counts = countBySeverity(loaded.runbookDiagnostics);
  if (showsProgress(io)) io.stderr.write('\r\u001b[K');
  io.stderr.write(
    `built ${displayPath(out, io.cwd)}/: ${plural(loaded.runbooks.length, 'runbook')}, ${plural(fileCount, 'file')} (${written.written} written, ${written.removed} removed) in ${seconds()}s` +
      (counts.errors + counts.warnings > 0 ? ` (the runbooks have ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}: see the pages or run \`runbook check\`)` : '') +
      '\n',
  );
  return EXIT.ok;
}

/** `--strict` and the runbooks have errors: reports them and says the site was not built. */
function refusedAsStrict(options: BuildOptions, diagnostics: readonly Diagnostic[], files: readonly string[], io: Io): boolean {
  if (options.strict !== true) return false;
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return false;
  io.stderr.write(pretty({ tool: toolInfo(), files, diagnostics: errors, rules: RULES }, { color: useColor(undefined, io.env, io.stderr.isTTY) }));
  io.stderr.write('runbook build --strict: not built, the runbooks have errors (see above)\n');
  return true;
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
