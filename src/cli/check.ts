import { Command } from 'commander';
import { RULES } from '../check/registry.js';
import type { Io } from '../io/io.js';
import { FORMATTERS } from '../report/index.js';
import { countBySeverity, type CheckReport } from '../report/report.js';
import { plural } from '../text/plural.js';
import { resolveToday } from './today.js';
import { NO_CACHE_HELP, parseCacheFor } from './cache-option.js';
import { toolInfo } from './version.js';
import { rememberedRun } from '../io/project-inputs.js';
import { loadProjectFrom, readInputs } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import { JOBS_HELP, jobsFor, parseJobs, type JobsOptions } from './jobs-option.js';
import { withRootNote } from './root-note.js';
import { reportExit, shownDiagnostics, withReportOptions, writeReport, type ReportOptions } from './report-options.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ProjectInputs } from '../model/sources.js';
import { notesInReport } from '../report/baseline-notes.js';
import { laidOverBaseline, reportWithBaseline } from './baseline-check.js';

/** The options of every command that checks runbooks (`check`, `baseline`), as commander hands them over. */
export interface CheckRunOptions extends JobsOptions {
  readonly config?: string;
  readonly today?: string;
  readonly git: boolean;
  readonly cache: boolean;
}

/** The options of `runbook check`, as commander hands them over. */
interface CheckOptions extends ReportOptions, CheckRunOptions {
  /** False with `--no-baseline`. */
  readonly baseline: boolean;
}

/** What a check finds: what `check` reports and `baseline` records. */
export interface CheckRun {
  readonly inputs: ProjectInputs;
  /** Every file checked, as shown to users (alert rule files first). */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}


/** `runbook check [paths…]`: wires the command; `setExit` receives the exit code. */
export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('check')
    .summary('check runbooks for staleness, completeness and broken links')
    .description(
      'Reads every runbook and reports every problem in every file with file:line:column, a rule id and a message. ' +
        'Paths may be files or folders; without paths, the runbooks under the config\'s `root` are checked.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml|yml|json above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the date to check staleness against (default: today in UTC)');
  return withReportOptions(command)
    .option('--no-cache', NO_CACHE_HELP)
    .option('--jobs <n>', JOBS_HELP, parseJobs)
    .option('--no-git', 'do not read the git history (no last-edited dates)')
    .option('--no-baseline', 'report every problem, also those the baseline file holds back (see `runbook baseline`)')
    .addHelpText('after', checkHelp)
    .action(async (paths: string[], options: CheckOptions) => {
      setExit(await runCheck(paths, options, io));
    });
}

async function runCheck(paths: readonly string[], options: CheckOptions, io: Io): Promise<number> {
  const run = await checkRun(paths, options, io);
  const laid = options.baseline ? laidOverBaseline(run) : undefined;
  const diagnostics = laid?.fresh ?? run.diagnostics;
  const report: CheckReport = { tool: toolInfo(), files: run.files, diagnostics: shownDiagnostics(diagnostics, options), rules: RULES };
  const everyShown = shownDiagnostics(run.diagnostics, options);
  writeReport((color) => (laid === undefined ? FORMATTERS[options.format](report, { color }) : reportWithBaseline(report, everyShown, laid, options.format, color)), options, io);
  if (laid !== undefined && !notesInReport(options.format)) for (const note of laid.notes) io.stderr.write(`runbook: ${note}\n`);
  if (options.outputFile !== undefined) {
    const counts = countBySeverity(diagnostics);
    io.stderr.write(
      `wrote ${options.outputFile}: ${plural(run.inputs.found.length, 'file')} checked, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info\n`,
    );
  }
  return reportExit(diagnostics, options);
}

/** discover → read → parse → check with the options of `check` (a remembered run when nothing changed since). */
export async function checkRun(paths: readonly string[], options: CheckRunOptions, io: Io): Promise<CheckRun> {
  const today = resolveToday(options.today, io.now);
  const cache = parseCacheFor(io, options);
  const inputs = await withRootNote(() => readInputs({ cwd: io.cwd, paths, config: options.config, today, git: options.git, cache }, NODE_SHELL), paths, options.config, io);
  const { found } = inputs;
  // A remembered run does not know the alert rule files: with `alerts.rules` the runbooks are always
  // checked (parsed files come from the cache).
  const remembered = inputs.config.alerts.rules.length > 0 ? undefined : rememberedRun(inputs, cache);
  const project = remembered === undefined ? await loadProjectFrom(inputs, { cache, alerts: true, jobs: jobsFor(options) }, NODE_SHELL) : undefined;
  const diagnostics = project?.diagnostics ?? remembered?.diagnostics ?? [];
  return { inputs, files: [...(project?.ruleFiles ?? []), ...found.map((file) => file.file), ...inputs.drills.map((record) => record.file)], diagnostics };
}

/** The rules and exit codes, appended to `check --help`. */
function checkHelp(): string {
  const byCategory = new Map<string, string[]>();
  for (const rule of RULES) {
    const lines = byCategory.get(rule.category) ?? [];
    lines.push(`  ${rule.id} (${rule.defaultSeverity})\n      ${rule.summary}\n      Why: ${rule.why}\n      Fix: ${rule.fix}`);
    byCategory.set(rule.category, lines);
  }
  const rules = [...byCategory].map(([category, lines]) => `${category}:\n${lines.join('\n')}`).join('\n\n');
  return `
A runbook is a Markdown file with YAML frontmatter:
  title, owner, service, severity, last_tested (YYYY-MM-DD or never)   required
  review_every (30d, 6w, 6 months, 1y), alerts, tags, recovery,
  escalation ({name, via, target}), links (name: URL)                  optional
Recovery steps come from frontmatter \`recovery\`, or else from the first numbered list under the
Recovery (Mitigation, Remediation, Resolution) heading. Drill records (\`runbook drill\` writes
them: drills/<id>/<YYYY-MM-DD>.md, or the config's \`drills.folder\`) are checked as well, in every
run. See docs/format.md for the whole format.

Rules (id, default severity; change with \`rules:\` in the config):

${rules}

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
     (problems the baseline file holds back do not count: see \`runbook baseline --help\`)
  2  bad usage, bad config, or the run itself failed

Examples:
  $ runbook check                              # the runbooks under the config's root
  $ runbook check runbooks --format github     # annotations in GitHub Actions
  $ runbook check -f gitlab -o gl-code-quality.json
  $ runbook check --today 2026-12-01 --max-warnings 0
  $ runbook check --no-baseline                # also the problems \`runbook baseline\` recorded
`;
}
