import { formatCalendarDate } from '../../model/calendar-date.js';
import { reviewStatus } from '../../model/review.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'due-soon': (p: { readonly daysLeft: number; readonly due: string; readonly lastTested: string }) =>
    `Review due ${p.daysLeft === 0 ? 'today' : `in ${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'}`} (${p.due}); last tested ${p.lastTested}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** due-soon: the review is due within the due-soon window (default 14 days): time to plan a drill. */
export const dueSoon: Rule = {
  id: 'due-soon',
  scope: 'runbook',
  category: 'staleness',
  defaultSeverity: 'warning',
  summary: 'The review is due within the due-soon window (default 14 days).',
  why: 'A drill takes planning; a warning before the deadline avoids a red build on the day.',
  fix: 'Schedule a drill of the recovery steps before the due date (`runbook due` lists what falls due), then run it with `runbook drill <id>` (or record it with `runbook tested <id>`).',
  examples: {
    ok: '---\nseverity: low\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nreview_every: 30d\nlast_tested: 2026-11-01\n---\n',
    reported: [{ at: '3:14' }],
  },
  messages,
  check(runbook, context) {
    const status = reviewStatus(runbook, context.today);
    if (status.kind !== 'tested' || status.daysLeft < 0 || status.daysLeft > context.config.dueSoonDays) return [];
    const params = { daysLeft: status.daysLeft, due: formatCalendarDate(status.due), lastTested: formatCalendarDate(status.lastTested) };
    return [finding('due-soon', params, { file: runbook.file, span: status.span, subject: '' })];
  },
};
