import { compareDates, daysBetween, type CalendarDate } from './calendar-date.js';
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
 * The review status of a runbook on `today`: the due date is `last_tested` plus `review_every` or the
 * severity's interval, whichever comes first (the severity's interval is a ceiling: `review_every:
 * 9999y` must not keep a critical runbook fresh). Unknown when the test date or the interval is not
 * known: never guessed.
 */
export function reviewStatus(runbook: Runbook, today: CalendarDate): ReviewStatus {
  const lastTested = runbook.lastTested;
  if (lastTested.kind === 'none') return { kind: 'unknown' };
  if (lastTested.value.kind === 'never') return { kind: 'never-tested', span: lastTested.span };
  const interval = reviewInterval(runbook, lastTested.value.date);
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

/** A `review_every` that would make a runbook due later than its severity allows. */
export interface IntervalOverPolicy {
  readonly given: Duration;
  readonly policy: Duration;
  readonly severity: string;
  readonly span: Span;
}

/**
 * The runbook's `review_every` when, counted from `start`, it ends after the interval of the
 * runbook's severity; undefined when it does not, or either is not known.
 */
export function intervalOverPolicy(runbook: Runbook, start: CalendarDate): IntervalOverPolicy | undefined {
  if (runbook.reviewEvery.kind !== 'given' || runbook.severity.kind !== 'given') return undefined;
  const given = runbook.reviewEvery.value;
  const policy = runbook.severity.value.reviewEvery;
  if (compareDates(addDuration(start, given), addDuration(start, policy)) <= 0) return undefined;
  return { given, policy, severity: runbook.severity.value.id, span: runbook.reviewEvery.span };
}

/** The interval that applies from `start`: `review_every` capped by the severity's, or whichever is known. */
function reviewInterval(runbook: Runbook, start: CalendarDate): Duration | undefined {
  const policy = runbook.severity.kind === 'given' ? runbook.severity.value.reviewEvery : undefined;
  if (runbook.reviewEvery.kind !== 'given') return policy;
  return intervalOverPolicy(runbook, start) === undefined ? runbook.reviewEvery.value : policy;
}
