import { formatCalendarDate } from '../../model/calendar-date.js';
import { reviewStatus } from '../../model/review.js';
import type { Rule } from '../rule.js';

/** due-soon: the review is due within the due-soon window (default 14 days): time to plan a drill. */
export const dueSoon: Rule = {
  id: 'due-soon',
  scope: 'runbook',
  category: 'staleness',
  defaultSeverity: 'warning',
  summary: 'The review is due within the due-soon window (default 14 days).',
  why: 'A drill takes planning; a warning before the deadline avoids a red build on the day.',
  fix: 'Schedule a drill of the recovery steps before the due date, then record it with `runbook tested <id>`.',
  examples: {
    ok: '---\nseverity: low\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nreview_every: 30d\nlast_tested: 2026-11-01\n---\n',
  },
  check(runbook, context) {
    const status = reviewStatus(runbook, context.today);
    if (status.kind !== 'tested' || status.daysLeft < 0 || status.daysLeft > context.config.dueSoonDays) return [];
    const when = status.daysLeft === 0 ? 'today' : `in ${status.daysLeft} day${status.daysLeft === 1 ? '' : 's'}`;
    return [
      {
        file: runbook.file,
        span: status.span,
        message: `Review due ${when} (${formatCalendarDate(status.due)}); last tested ${formatCalendarDate(status.lastTested)}`,
      },
    ];
  },
};
