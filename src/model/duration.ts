import { addDays, addMonths, type CalendarDate } from './calendar-date.js';

/** A review interval as people write it: counted in days, weeks, months or years. */
export interface Duration {
  readonly count: number;
  readonly unit: DurationUnit;
}

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

const UNIT_WORDS: ReadonlyMap<string, DurationUnit> = new Map([
  ['d', 'day'], ['day', 'day'], ['days', 'day'],
  ['w', 'week'], ['week', 'week'], ['weeks', 'week'],
  ['m', 'month'], ['mo', 'month'], ['month', 'month'], ['months', 'month'],
  ['y', 'year'], ['year', 'year'], ['years', 'year'],
]);

const DURATION = /^\s*(\d{1,4})\s*([a-z]+)\s*$/i;

/**
 * The texts {@link parseDuration} accepts, as a regular expression without flags (JSON Schema
 * patterns have none), so the config validator and the JSON Schemas accept exactly the same texts.
 */
export const DURATION_PATTERN = `^\\s*(?=\\d*[1-9])\\d{1,4}\\s*(?:${[...UNIT_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`))
  .join('|')})\\s*$`;

/** Parses `30d`, `6w`, `6 months`, `1y`, `2 weeks`…; undefined for anything else (including zero). */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  const unit = UNIT_WORDS.get((match[2] ?? '').toLowerCase());
  if (unit === undefined || count < 1) return undefined;
  return { count, unit };
}

/** The end of an interval that starts on `date`; months and years use calendar arithmetic. */
export function addDuration(date: CalendarDate, duration: Duration): CalendarDate {
  switch (duration.unit) {
    case 'day':
      return addDays(date, duration.count);
    case 'week':
      return addDays(date, duration.count * 7);
    case 'month':
      return addMonths(date, duration.count);
    case 'year':
      return addMonths(date, duration.count * 12);
  }
}

/** Human form: `30 days`, `1 month`. */
export function formatDuration(duration: Duration): string {
  return `${duration.count} ${duration.unit}${duration.count === 1 ? '' : 's'}`;
}
