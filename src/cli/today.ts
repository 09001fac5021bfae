import { calendarDateOfInstant, parseCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { UsageError } from './usage-error.js';

/** `--today YYYY-MM-DD` when given, else today's date in UTC from the clock. */
export function resolveToday(option: string | undefined, now: () => Date): CalendarDate {
  if (option === undefined) return calendarDateOfInstant(now());
  const date = parseCalendarDate(option);
  if (date === undefined) throw new UsageError(`invalid --today \`${option}\`, expected a date YYYY-MM-DD`);
  return date;
}
