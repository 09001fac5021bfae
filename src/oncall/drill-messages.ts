import { formatCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import type { Point } from '../model/diagnostic.js';
import { printable } from '../text/terminal-text.js';
import type { DrillRefusal, PreviousValue } from './record-drill.js';

/** Every reason `runbook tested` records nothing: the file's refusals and a drill date in the future. */
export type TestedRefusal = DrillRefusal | { readonly code: 'future-date'; readonly date: CalendarDate; readonly today: CalendarDate };

const EXPECTED = 'a date `YYYY-MM-DD` or `never`, on one line';

/**
 * One line saying why nothing was recorded, located as `file:line:column` when it is about a place
 * in the file, quoting the value found and saying what was expected.
 */
export function refusalMessage(refusal: TestedRefusal, file: string): string {
  const where = (at: Point): string => `${printable(file)}:${at.line}:${at.column}`;
  switch (refusal.code) {
    case 'future-date':
      return `the date \`${formatCalendarDate(refusal.date)}\` is in the future (today is ${formatCalendarDate(refusal.today)} in UTC); record a drill once it has happened`;
    case 'no-frontmatter':
      return `${printable(file)}: no frontmatter block (\`---\` on the first line, the keys, then \`---\`); add one first`;
    case 'yaml-error':
      return `${where(refusal.at)}: the frontmatter is not valid YAML: ${printable(refusal.message)}; fix it first`;
    case 'not-a-mapping':
      return `${where(refusal.at)}: the frontmatter is not a mapping of keys to values; fix it first`;
    case 'flow-mapping':
      return `${where(refusal.at)}: the frontmatter is one \`{…}\` mapping without \`${printable(refusal.key)}\`; add the key by hand`;
    case 'cannot-add':
      return `${where(refusal.at)}: \`${printable(refusal.key)}\` is missing and a new line before the closing \`---\` would not be read as a key (indented keys, or a value still open); add \`${printable(refusal.key)}: ${formatCalendarDate(refusal.date)}\` by hand`;
    case 'unsafe-edit':
      return `${where(refusal.at)}: setting \`${printable(refusal.key)}\` to \`${formatCalendarDate(refusal.date)}\` here would not read back as that date (an unusual YAML layout); set it by hand`;
    case 'duplicate-key':
      return `${where(refusal.at)}: \`${printable(refusal.key)}\` is written twice; remove one first`;
    case 'unsupported-value':
      return `${where(refusal.at)}: \`${printable(refusal.key)}\` is \`${printable(refusal.source)}\`, expected ${EXPECTED}`;
    case 'before-current':
      return `${where(refusal.at)}: the date \`${formatCalendarDate(refusal.date)}\` is before the current \`${printable(refusal.key)}\` \`${formatCalendarDate(refusal.current)}\`; a drill is recorded on or after the last one`;
  }
}

/** The previous value as the confirmation quotes it: `2026-08-01`, `never`, `not set` or the invalid text. */
export function previousText(previous: PreviousValue): string {
  switch (previous.kind) {
    case 'date':
      return formatCalendarDate(previous.date);
    case 'never':
      return 'never';
    case 'missing':
      return 'not set';
    case 'invalid':
      return `\`${printable(previous.source)}\``;
  }
}
