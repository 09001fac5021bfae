import { inspect } from 'node:util';
import { compareDiagnostics, FILE_START, type Diagnostic, type Severity } from '../model/diagnostic.js';
import { ruleSettingIn, type FileSettings } from '../model/file-settings.js';
import type { Runbook } from '../model/runbook.js';
import { topLevelSettings } from '../parse/file-settings.js';
import type { Loaded } from '../model/runbook.js';
import type { AlertsInput } from './coverage/alert-rule.js';
import { NO_DRILL_RECORDS, type DrillRecordsRead } from './drill-records.js';
import { RULES } from './registry.js';
import { applySuppressions } from './suppressions.js';
import { diagnosticOf, type Finding, type Rule, type RuleContext } from './rule.js';
import { drillRecord } from './rules/drill-record.js';
import { internalError, internalErrorFinding } from './rules/internal-error.js';
import { invalidSuppression } from './rules/invalid-suppression.js';
import { unusedSuppression } from './rules/unused-suppression.js';
import { unreadableFile, unreadableFileFinding } from './rules/unreadable-file.js';

/** A file after reading: a loaded result, or the error that reading it threw (a bug, reported on the file). */
export type ReadResult = Loaded | { readonly kind: 'crashed'; readonly file: string; readonly error: unknown };

/**
 * Runs every enabled rule over the files of one run (the runbooks, and the findings of its drill
 * record files: see `readDrillRecords`) and returns all diagnostics, sorted. A rule that throws on
 * one runbook becomes an `internal-error` diagnostic on that runbook; the others go on.
 */
export function runChecks(results: readonly ReadResult[], context: RuleContext, records: DrillRecordsRead = NO_DRILL_RECORDS): readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const runbooks = results.flatMap((result) => (result.kind === 'runbook' ? [result.runbook] : []));
  const add = adder(diagnostics, runbooks, context);
  // The drill record files: reported on each file, with the top-level settings (no runbook's `overrides`).
  add(unreadableFile, records.unreadable);
  add(drillRecord, records.problems);
  for (const result of results) {
    if (result.kind === 'runbook') continue;
    if (result.kind === 'unreadable') {
      add(unreadableFile, [unreadableFileFinding('unreadable-file', { reason: result.reason }, { file: result.file, span: result.span, subject: '' })]);
    } else add(internalError, [crashFinding(result.file, 'reading the file', result.error)]);
  }
  for (const rule of RULES) {
    if (!onAnywhere(rule, runbooks, context)) continue;
    if (rule.scope === 'runbook') {
      for (const runbook of runbooks) {
        if (severityIn(rule, runbook.settings) === undefined) continue;
        try {
          add(rule, rule.check(runbook, context));
        } catch (error: unknown) {
          add(internalError, [crashFinding(runbook.file, `rule \`${rule.id}\``, error)]);
        }
      }
    } else if (rule.scope === 'collection') {
      try {
        add(rule, rule.check(runbooks, context));
      } catch (error: unknown) {
        add(internalError, [crashFinding(context.rootLabel, `rule \`${rule.id}\``, error)]);
      }
    }
  }
  // The comments in runbooks silence findings last, so that what they silence is known (docs/suppressions.md).
  const suppressed = applySuppressions(diagnostics, runbooks, RULES);
  const checked = [...suppressed.kept];
  const addChecked = adder(checked, runbooks, context);
  addChecked(invalidSuppression, suppressed.invalid);
  addChecked(unusedSuppression, suppressed.unused);
  for (const { file, error } of suppressed.crashed) addChecked(internalError, [crashFinding(file, 'applying suppression comments', error)]);
  return checked.sort(compareDiagnostics);
}

/**
 * Runs every enabled alert rule (scope `alerts`) over the runbooks and the alert rule files read
 * beside them, and returns their diagnostics, sorted: what `runbook coverage` reports, and `check`
 * adds to {@link runChecks}' when `alerts.rules` is set. A rule that throws becomes an
 * `internal-error` diagnostic on the root; the others go on.
 */
export function runAlertChecks(runbooks: readonly Runbook[], alerts: AlertsInput, context: RuleContext): readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const add = adder(diagnostics, runbooks, context);
  for (const rule of RULES) {
    if (rule.scope !== 'alerts' || !onAnywhere(rule, runbooks, context)) continue;
    try {
      add(rule, rule.check(runbooks, alerts, context));
    } catch (error: unknown) {
      add(internalError, [crashFinding(context.rootLabel, `rule \`${rule.id}\``, error)]);
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

/**
 * Adds a rule's findings to `diagnostics`, each with the rule's severity in the settings of the file
 * it is on (a runbook's, with its `overrides`; the top-level ones for any other file) and none when
 * the rule is off there.
 */
function adder(diagnostics: Diagnostic[], runbooks: readonly Runbook[], context: RuleContext): (rule: Rule, findings: readonly Finding[]) => void {
  const topLevel = topLevelSettings(context.config);
  const byFile = new Map(runbooks.map((runbook) => [runbook.file, runbook.settings]));
  return (rule, findings) => {
    // Every message is formatted before any is added: a format that throws adds none of the rule's.
    const made = findings.flatMap((finding) => {
      const severity = severityIn(rule, byFile.get(finding.file) ?? topLevel);
      return severity === undefined ? [] : [diagnosticOf(rule, finding, capped(severity, finding.severity))];
    });
    for (const diagnostic of made) diagnostics.push(diagnostic);
  };
}

/** Whether a rule is on for the top level or for some runbook, so that it has to run at all. */
function onAnywhere(rule: Rule, runbooks: readonly Runbook[], context: RuleContext): boolean {
  if (severityIn(rule, topLevelSettings(context.config)) !== undefined) return true;
  return context.config.overrides.length > 0 && runbooks.some((runbook) => severityIn(rule, runbook.settings) !== undefined);
}

/** The less severe of the configured severity and the most a finding says it is worth. */
function capped(configured: Severity, most: Severity | undefined): Severity {
  const order: readonly Severity[] = ['info', 'warning', 'error'];
  return most === undefined || order.indexOf(configured) <= order.indexOf(most) ? configured : most;
}

/** A rule's severity in some settings, or undefined when it is off there. */
function severityIn(rule: Rule, settings: FileSettings): Severity | undefined {
  const setting = ruleSettingIn(settings, rule.id, rule.defaultSeverity);
  return setting === 'off' ? undefined : setting;
}

function crashFinding(file: string, doing: string, error: unknown): Finding {
  return internalErrorFinding('internal-error', { doing, error: describeError(error) }, { file, span: FILE_START, subject: doing });
}

/** An error's message with its cause chain, on one line. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? current.message : inspect(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': caused by: ');
}
