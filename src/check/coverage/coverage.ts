import type { Runbook } from '../../model/runbook.js';
import type { RuleFile } from './alert-rule.js';

/** How many of the alerts defined in one rule file some runbook answers. */
export interface FileCoverage {
  readonly file: string;
  /** The alert names the file defines, each once, in file order. */
  readonly alerts: readonly string[];
  /** The alerts no runbook answers, in file order. */
  readonly uncovered: readonly string[];
}

/** Alerts covered / total per rule file and overall: the summary `runbook coverage` ends with. */
export interface Coverage {
  readonly files: readonly FileCoverage[];
  /** Distinct alert names over all rule files. */
  readonly total: { readonly alerts: number; readonly covered: number };
}

/**
 * Counts the alerts the rule files define that some runbook answers (lists under `alerts`, or is
 * named after with `alerts.from_file_name`). What is wrong is for the alert rules to say (`COVERAGE_RULES`).
 */
export function computeCoverage(ruleFiles: readonly RuleFile[], runbooks: readonly Runbook[]): Coverage {
  const claimed = new Set(runbooks.flatMap((runbook) => runbook.alerts.map((alert) => alert.value)));
  const defined = new Set(ruleFiles.flatMap((ruleFile) => ruleFile.alerts.map((alert) => alert.name)));
  const files = ruleFiles.map((ruleFile): FileCoverage => {
    const alerts = [...new Set(ruleFile.alerts.map((alert) => alert.name))];
    return { file: ruleFile.file, alerts, uncovered: alerts.filter((name) => !claimed.has(name)) };
  });
  return { files, total: { alerts: defined.size, covered: [...defined].filter((name) => claimed.has(name)).length } };
}
