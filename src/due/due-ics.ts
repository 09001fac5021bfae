/**
 * `runbook due --format ics` and the site's `due.ics`: an iCalendar file (RFC 5545) with one all-day
 * event per runbook that falls due, for teams to subscribe to.
 *
 * - A runbook due in the window has its event on its due date; an overdue or never-tested one on
 *   the day of the run (`--today`), so it shows in today's agenda until someone drills it.
 * - The UID depends on the runbook's id only (never on a date): a re-import or a refresh of the
 *   subscription moves the event instead of adding another.
 * - SEQUENCE is the run's day counted from 1970-01-01: without any state kept between runs, it never
 *   goes down for a UID (a run on a later day has a higher one, whichever way the event moved: a
 *   drill pushes the due date later, a shorter `review_every` brings it earlier), so calendars take
 *   the update. LAST-MODIFIED is the day its content last changed (the last test for an event on
 *   its due date, the run's day for one on today). DTSTAMP is the run's day at 00:00 UTC, so a run
 *   and the site built on the same day give the same bytes.
 * - Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); runbook text is
 *   TEXT-escaped (`\\`, `;`, `,`, line breaks as `\n`) with control characters shown as `\u001b`, so
 *   no title can end a property or start an event.
 */
import { createHash } from 'node:crypto';
import { daysBetween, formatCalendarDate, addDays, type CalendarDate } from '../model/calendar-date.js';
import { printable } from '../text/terminal-text.js';
import type { Duration } from '../model/duration.js';
import type { CollectionView } from '../view/collection-view.js';
import { dueList, eventDay, whenText, type DueEntry, type DueList } from './due-list.js';

/** The longest line, in octets, CRLF not counted (RFC 5545, 3.1). */
const LINE_OCTETS = 75;

const EPOCH: CalendarDate = { year: 1970, month: 1, day: 1 };

/** The calendar as iCalendar text. */
export function renderDueIcs(list: DueList): string {
  const stamp = `${basicDate(list.day)}T000000Z`;
  const name = `${list.siteTitle}: runbook reviews${list.team === undefined ? '' : ` (${list.team.name})`}`;
  const sequence = daysBetween(EPOCH, list.day);
  const events = list.teams.flatMap((team) => team.entries.map((entry) => eventLines(entry, team.name, list.day, stamp, sequence)));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//runbook//runbook due//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('');
}

function eventLines(entry: DueEntry, teamName: string, today: CalendarDate, stamp: string, sequence: number): readonly string[] {
  const view = entry.view;
  const day = eventDay(entry, today);
  const changed = entry.kind === 'due' ? entry.review.lastTested.replaceAll('-', '') : basicDate(today);
  return [
    'BEGIN:VEVENT',
    `UID:${uid(view.runbook.id)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(day)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(day, 1))}`,
    `SEQUENCE:${sequence}`,
    `LAST-MODIFIED:${changed}T000000Z`,
    `SUMMARY:${text(summaryOf(entry))}`,
    `DESCRIPTION:${text(descriptionOf(entry, teamName))}`,
    ...(view.url === undefined ? [] : [`URL:${uri(view.url)}`]),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** A UID from the runbook's id alone: the same event on every run and every day. */
function uid(id: string): string {
  return `${createHash('sha256').update(id).digest('hex').slice(0, 32)}@runbook-due`;
}

function summaryOf(entry: DueEntry): string {
  const title = entry.view.runbook.title;
  if (entry.kind === 'due') return `Drill due: ${title}`;
  return entry.kind === 'overdue' ? `Drill overdue (due ${entry.review.due}): ${title}` : `Never tested: ${title}`;
}

function descriptionOf(entry: DueEntry, teamName: string): string {
  const view = entry.view;
  const severity = view.severity === undefined ? '' : `, severity ${view.severity.id}`;
  const review =
    entry.kind === 'never-tested'
      ? 'Never tested: no one has followed its recovery steps yet.'
      : `Last tested ${entry.review.lastTested}, every ${entry.review.interval}: due ${entry.review.due}${entry.kind === 'overdue' ? ` (${whenText(entry)})` : ''}.`;
  const steps = view.steps.length === 0 ? ['(No numbered recovery steps: follow the runbook.)'] : view.steps.flatMap((step, index) => [`${index + 1}. ${step.text}`, ...(step.run === undefined ? [] : step.run.replace(/\n+$/, '').split('\n').map((line, at) => `${at === 0 ? '   $ ' : '     '}${line}`))]);
  return [
    `Runbook ${view.runbook.id} (${teamName}${severity}).`,
    review,
    '',
    'Steps to drill:',
    ...steps,
    '',
    `Then record it: runbook drill ${view.runbook.id} (or runbook tested ${view.runbook.id}).`,
    ...(view.url === undefined ? [] : [view.url]),
  ].join('\n');
}

/** `YYYYMMDD` (iCalendar's DATE). */
function basicDate(date: CalendarDate): string {
  return formatCalendarDate(date).replaceAll('-', '');
}

/** A TEXT value (RFC 5545, 3.3.11): backslash, `;`, `,` escaped, line breaks as `\n`, controls shown. */
function text(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => printable(line).replace(/[\\;,]/g, (character) => `\\${character}`))
    .join('\\n');
}

/** A URI value: no control character or space can end the line or the value. */
function uri(value: string): string {
  return printable(value).replace(/\s/g, '%20');
}

/** One content line, folded at 75 octets (a CRLF and a space before each continuation), with its CRLF. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    const room = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}

/** The window of the site's `due.ics` (docs/site.md): the same bytes as `runbook due --format ics --within 90d` that day. */
const SITE_DUE_WITHIN: Duration = { count: 90, unit: 'day' };

/** The site's path of the calendar: at the root, where no runbook, alert, team or service page can be (they are in folders). */
export const SITE_DUE_PATH = 'due.ics';

/** The site's calendar: every team's runbooks due within {@link SITE_DUE_WITHIN} of `today`. */
export function siteDueCalendar(view: CollectionView, today: CalendarDate): string {
  const selection = dueList(view, { today, within: SITE_DUE_WITHIN, team: undefined });
  if (selection.kind !== 'list') throw new Error('bug: no team was asked for, yet the team is unknown');
  return renderDueIcs(selection.list);
}
