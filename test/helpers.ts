import { parseCalendarDate, type CalendarDate } from '../src/model/calendar-date.js';
import type { Config } from '../src/model/config.js';
import type { Runbook } from '../src/model/runbook.js';
import { defaultConfig } from '../src/parse/config.js';
import { parseRunbook } from '../src/parse/runbook.js';

/** The day the example runbooks and fixtures are checked against. */
export const TODAY: CalendarDate = mustDate('2026-11-27');

export function mustDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (date === undefined) throw new Error(`test date ${text} is invalid`);
  return date;
}

/** Parses Markdown text as the runbook `test/example.md`, failing the test if it is unreadable. */
export function runbookOf(text: string, config: Config = defaultConfig('/runbooks')): Runbook {
  const loaded = parseRunbook({ id: 'example', file: 'example.md', path: '/runbooks/example.md', bytes: new TextEncoder().encode(text) }, config);
  if (loaded.kind !== 'runbook') throw new Error(`expected a runbook, got: ${loaded.reason}`);
  return loaded.runbook;
}
