import type { Diagnostic } from '../model/diagnostic.js';
import type { CheckReport } from './report.js';

/** One file of a report and its diagnostics, in report order. */
export interface FileGroup {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The report's diagnostics grouped by file: every checked file (clean ones with no diagnostics),
 * plus any other path a diagnostic names (run-wide findings are reported on the runbooks root, which
 * is not a checked file), sorted by path as `compareDiagnostics` sorts them.
 */
export function groupByFile(report: CheckReport): readonly FileGroup[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of report.files) byFile.set(file, []);
  for (const diagnostic of report.diagnostics) {
    const group = byFile.get(diagnostic.file);
    if (group === undefined) byFile.set(diagnostic.file, [diagnostic]);
    else group.push(diagnostic);
  }
  return [...byFile]
    .map(([file, diagnostics]): FileGroup => ({ file, diagnostics }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
