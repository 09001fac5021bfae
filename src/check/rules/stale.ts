import { formatCalendarDate } from '../../model/calendar-date.js';
import { formatDuration } from '../../model/duration.js';
import { reviewStatus } from '../../model/review.js';
import type { Rule } from '../rule.js';

/**
 * stale: the recovery steps were not tested within the review interval. An untested recovery
 * procedure is a guess; this is the rule the tool exists for.
 */
export const stale: Rule = {
  id: 'stale',
  scope: 'runbook',
  category: 'staleness',
  defaultSeverity: 'error',
  summary: 'The recovery steps were last tested longer ago than the review interval allows.',
  why: 'Systems drift; recovery steps that have not been exercised recently may no longer work when they are needed.',
  fix: 'Run the recovery procedure (a drill or a game day), then set `last_tested` to that day (`runbook tested <id>`).',
  examples: {
    ok: '---\nseverity: low\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nseverity: critical\nlast_tested: 2025-01-10\n---\n',
  },
  check(runbook, context) {
    const status = reviewStatus(runbook, context.today);
    if (status.kind !== 'tested' || status.daysLeft >= 0) return [];
    const overdue = -status.daysLeft;
    return [
      {
        file: runbook.file,
        span: status.span,
        message: `Stale: last tested ${formatCalendarDate(status.lastTested)}, due ${formatCalendarDate(status.due)} (every ${formatDuration(status.interval)}); ${overdue} day${overdue === 1 ? '' : 's'} overdue`,
        actual: formatCalendarDate(status.lastTested),
        expected: `a test within the last ${formatDuration(status.interval)}`,
      },
    ];
  },
};

