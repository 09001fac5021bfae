import { formatCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { reviewStatus } from '../model/review.js';
import type { Runbook } from '../model/runbook.js';

/** The status a reader sees: can this runbook be trusted right now? */
export type StatusKind = 'fresh' | 'due-soon' | 'stale' | 'never-tested' | 'incomplete';

export interface RunbookStatus {
  readonly kind: StatusKind;
  readonly label: string;
  readonly lastTested: string | undefined;
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
 * The status of a runbook on `today`: never tested and stale come first (the recovery cannot be
 * trusted), then incomplete (any other error), then due soon, else fresh.
 */
export function runbookStatus(runbook: Runbook, diagnostics: readonly Diagnostic[], config: Config, today: CalendarDate): RunbookStatus {
  const review = reviewStatus(runbook, today);
  const problems = [...diagnostics].sort((a, b) => rank(a) - rank(b));
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.ruleId !== 'stale' && diagnostic.ruleId !== 'never-tested');
  const kind: StatusKind =
    review.kind === 'never-tested'
      ? 'never-tested'
      : review.kind === 'tested' && review.daysLeft < 0
        ? 'stale'
        : hasErrors || review.kind === 'unknown'
          ? 'incomplete'
          : review.daysLeft <= config.dueSoonDays
            ? 'due-soon'
            : 'fresh';
  return {
    kind,
    label: LABELS[kind],
    lastTested: review.kind === 'tested' ? formatCalendarDate(review.lastTested) : undefined,
    due: review.kind === 'tested' ? formatCalendarDate(review.due) : undefined,
    problems,
  };
}

function rank(diagnostic: Diagnostic): number {
  return diagnostic.severity === 'error' ? 0 : diagnostic.severity === 'warning' ? 1 : 2;
}
