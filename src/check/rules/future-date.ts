import { compareDates, formatCalendarDate } from '../../model/calendar-date.js';
import type { Rule } from '../rule.js';

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
  },
  check(runbook, context) {
    const lastTested = runbook.lastTested;
    if (lastTested.kind !== 'given' || lastTested.value.kind !== 'on') return [];
    if (compareDates(lastTested.value.date, context.today) <= 0) return [];
    const written = formatCalendarDate(lastTested.value.date);
    return [
      {
        file: runbook.file,
        span: lastTested.span,
        message: `\`${context.config.fields.last_tested}\` is in the future: \`${written}\` is after today (${formatCalendarDate(context.today)})`,
        actual: written,
        expected: `a date on or before ${formatCalendarDate(context.today)}`,
      },
    ];
  },
};
