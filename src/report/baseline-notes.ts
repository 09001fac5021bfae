/**
 * What `check` says about the baseline it used: how many known problems it held back, how many count
 * again because their entries expired, and how many entries no longer match anything. `pretty` and
 * `concise` print these lines after the report; the machine formats leave them to stderr.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { plural } from '../text/plural.js';
import { printable } from '../text/terminal-text.js';
import { palette } from './ansi.js';
import type { BaselineOutcome } from './baseline.js';
import { concise } from './concise.js';
import { pretty } from './pretty.js';
import type { CheckReport, Formatter } from './report.js';

/** The counts the notes are made of, and the baseline file as shown to users. */
export interface BaselineTally {
  readonly file: string;
  readonly held: number;
  readonly expired: number;
  readonly unused: number;
}

/** Counts an outcome. */
export function baselineTally(file: string, outcome: BaselineOutcome): BaselineTally {
  return {
    file,
    held: outcome.verdicts.filter((verdict) => verdict === 'held').length,
    expired: outcome.verdicts.filter((verdict) => verdict === 'expired').length,
    unused: outcome.unused.length,
  };
}

/** One line per thing worth saying, none when the baseline changed nothing. */
export function baselineNotes(tally: BaselineTally): readonly string[] {
  const file = printable(tally.file);
  return [
    ...(tally.held === 0 ? [] : [`${plural(tally.held, 'known problem')} held back by ${file}`]),
    ...(tally.expired === 0
      ? []
      : [
          tally.expired === 1
            ? `1 known problem counts again: its entry in ${file} expired`
            : `${String(tally.expired)} known problems count again: their entries in ${file} expired`,
        ]),
    ...(tally.unused === 0
      ? []
      : [
          tally.unused === 1
            ? '1 baseline entry no longer matches: run `runbook baseline --prune`'
            : `${String(tally.unused)} baseline entries no longer match: run \`runbook baseline --prune\``,
        ]),
  ];
}

/** The formats that print the notes in the report itself; the others leave them to stderr. */
const WITH_NOTES: Readonly<Record<string, Formatter>> = { pretty, concise };

/** Whether the `format` prints the notes in its report. */
export function notesInReport(format: string): boolean {
  return Object.hasOwn(WITH_NOTES, format);
}

/** `pretty` or `concise` with the notes after the report (dimmed with colour); other formats are not changed. */
export function reportWithNotes(format: string, report: CheckReport, notes: readonly string[], color: boolean): string | undefined {
  const formatter = Object.hasOwn(WITH_NOTES, format) ? WITH_NOTES[format] : undefined;
  if (formatter === undefined) return undefined;
  const dim = palette(color).dim;
  return formatter(report, { color }) + notes.map((note) => `${dim(note)}\n`).join('');
}

/** The diagnostics the baseline did not hold back (new ones, and those whose entry expired), in order. */
export function freshDiagnostics(diagnostics: readonly Diagnostic[], outcome: BaselineOutcome): readonly Diagnostic[] {
  return diagnostics.filter((_, index) => outcome.verdicts[index] !== 'held');
}
