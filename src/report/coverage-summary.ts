import { printable } from '../text/terminal-text.js';
import type { Coverage } from '../check/coverage/coverage.js';

/** How many uncovered alert names a summary line lists before "and N more". */
const LISTED = 5;

/**
 * The coverage summary for people: alerts answered by a runbook / alerts defined, per rule file and
 * over all of them, with the first few uncovered names. File and alert names come from the
 * repository, so they are made printable (no terminal escapes).
 */
export function coverageText(coverage: Coverage): string {
  const rows = [
    ...coverage.files.map((file) => ({
      label: printable(file.file),
      covered: file.alerts.length - file.uncovered.length,
      total: file.alerts.length,
      missing: file.uncovered.map(printable),
    })),
    { label: 'all rule files', covered: coverage.total.covered, total: coverage.total.alerts, missing: [] },
  ];
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const countWidth = Math.max(...rows.map((row) => `${String(row.covered)} / ${String(row.total)}`.length));
  const lines = rows.map((row) => {
    const count = `${String(row.covered)} / ${String(row.total)}`;
    const missing =
      row.missing.length === 0
        ? ''
        : `  no runbook: ${row.missing.slice(0, LISTED).join(', ')}${row.missing.length > LISTED ? `, and ${String(row.missing.length - LISTED)} more` : ''}`;
    return `  ${row.label.padEnd(labelWidth)}  ${count.padStart(countWidth)}${missing}`;
  });
  return `Alert coverage (alerts with a runbook / alerts defined):\n${lines.join('\n')}\n`;
}

/** The coverage summary in the `coverage --format json` document (the `coverage` key). */
export interface CoverageJson {
  readonly alerts: number;
  readonly covered: number;
  readonly files: readonly { readonly file: string; readonly alerts: number; readonly covered: number; readonly uncovered: readonly string[] }[];
}

/** The coverage summary as plain data for the JSON report. */
export function coverageJson(coverage: Coverage): CoverageJson {
  return {
    alerts: coverage.total.alerts,
    covered: coverage.total.covered,
    files: coverage.files.map((file) => ({ file: file.file, alerts: file.alerts.length, covered: file.alerts.length - file.uncovered.length, uncovered: file.uncovered })),
  };
}
