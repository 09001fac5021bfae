import { daysBetween, type CalendarDate } from './calendar-date.js';
import type { Span } from './diagnostic.js';
import { addDuration, type Duration } from './duration.js';
import type { Runbook } from './runbook.js';

/** Where a tested runbook stands against its review interval on a given day. */
export type ReviewStatus =
  | { readonly kind: 'never-tested'; readonly span: Span }
  | {
      readonly kind: 'tested';
      readonly lastTested: CalendarDate;
      readonly interval: Duration;
      readonly due: CalendarDate;
      /** Days from today to the due date: negative when overdue. */
      readonly daysLeft: number;
      readonly span: Span;
    }
  | { readonly kind: 'unknown' };

/**
 * The review status of a runbook on `today`: the due date is `last_tested` plus `review_every` (or the
 * severity's interval). Unknown when the test date or the interval is not known: never guessed.
 */
export function reviewStatus(runbook: Runbook, today: CalendarDate): ReviewStatus {
  const lastTested = runbook.lastTested;
  if (lastTested.kind === 'none') return { kind: 'unknown' };
  if (lastTested.value.kind === 'never') return { kind: 'never-tested', span: lastTested.span };
  const interval =
    runbook.reviewEvery.kind === 'given'
      ? runbook.reviewEvery.value
      : runbook.severity.kind === 'given'
        ? runbook.severity.value.reviewEvery
        : undefined;
  if (interval === undefined) return { kind: 'unknown' };
  const due = addDuration(lastTested.value.date, interval);
  return {
    kind: 'tested',
    lastTested: lastTested.value.date,
    interval,
    due,
    daysLeft: daysBetween(today, due),
    span: lastTested.span,
  };
}
