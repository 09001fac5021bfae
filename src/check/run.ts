import { inspect } from 'node:util';
import { compareDiagnostics, type Diagnostic, type Severity } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';
import type { Loaded } from '../model/runbook.js';
import { RULES } from './registry.js';
import type { Finding, Rule, RuleContext } from './rule.js';
import { internalError } from './rules/internal-error.js';
import { unreadableFile } from './rules/unreadable-file.js';

/** A file after reading: a loaded result, or the error that reading it threw (a bug, reported on the file). */
export type ReadResult = Loaded | { readonly kind: 'crashed'; readonly file: string; readonly error: unknown };

/**
 * Runs every enabled rule over the files of one run and returns all diagnostics, sorted. A rule
 * that throws on one runbook becomes an `internal-error` diagnostic on that runbook; the others go on.
 */
export function runChecks(results: readonly ReadResult[], context: RuleContext): readonly Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const add = (rule: Rule, findings: readonly Finding[]): void => {
    const severity = severityOf(rule, context);
    if (severity === undefined) return;
    for (const finding of findings) diagnostics.push({ ...finding, ruleId: rule.id, severity });
  };
  const runbooks: Runbook[] = [];
  for (const result of results) {
    if (result.kind === 'runbook') runbooks.push(result.runbook);
    else if (result.kind === 'unreadable') {
      add(unreadableFile, [{ file: result.file, span: result.span, message: `Cannot read the file: ${result.reason}` }]);
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

/** The configured severity of a rule, or undefined when it is off. */
export function severityOf(rule: Rule, context: RuleContext): Severity | undefined {
  const setting = context.config.rules.get(rule.id) ?? rule.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

function crashFinding(file: string, doing: string, error: unknown): Finding {
  return {
    file,
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    message: `Internal error while ${doing}: ${describeError(error)} (this is a bug in runbook; please report it)`,
  };
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
