import { formatCalendarDate } from '../../model/calendar-date.js';
import { formatDuration } from '../../model/duration.js';
import { reviewStatus } from '../../model/review.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  stale: (p: { readonly lastTested: string; readonly due: string; readonly interval: string; readonly overdueDays: number }) =>
    `Stale: last tested ${p.lastTested}, due ${p.due} (every ${p.interval}); ${p.overdueDays} day${p.overdueDays === 1 ? '' : 's'} overdue`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

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
  fix: 'Drill the recovery procedure: `runbook drill <id>` guides it, keeps a record and sets `last_tested`; after a game day or a real incident, `runbook tested <id>` sets `last_tested` to that day.',
  examples: {
    ok: '---\nseverity: low\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nseverity: critical\nlast_tested: 2025-01-10\n---\n',
    reported: [{ at: '3:14' }],
  },
  messages,
  check(runbook, context) {
    const status = reviewStatus(runbook, context.today);
    if (status.kind !== 'tested' || status.daysLeft >= 0) return [];
    const lastTested = formatCalendarDate(status.lastTested);
    const interval = formatDuration(status.interval);
    return [
      finding(
        'stale',
        { lastTested, due: formatCalendarDate(status.due), interval, overdueDays: -status.daysLeft },
        { file: runbook.file, span: status.span, subject: '', actual: lastTested, expected: `a test within the last ${interval}` },
      ),
    ];
  },
};
