import type { Diagnostic } from '../model/diagnostic.js';
import type { RuleDoc } from '../check/rule.js';

/** Everything a formatter needs about one `check` run: plain data. */
export interface CheckReport {
  readonly tool: { readonly name: string; readonly version: string };
  /** Every file checked, as shown to users, sorted; files without problems included. */
  readonly files: readonly string[];
  /** Sorted by file, line, column, rule. */
  readonly diagnostics: readonly Diagnostic[];
  /** The documentation of every rule, for formats that describe rules (SARIF). */
  readonly rules: readonly RuleDoc[];
}

/** Options that change how a report is written, never what it says. */
export interface FormatOptions {
  /** ANSI colours (only `pretty` uses them). */
  readonly color: boolean;
}

/** A formatter: a pure function from a report to the text to print or write. */
export type Formatter = (report: CheckReport, options: FormatOptions) => string;

/** Counts by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
