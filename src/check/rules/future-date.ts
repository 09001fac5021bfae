import { compareDates, formatCalendarDate } from '../../model/calendar-date.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'future-date': (p: { readonly field: string; readonly date: string; readonly today: string }) =>
    `\`${p.field}\` is in the future: \`${p.date}\` is after today (${p.today})`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** future-date: `last_tested` is after today; a test cannot have happened yet. */
export const futureDate: Rule = {
  id: 'future-date',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'error',
  summary: '`last_tested` is a date in the future.',
  why: 'A future date is a typo that would keep the runbook "fresh" for years.',
  fix: 'Write the day the drill actually took place.',
  examples: {
    ok: '---\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nlast_tested: 2062-11-01\n---\n',
    reported: [{ at: '2:14' }],
  },
  messages,
  check(runbook, context) {
    const lastTested = runbook.lastTested;
    if (lastTested.kind !== 'given' || lastTested.value.kind !== 'on') return [];
    if (compareDates(lastTested.value.date, context.today) <= 0) return [];
    const written = formatCalendarDate(lastTested.value.date);
    const today = formatCalendarDate(context.today);
    return [
      finding('future-date', { field: context.config.fields.last_tested, date: written, today }, {
        file: runbook.file,
        span: lastTested.span,
        subject: '',
        actual: written,
        expected: `a date on or before ${today}`,
      }),
    ];
  },
};
