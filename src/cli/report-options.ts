import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { Io } from '../io/io.js';
import { writeFileAtomic } from '../io/write-file.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { FORMAT_NAMES, type FormatName } from '../report/index.js';
import { countBySeverity } from '../report/report.js';
import { EXIT } from './exit-codes.js';
import { useColor } from './color.js';
import { UsageError } from './usage-error.js';

/** The options of every command that reports diagnostics (`check`, `coverage`), as commander hands them over. */
export interface ReportOptions {
  readonly format: FormatName;
  readonly outputFile?: string;
  readonly maxWarnings?: number;
  readonly quiet?: boolean;
  readonly color?: boolean;
}

/** Adds the report options to `command`, in the order `--help` lists them. */
export function withReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('pretty'))
    .option('-o, --output-file <path>', 'write the report to this file (atomically) instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('--color', 'force colours in `pretty` output')
    .option('--no-color', 'no colours (also: NO_COLOR=1)');
}

/** The diagnostics the report shows: only the errors with `--quiet`. */
export function shownDiagnostics(diagnostics: readonly Diagnostic[], options: ReportOptions): readonly Diagnostic[] {
  return options.quiet === true ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics;
}

/** Writes the report `render` makes to stdout (coloured when `pretty` goes to a terminal) or, atomically, to `--output-file`. */
export function writeReport(render: (color: boolean) => string, options: ReportOptions, io: Io): void {
  if (options.outputFile === undefined) io.stdout.write(render(options.format === 'pretty' && useColor(options.color, io.env, io.stdout.isTTY)));
  else writeFileAtomic(resolve(io.cwd, options.outputFile), render(false));
}

/** 1 when there are errors, or more warnings than `--max-warnings`; else 0. */
export function reportExit(diagnostics: readonly Diagnostic[], options: ReportOptions): number {
  const counts = countBySeverity(diagnostics);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warnings > options.maxWarnings;
  return counts.errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

function parseCount(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`invalid --max-warnings \`${text}\`, expected a whole number`);
  return Number(text);
}
