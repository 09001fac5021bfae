import { formatCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { formatDuration } from '../model/duration.js';
import { reviewStatus } from '../model/review.js';
import type { Runbook } from '../model/runbook.js';

/**
 * When the steps were last exercised and when they are due again, as every output shows it (dates
 * written out). One value, so the site, the catalog, the cheat sheets and `show` cannot disagree.
 */
export type ReviewView =
  | { readonly kind: 'never-tested' }
  | { readonly kind: 'tested'; readonly lastTested: string; readonly due: string; readonly daysLeft: number; readonly interval: string }
  /** Tested, but neither `review_every` nor a known severity says how often: no due date. */
  | { readonly kind: 'no-interval'; readonly lastTested: string }
  /** `last_tested` is missing or invalid. */
  | { readonly kind: 'unknown' };

/** The review of a runbook on `today`. */
export function reviewView(runbook: Runbook, today: CalendarDate): ReviewView {
  const review = reviewStatus(runbook, today);
  if (review.kind === 'tested') {
    return {
      kind: 'tested',
      lastTested: formatCalendarDate(review.lastTested),
      due: formatCalendarDate(review.due),
      daysLeft: review.daysLeft,
      interval: formatDuration(review.interval),
    };
  }
  if (review.kind === 'never-tested') return { kind: 'never-tested' };
  const lastTested = runbook.lastTested;
  return lastTested.kind === 'given' && lastTested.value.kind === 'on'
    ? { kind: 'no-interval', lastTested: formatCalendarDate(lastTested.value.date) }
    : { kind: 'unknown' };
}

/** The date the steps were last tested, when one is known. */
export function lastTestedOf(review: ReviewView): string | undefined {
  return review.kind === 'tested' || review.kind === 'no-interval' ? review.lastTested : undefined;
}

/** Last tested as written out: `never`, the date, or undefined when not known. */
export function lastTestedText(review: ReviewView): string | undefined {
  return review.kind === 'never-tested' ? 'never' : lastTestedOf(review);
}

/** The date the steps are due again, when one is known. */
export function dueOf(review: ReviewView): string | undefined {
  return review.kind === 'tested' ? review.due : undefined;
}
