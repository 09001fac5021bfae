import { Command } from 'commander';
import { RULES } from '../check/registry.js';
import type { Coverage } from '../check/coverage/coverage.js';
import { COVERAGE_RULES } from '../check/coverage/rules.js';
import { coverageJson, coverageText } from '../report/coverage-summary.js';
import { displayPath } from '../io/discover.js';
import { readCommandLineRuleFiles, readConfigRuleFiles } from '../io/alert-rule-files.js';
import type { Io } from '../io/io.js';
import { loadProject } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import { FORMATTERS, type FormatName } from '../report/index.js';
import { jsonText } from '../report/json-text.js';
import { countBySeverity, type CheckReport } from '../report/report.js';
import { plural } from '../text/plural.js';
import { NO_CACHE_HELP, parseCacheFor } from './cache-option.js';
import { alertCoverage } from '../run/alert-coverage.js';
import { reportExit, shownDiagnostics, withReportOptions, writeReport, type ReportOptions } from './report-options.js';
import { resolveToday } from './today.js';
import { UsageError } from './usage-error.js';
import { toolInfo } from './version.js';

/** The options of `runbook coverage`, as commander hands them over. */
interface CoverageOptions extends ReportOptions {
  readonly config?: string;
  readonly rules?: readonly string[];
  readonly cache: boolean;
}

/** `runbook coverage [paths…]`: which alerts have a runbook, and whether their `runbook_url` leads to it. */
export function coverageCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('coverage')
    .summary('check that every alert has a runbook and links to it')
    .description(
      'Reads the Prometheus alert rule files (`alerts.rules` in the config, or --rules) and the runbooks, and reports ' +
        'alerts without a runbook, runbooks answering alerts no rule defines, and `runbook_url` annotations that are missing or ' +
        'lead elsewhere than `alerts.url` says, with file:line:column; then alerts covered / total per rule file.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml|yml|json above the working folder)')
    .option('-r, --rules <glob...>', 'alert rule files, relative to the working folder (default: `alerts.rules` of the config)');
  return withReportOptions(command)
    .option('--no-cache', NO_CACHE_HELP)
    .addHelpText('after', coverageHelp)
    .action(async (paths: string[], options: CoverageOptions) => {
      setExit(await runCoverage(paths, options, io));
    });
}

async function runCoverage(paths: readonly string[], options: CoverageOptions, io: Io): Promise<number> {
  const today = resolveToday(undefined, io.now);
  const project = await loadProject({ cwd: io.cwd, paths, config: options.config, today, git: false, cache: parseCacheFor(io, options) }, NODE_SHELL);
  const config = project.config;
  const fromCommandLine = options.rules !== undefined && options.rules.length > 0;
  const globs = fromCommandLine ? (options.rules ?? []) : config.alerts.rules;
  if (globs.length === 0) {
    throw new UsageError('no alert rule files: set `alerts.rules` in the config (docs/coverage.md) or pass --rules <glob>');
  }
  const read = fromCommandLine ? readCommandLineRuleFiles(globs, io.cwd) : readConfigRuleFiles(config, io.cwd);
  const result = alertCoverage(project.runbooks, project.context, read, { configFile: project.configLabel, complete: project.complete });
  if (fromCommandLine && result.unmatched.length > 0) {
    const unmatched = result.unmatched.map((glob) => `\`${glob}\``);
    throw new UsageError(`--rules ${unmatched.join(', ')} matches no file (relative to ${displayPath(io.cwd, io.cwd)})`);
  }
  const diagnostics = result.diagnostics;
  const files = [...result.ruleFiles, ...project.found.map((file) => file.file)];
  const report: CheckReport = { tool: toolInfo(), files, diagnostics: shownDiagnostics(diagnostics, options), rules: RULES };
  writeReport((color) => coverageReport(report, result.coverage, options.format, color), options, io);
  if (options.outputFile !== undefined) {
    const counts = countBySeverity(diagnostics);
    io.stderr.write(
      `wrote ${options.outputFile}: ${String(result.coverage.total.covered)} / ${plural(result.coverage.total.alerts, 'alert')} covered, ` +
        `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${String(counts.infos)} info\n`,
    );
  }
  return reportExit(diagnostics, options);
}

/** The report in `format`; `pretty` ends with the coverage summary and `json` carries it as `coverage`. */
function coverageReport(report: CheckReport, coverage: Coverage, format: FormatName, color: boolean): string {
  const text = FORMATTERS[format](report, { color });
  if (format === 'pretty') return `${text}\n${coverageText(coverage)}`;
  if (format === 'json') return jsonText({ ...(JSON.parse(text) as object), coverage: coverageJson(coverage) });
  return text;
}

/** The coverage rules, the config keys and the exit codes, appended to `coverage --help`. */
function coverageHelp(): string {
  const rules = COVERAGE_RULES.map((rule) => `  ${rule.id} (${rule.defaultSeverity})\n      ${rule.summary}\n      Fix: ${rule.fix}`).join('\n');
  return `
Config (runbook.config.yaml; see docs/coverage.md):
  alerts:
    rules: ["monitoring/**/*.rules.yaml"]                      # Prometheus rule files or PrometheusRule resources
    url: "https://runbooks.example.com/alerts/{alert}/"       # what runbook_url must be ({alert}, {id})
    from_file_name: true                                       # KubePodCrashLooping.md answers KubePodCrashLooping

Rules (id, default severity; change with \`rules:\` in the config):
${rules}

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  bad usage, bad config, no rule files configured, or the run itself failed

Examples:
  $ runbook coverage
  $ runbook coverage --rules 'deploy/prometheus/*.yaml' --format github
  $ runbook coverage -f json -o coverage.json
`;
}
