import { compareDates, formatCalendarDate } from '../../model/calendar-date.js';
import type { Rule } from '../rule.js';

/** edited-after-test: git shows a commit to the runbook after its `last_tested` date. */
export const editedAfterTest: Rule = {
  id: 'edited-after-test',
  scope: 'runbook',
  category: 'git',
  defaultSeverity: 'info',
  summary: 'The runbook was edited (per git) after its recovery steps were last tested.',
  why: 'Edited steps are untested steps; worth knowing, not always worth failing a build for.',
  fix: 'If the recovery steps changed, exercise them again and update `last_tested`.',
  check(runbook, context) {
    const lastTested = runbook.lastTested;
    if (context.git.kind !== 'repository' || context.git.shallow || lastTested.kind !== 'given' || lastTested.value.kind !== 'on') return [];
    const edited = context.git.lastEdited.get(runbook.path);
    if (edited === undefined || compareDates(edited, lastTested.value.date) <= 0) return [];
    return [
      {
        file: runbook.file,
        span: lastTested.span,
        message: `Edited on ${formatCalendarDate(edited)} (git), after it was last tested on ${formatCalendarDate(lastTested.value.date)}`,
      },
    ];
  },
};
