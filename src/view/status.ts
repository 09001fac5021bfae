import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { dueOf, lastTestedOf, type ReviewView } from './review.js';

/** The status a reader sees: can this runbook be trusted right now? */
export type StatusKind = 'fresh' | 'due-soon' | 'stale' | 'never-tested' | 'incomplete' | 'untracked';

export interface RunbookStatus {
  readonly kind: StatusKind;
  readonly label: string;
  /** The date the steps were last tested, when known (also without a review interval). */
  readonly lastTested: string | undefined;
  /** The date they are due again, when known. */
  readonly due: string | undefined;
  /** The check problems of this runbook, errors first, for the banner and the catalog. */
  readonly problems: readonly Diagnostic[];
}

const LABELS: Readonly<Record<StatusKind, string>> = {
  fresh: 'Fresh',
  'due-soon': 'Due soon',
  stale: 'Stale',
  'never-tested': 'Never tested',
  incomplete: 'Incomplete',
  untracked: 'Not tracked',
};

/** Status labels in order of concern, most worrying first (for filters and legends). */
export const STATUS_ORDER: readonly StatusKind[] = ['never-tested', 'stale', 'incomplete', 'untracked', 'due-soon', 'fresh'];

export function statusLabel(kind: StatusKind): string {
  return LABELS[kind];
}

/**
 * The status of a runbook given its review and the problems the rules that are on found in it. Never
 * tested and stale come first (the recovery cannot be trusted), each only while its rule is on; then
 * incomplete (an error of any other rule); then not tracked (no test date, no review interval, or a
 * staleness whose rule is off); then due soon (while its rule is on), else fresh. So a runbook whose
 * only problems come from rules turned off is never shown as having problems.
 */
export function runbookStatus(
  review: ReviewView,
  diagnostics: readonly Diagnostic[],
  config: Pick<Config, 'dueSoonDays'>,
  ruleOn: (ruleId: string) => boolean = () => true,
): RunbookStatus {
  const problems = [...diagnostics].sort((a, b) => rank(a) - rank(b));
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.ruleId !== 'stale' && diagnostic.ruleId !== 'never-tested');
  const overdue = review.kind === 'tested' && review.daysLeft < 0;
  const kind: StatusKind =
    review.kind === 'never-tested' && ruleOn('never-tested')
      ? 'never-tested'
      : overdue && ruleOn('stale')
        ? 'stale'
        : hasErrors
          ? 'incomplete'
          : review.kind !== 'tested' || overdue
            ? 'untracked'
            : review.daysLeft <= config.dueSoonDays && ruleOn('due-soon')
              ? 'due-soon'
              : 'fresh';
  return { kind, label: LABELS[kind], lastTested: lastTestedOf(review), due: dueOf(review), problems };
}

function rank(diagnostic: Diagnostic): number {
  return diagnostic.severity === 'error' ? 0 : diagnostic.severity === 'warning' ? 1 : 2;
}
