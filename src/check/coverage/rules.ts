import type { Rule } from '../rule.js';
import { alertRulesInvalid } from './alert-rules-invalid.js';
import { alertRulesNotFound } from './alert-rules-not-found.js';
import { alertWithoutRunbook } from './alert-without-runbook.js';
import { alertWithoutRunbookUrl } from './alert-without-runbook-url.js';
import { runbookAlertUndefined } from './runbook-alert-undefined.js';
import { runbookUrlMismatch } from './runbook-url-mismatch.js';

/**
 * The rules of alert coverage (scope `alerts`: `runbook coverage`, and `check` when `alerts.rules`
 * is set), in the order the docs list them. They are in the registry like every rule; the runner
 * hands them the rule files beside the runbooks (docs/coverage.md has examples).
 */
export const COVERAGE_RULES: readonly Rule[] = [
  alertRulesInvalid,
  alertRulesNotFound,
  alertWithoutRunbook,
  runbookAlertUndefined,
  alertWithoutRunbookUrl,
  runbookUrlMismatch,
];
