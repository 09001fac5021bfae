import { compareDates, formatCalendarDate } from '../../model/calendar-date.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'edited-after-test': (p: { readonly edited: string; readonly lastTested: string }) =>
    `Edited on ${p.edited} (git), after it was last tested on ${p.lastTested}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * edited-after-test: git shows a commit to the runbook after its `last_tested` date. Its examples
 * differ in git history, not in text: test/check/examples-elsewhere.test.ts has them.
 */
export const editedAfterTest: Rule = {
  id: 'edited-after-test',
  scope: 'runbook',
  category: 'git',
  defaultSeverity: 'info',
  summary: 'The runbook was edited (per git) after its recovery steps were last tested.',
  why: 'Edited steps are untested steps; worth knowing, not always worth failing a build for.',
  fix: 'If the recovery steps changed, exercise them again and update `last_tested`.',
  examples: { testedIn: 'test/check/examples-elsewhere.test.ts' },
  messages,
  check(runbook, context) {
    const lastTested = runbook.lastTested;
    if (context.git.kind !== 'repository' || context.git.shallow || lastTested.kind !== 'given' || lastTested.value.kind !== 'on') return [];
    const edited = context.git.lastEdited.get(runbook.path);
    if (edited === undefined || compareDates(edited, lastTested.value.date) <= 0) return [];
    const params = { edited: formatCalendarDate(edited), lastTested: formatCalendarDate(lastTested.value.date) };
    return [finding('edited-after-test', params, { file: runbook.file, span: lastTested.span, subject: '' })];
  },
};
