import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  formatCalendarDate,
  parseCalendarDate,
} from '../../src/model/calendar-date.js';
import { addDuration, parseDuration } from '../../src/model/duration.js';

const date = (text: string) => {
  const parsed = parseCalendarDate(text);
  if (parsed === undefined) throw new Error(`test date ${text} is invalid`);
  return parsed;
};

describe('calendar dates', () => {
  it('parses real days and rejects impossible ones', () => {
    expect(parseCalendarDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', '2026-01-01T00:00', '']) {
      expect(parseCalendarDate(bad), bad).toBeUndefined();
    }
  });

  it('adds months by the calendar, clamping to the end of shorter months', () => {
    expect(formatCalendarDate(addMonths(date('2026-05-31'), 1))).toBe('2026-06-30');
    expect(formatCalendarDate(addMonths(date('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatCalendarDate(addMonths(date('2026-11-15'), 3))).toBe('2027-02-15');
    expect(formatCalendarDate(addMonths(date('2024-02-29'), 12))).toBe('2025-02-28');
  });

  it('adds days across months and years and counts days between', () => {
    expect(formatCalendarDate(addDays(date('2026-12-25'), 10))).toBe('2027-01-04');
    expect(formatCalendarDate(addDays(date('2026-03-01'), -1))).toBe('2026-02-28');
    expect(daysBetween(date('2026-01-01'), date('2027-01-01'))).toBe(365);
    expect(compareDates(date('2026-01-02'), date('2026-01-01'))).toBeGreaterThan(0);
  });
});

describe('durations', () => {
  it('reads the ways people write review intervals', () => {
    expect(parseDuration('30d')).toEqual({ count: 30, unit: 'day' });
    expect(parseDuration('6w')).toEqual({ count: 6, unit: 'week' });
    expect(parseDuration('6 months')).toEqual({ count: 6, unit: 'month' });
    expect(parseDuration('1y')).toEqual({ count: 1, unit: 'year' });
    expect(parseDuration('2 Weeks')).toEqual({ count: 2, unit: 'week' });
    for (const bad of ['0d', 'six months', '30', '3 fortnights', '-1d', '']) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('adds months and years with calendar arithmetic', () => {
    const sixMonths = parseDuration('6 months');
    const year = parseDuration('1y');
    if (sixMonths === undefined || year === undefined) throw new Error('durations must parse');
    expect(formatCalendarDate(addDuration(date('2026-08-31'), sixMonths))).toBe('2027-02-28');
    expect(formatCalendarDate(addDuration(date('2024-02-29'), year))).toBe('2025-02-28');
  });
});
