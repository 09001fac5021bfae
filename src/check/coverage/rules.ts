import type { Rule } from '../rule.js';

/**
 * The rules of alert coverage (`runbook coverage`, and `check` when `alerts.rules` is set). They are
 * listed in the registry like every rule, so `rules:` in the config sets their severity and the docs
 * describe them; their findings come from `computeCoverage`, which reads the rule files beside the
 * runbooks (docs/coverage.md has examples).
 */

/** alert-rules-invalid: a rule file that is not valid YAML, not Prometheus rules, or unreadable. */
export const alertRulesInvalid: Rule = {
  id: 'alert-rules-invalid',
  scope: 'loader',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'An alert rule file is not valid YAML, not shaped like Prometheus rules, or cannot be read.',
  why: 'Alerts in a file that cannot be read are alerts nobody checks; Prometheus would reject the file too.',
  fix: 'Fix the YAML at the reported line and column: `groups[].rules[]`, or `spec.groups` in a `PrometheusRule`.',
};

/** alert-rules-not-found: a glob of `alerts.rules` that matches no file. */
export const alertRulesNotFound: Rule = {
  id: 'alert-rules-not-found',
  scope: 'loader',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'A glob in `alerts.rules` matches no file.',
  why: 'A moved or renamed rule file would otherwise leave every alert in it unchecked, silently.',
  fix: 'Correct the glob (it is relative to the config file), or remove it.',
};

/** alert-without-runbook: an alert that no runbook answers. */
export const alertWithoutRunbook: Rule = {
  id: 'alert-without-runbook',
  scope: 'loader',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'An alert rule defines an alert that no runbook answers.',
  why: 'The engineer paged by this alert has nothing written down to follow.',
  fix: 'Write a runbook and list the alert under its `alerts:`, or add it to the runbook that already answers it.',
};

/** runbook-alert-undefined: a runbook answering an alert that no rule file defines. */
export const runbookAlertUndefined: Rule = {
  id: 'runbook-alert-undefined',
  scope: 'loader',
  category: 'alerts',
  defaultSeverity: 'warning',
  summary: 'A runbook answers an alert that no alert rule defines.',
  why: 'Usually a renamed or deleted alert (or a typo): the runbook is no longer reached from any page.',
  fix: 'Rename the alert to the name the rule uses, or remove it from `alerts:` if the alert is gone.',
};

/** alert-without-runbook-url: an alert rule without a `runbook_url` annotation. */
export const alertWithoutRunbookUrl: Rule = {
  id: 'alert-without-runbook-url',
  scope: 'loader',
  category: 'alerts',
  defaultSeverity: 'warning',
  summary: 'An alert rule has no `runbook_url` annotation.',
  why: 'Without the link the page arrives without the way to its runbook; the on-call engineer has to search.',
  fix: 'Add `annotations: {runbook_url: …}` with the URL `alerts.url` gives for the alert.',
};

/** runbook-url-mismatch: a `runbook_url` that does not lead to the runbook answering the alert. */
export const runbookUrlMismatch: Rule = {
  id: 'runbook-url-mismatch',
  scope: 'loader',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'An alert rule\'s `runbook_url` does not lead to the runbook that answers the alert (under `alerts.url`).',
  why: 'A link to the wrong page, or to no page, is worse than no link in the middle of an incident.',
  fix: 'Set `runbook_url` to the expected URL shown, or move the alert to the runbook the URL leads to.',
};

/** Every coverage rule, in the order the docs list them. */
export const COVERAGE_RULES = [
  alertRulesInvalid,
  alertRulesNotFound,
  alertWithoutRunbook,
  runbookAlertUndefined,
  alertWithoutRunbookUrl,
  runbookUrlMismatch,
] as const;

/** The id of a coverage rule. */
export type CoverageRuleId =
  | 'alert-rules-invalid'
  | 'alert-rules-not-found'
  | 'alert-without-runbook'
  | 'runbook-alert-undefined'
  | 'alert-without-runbook-url'
  | 'runbook-url-mismatch';
