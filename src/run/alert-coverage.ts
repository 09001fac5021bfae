/**
 * Alert coverage in the pipeline: the alert rule files the shell read are parsed and the alert
 * rules (scope `alerts`, src/check/coverage/) run over them and the runbooks, with the one runner
 * and severity lookup. Used by `coverage`, and by `check` and `build --strict` when `alerts.rules`
 * is set (through `loadProjectFrom` with `alerts`).
 */
import type { AlertsInput } from '../check/coverage/alert-rule.js';
import { computeCoverage, type Coverage } from '../check/coverage/coverage.js';
import { parseRuleFileSource } from '../check/coverage/rule-file.js';
import type { RuleContext } from '../check/rule.js';
import { runAlertChecks } from '../check/run.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';
import type { RuleFiles } from '../model/rule-file-source.js';

/** Alert coverage of some runbooks: the alert rules' diagnostics, the summary, and the rule files read. */
export interface AlertCoverage {
  readonly coverage: Coverage;
  readonly diagnostics: readonly Diagnostic[];
  /** The rule files read, as shown to users. */
  readonly ruleFiles: readonly string[];
  /** The globs that matched no file. */
  readonly unmatched: readonly string[];
}

/**
 * Parses the rule files read and runs the alert rules over them and `runbooks`. `configFile` is
 * where unmatched globs are reported; `complete` says whether `runbooks` is the whole collection
 * (see {@link AlertsInput}).
 */
export function alertCoverage(
  runbooks: readonly Runbook[],
  context: RuleContext,
  read: RuleFiles,
  options: { readonly configFile: string; readonly complete: boolean },
): AlertCoverage {
  const ruleFiles = read.files.map(parseRuleFileSource);
  const alerts: AlertsInput = { ruleFiles, unmatched: read.unmatched.map((glob) => ({ glob, file: options.configFile })), complete: options.complete };
  return {
    coverage: computeCoverage(ruleFiles, runbooks),
    diagnostics: runAlertChecks(runbooks, alerts, context),
    ruleFiles: ruleFiles.map((file) => file.file),
    unmatched: read.unmatched,
  };
}
