/**
 * SARIF with the baseline: every finding is a result, and those the baseline holds back carry a
 * suppression of kind `external` (recorded outside the runbook, in the baseline file), which GitHub
 * code scanning and other SARIF viewers show as suppressed rather than open. Their fingerprints are
 * the same as without a baseline, since the result list is the same.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { jsonText } from './json-text.js';
import type { CheckReport } from './report.js';
import { sarif } from './sarif.js';

/** The parts of `sarif`'s log this adds to. */
interface SarifLog {
  readonly runs: readonly { readonly results: Record<string, unknown>[] }[];
}

/** `report` (every finding, held back ones included) as SARIF, `held` ones marked suppressed by `baselineFile`. */
export function sarifWithBaseline(report: CheckReport, held: ReadonlySet<Diagnostic>, baselineFile: string): string {
  // Our own output read back: its shape is the one `sarif` writes.
  const log = JSON.parse(sarif(report, { color: false })) as SarifLog;
  const results = log.runs[0]?.results ?? [];
  report.diagnostics.forEach((diagnostic, index) => {
    const result = results[index];
    if (result !== undefined && held.has(diagnostic)) result.suppressions = [{ kind: 'external', justification: `known problem recorded in ${baselineFile}` }];
  });
  return jsonText(log);
}
