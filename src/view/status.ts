import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { dueOf, lastTestedOf, type ReviewView } from './review.js';

/** The status a reader sees: can this runbook be trusted right now? */
export type StatusKind = 'fresh' | 'due-soon' | 'stale' | 'never-tested' | 'incomplete';

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
};

/** Status labels in order of concern, most worrying first (for filters and legends). */
export const STATUS_ORDER: readonly StatusKind[] = ['never-tested', 'stale', 'incomplete', 'due-soon', 'fresh'];

export function statusLabel(kind: StatusKind): string {
  return LABELS[kind];
}

/**
 * The status of a runbook given its review: never tested and stale come first (the recovery cannot
 * be trusted), then incomplete (any other error, or no known due date), then due soon, else fresh.
 */
export function runbookStatus(review: ReviewView, diagnostics: readonly Diagnostic[], config: Pick<Config, 'dueSoonDays'>): RunbookStatus {
  const problems = [...diagnostics].sort((a, b) => rank(a) - rank(b));
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.ruleId !== 'stale' && diagnostic.ruleId !== 'never-tested');
  const kind: StatusKind =
    review.kind === 'never-tested'
      ? 'never-tested'
      : review.kind === 'tested' && review.daysLeft < 0
        ? 'stale'
        : hasErrors || review.kind !== 'tested'
          ? 'incomplete'
          : review.daysLeft <= config.dueSoonDays
            ? 'due-soon'
            : 'fresh';
  return { kind, label: LABELS[kind], lastTested: lastTestedOf(review), due: dueOf(review), problems };
}

function rank(diagnostic: Diagnostic): number {
  return diagnostic.severity === 'error' ? 0 : diagnostic.severity === 'warning' ? 1 : 2;
}
