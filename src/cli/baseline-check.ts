/**
 * `check` with a baseline: the findings the baseline file holds back are left out of the report (and
 * of the exit code), and the notes say how many, which count again, and which entries no longer
 * match. Unmatched entries never fail the run: fixing a problem must not turn CI red; `runbook
 * baseline --prune` removes them. Without a baseline file (or with `--no-baseline`) `check` is as it
 * always was.
 */
import { displayPath } from '../io/discover.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { applyBaseline } from '../report/baseline.js';
import { baselineNotes, baselineTally, freshDiagnostics, reportWithNotes } from '../report/baseline-notes.js';
import { sarifWithBaseline } from '../report/baseline-sarif.js';
import { FORMATTERS, type FormatName } from '../report/index.js';
import type { CheckReport } from '../report/report.js';
import { readBaselineFile, runFindings, runScope } from './baseline-file.js';
import type { CheckRun } from './check.js';

/** A run's findings sorted by the baseline. */
export interface LaidBaseline {
  /** The findings that count: new ones, and those whose entry expired. */
  readonly fresh: readonly Diagnostic[];
  readonly held: ReadonlySet<Diagnostic>;
  readonly notes: readonly string[];
  /** The baseline file, as shown to users. */
  readonly file: string;
}

/** The config's baseline laid over `run`, or undefined when there is no baseline file. */
export function laidOverBaseline(run: CheckRun): LaidBaseline | undefined {
  const { config, cwd, today } = run.inputs;
  const baseline = readBaselineFile(config.baseline.file, cwd);
  if (baseline === undefined) return undefined;
  const outcome = applyBaseline(runFindings(run), baseline, runScope(run), today);
  const file = displayPath(config.baseline.file, cwd);
  return {
    fresh: freshDiagnostics(run.diagnostics, outcome),
    held: new Set(run.diagnostics.filter((_, index) => outcome.verdicts[index] === 'held')),
    notes: baselineNotes(baselineTally(file, outcome)),
    file,
  };
}

/**
 * The report in `format` with the baseline: `pretty` and `concise` add the notes, SARIF lists the
 * held-back findings as suppressed (`everyShown`: the report's findings before the baseline), the
 * other formats report the fresh findings only.
 */
export function reportWithBaseline(report: CheckReport, everyShown: readonly Diagnostic[], laid: LaidBaseline, format: FormatName, color: boolean): string {
  if (format === 'sarif') return sarifWithBaseline({ ...report, diagnostics: everyShown }, laid.held, laid.file);
  return reportWithNotes(format, report, laid.notes, color) ?? FORMATTERS[format](report, { color });
}
