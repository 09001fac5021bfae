import { inspect } from 'node:util';
import { compareDiagnostics, FILE_START, type Diagnostic, type Severity } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';
import type { Loaded } from '../model/runbook.js';
import type { AlertsInput } from './coverage/alert-rule.js';
import { RULES } from './registry.js';
import { diagnosticOf, type Finding, type Rule, type RuleContext } from './rule.js';
import { internalError, internalErrorFinding } from './rules/internal-error.js';
import { unreadableFile, unreadableFileFinding } from './rules/unreadable-file.js';

/** A file after reading: a loaded result, or the error that reading it threw (a bug, reported on the file). */
export type ReadResult = Loaded | { readonly kind: 'crashed'; readonly file: string; readonly error: unknown };

/**
 * Runs every enabled rule over the files of one run and returns all diagnostics, sorted. A rule
 * that throws on one runbook becomes an `internal-error` diagnostic on that runbook; the others go on.
 */
export function runChecks(results: readonly ReadResult[], context: RuleContext): readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const add = adder(diagnostics, context);
  const runbooks: Runbook[] = [];
  for (const result of results) {
    if (result.kind === 'runbook') runbooks.push(result.runbook);
    else if (result.kind === 'unreadable') {
      add(unreadableFile, [unreadableFileFinding('unreadable-file', { reason: result.reason }, { file: result.file, span: result.span, subject: '' })]);
    } else add(internalError, [crashFinding(result.file, 'reading the file', result.error)]);
  }
  for (const rule of RULES) {
    if (severityOf(rule, context) === undefined) continue;
    if (rule.scope === 'runbook') {
      for (const runbook of runbooks) {
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
  return diagnostics.sort(compareDiagnostics);
}

/**
 * Runs every enabled alert rule (scope `alerts`) over the runbooks and the alert rule files read
 * beside them, and returns their diagnostics, sorted: what `runbook coverage` reports, and `check`
 * adds to {@link runChecks}' when `alerts.rules` is set. A rule that throws becomes an
 * `internal-error` diagnostic on the root; the others go on.
 */
export function runAlertChecks(runbooks: readonly Runbook[], alerts: AlertsInput, context: RuleContext): readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const add = adder(diagnostics, context);
  for (const rule of RULES) {
    if (rule.scope !== 'alerts' || severityOf(rule, context) === undefined) continue;
    try {
      add(rule, rule.check(runbooks, alerts, context));
    } catch (error: unknown) {
      add(internalError, [crashFinding(context.rootLabel, `rule \`${rule.id}\``, error)]);
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

/** Adds a rule's findings to `diagnostics` with the rule's configured severity (none when it is off). */
function adder(diagnostics: Diagnostic[], context: RuleContext): (rule: Rule, findings: readonly Finding[]) => void {
  return (rule, findings) => {
    const severity = severityOf(rule, context);
    if (severity === undefined) return;
    // Every message is formatted before any is added: a format that throws adds none of the rule's.
    const made = findings.map((finding) => diagnosticOf(rule, finding, severity));
    for (const diagnostic of made) diagnostics.push(diagnostic);
  };
}

/** The configured severity of a rule, or undefined when it is off. */
function severityOf(rule: Rule, context: RuleContext): Severity | undefined {
  const setting = context.config.rules.get(rule.id) ?? rule.defaultSeverity;
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
