import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

/** `runbook due --format ics` on test/fixtures/due, read back with an iCalendar library (ical.js). */
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'due');

interface Event {
  readonly uid: string;
  readonly summary: string;
  readonly start: string;
  readonly end: string;
  readonly sequence: number;
  readonly description: string;
  readonly url: string | undefined;
}

async function calendar(today: string, ...argv: string[]): Promise<{ readonly text: string; readonly name: string; readonly events: readonly Event[] }> {
  return calendarOf(FIXTURE, today, ...argv);
}

async function calendarOf(folder: string, today: string, ...argv: string[]): Promise<{ readonly text: string; readonly name: string; readonly events: readonly Event[] }> {
  const result = await runCli(['due', '--format', 'ics', '--today', today, ...argv], folder);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  const root = ICAL.Component.fromString(result.stdout);
  const events = root.getAllSubcomponents('vevent').map((component): Event => {
    const event = new ICAL.Event(component);
    const url = component.getFirstPropertyValue('url');
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      sequence: event.sequence,
      description: event.description,
      url: typeof url === 'string' ? url : undefined,
    };
  });
  return { text: result.stdout, name: String(root.getFirstPropertyValue('x-wr-calname')), events };
}

describe('runbook due --format ics', () => {
  it('has one all-day event per runbook: on its due date, or on today when overdue or never tested', async () => {
    const { events, name } = await calendar('2026-12-05');
    expect(name).toBe('Fernhill runbooks: runbook reviews');
    expect(events.map((event) => [event.summary, event.start, event.end])).toEqual([
      ['Drill overdue (due 2026-11-01): Primary database down', '2026-12-05', '2026-12-06'],
      ['Drill due: Queue backlog growing', '2026-12-20', '2026-12-21'],
      ['Drill due: Evil, title; x\\y <!channel> <http://evil.example|click> | pipe *bold* @here\nBEGIN:VEVENT\nUID:x\n\\u001b[31mred', '2026-12-10', '2026-12-11'],
      ['Never tested: Resolver not answering', '2026-12-05', '2026-12-06'],
      ['Drill due: Cron job stuck', '2026-12-09', '2026-12-10'],
    ]);
    const [primary] = events;
    expect(primary?.url).toBe('https://runbooks.example.com/runbooks/database/primary-down/');
    expect(primary?.description).toBe(
      [
        'Runbook database/primary-down (Data, severity critical).',
        'Last tested 2026-08-01, every 3 months: due 2026-11-01 (34 days overdue).',
        '',
        'Steps to drill:',
        '1. Confirm the primary is down',
        '   $ pg_isready -h orders-db-primary -p 5432',
        '2. Fail over to the replica with the least lag',
        '   $ patronictl failover orders-db --candidate orders-db-2 --force',
        '3. Tell the payments team',
        '',
        'Then record it: runbook drill database/primary-down (or runbook tested database/primary-down).',
        'https://runbooks.example.com/runbooks/database/primary-down/',
      ].join('\n'),
    );
  });

  it('is valid iCalendar text: CRLF lines of at most 75 octets, a DTSTAMP from the day of the run', async () => {
    const { text } = await calendar('2026-12-05');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    expect(lines.filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(5);
    expect(lines.filter((line) => line.startsWith('DTSTAMP:'))).toEqual(Array(5).fill('DTSTAMP:20261205T000000Z'));
    // The hostile title and step stay inside their properties: no line of the file starts an event or a UID of theirs.
    expect(lines.filter((line) => /^(BEGIN|END):VEVENT$/.test(line))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith('UID:x'))).toEqual([]);
    // Without --today, the day comes from the clock (runCli's: 2026-11-27T12:00:00Z).
    const clock = await runCli(['due', '--format', 'ics'], FIXTURE);
    expect(clock.stdout).toContain('\r\nDTSTAMP:20261127T000000Z\r\n');
  });

  it('folds long lines between UTF-8 characters, never inside one', async () => {
    const { text, events } = await calendar('2026-12-05');
    const step = 'Kill the job: ✓ ü ö é 日本語 ✓ ü ö é 日本語 ✓ ü ö é 日本語 ✓ ü ö é 日本語 ✓ ü ö é 日本語 ✓ ü ö é 日本語 🚒🚒🚒🚒🚒🚒🚒🚒';
    expect(events.find((event) => event.summary === 'Drill due: Cron job stuck')?.description).toContain(`\n1. ${step}\n`);
    const folded = text.split('\r\n').filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(5);
    expect(text.split('\r\n').filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
  });

  it('gives the same UIDs on a later day, with dates moved and sequences not lower, so a re-import updates the events', async () => {
    const first = await calendar('2026-12-05');
    const later = await calendar('2026-12-15');
    expect(later.events.map((event) => event.uid).sort()).toEqual(first.events.map((event) => event.uid).sort());
    expect(new Set(first.events.map((event) => event.uid)).size).toBe(5);
    const byUid = new Map(first.events.map((event) => [event.uid, event]));
    for (const event of later.events) expect(event.sequence).toBeGreaterThanOrEqual(byUid.get(event.uid)?.sequence ?? Infinity);
    expect(new Set(later.events.map((event) => event.sequence))).toEqual(new Set([20_802]));
    const moved = later.events.filter((event) => event.start !== byUid.get(event.uid)?.start).map((event) => event.summary);
    expect(moved).toEqual([
      'Drill overdue (due 2026-11-01): Primary database down',
      'Drill overdue (due 2026-12-10): Evil, title; x\\y <!channel> <http://evil.example|click> | pipe *bold* @here\nBEGIN:VEVENT\nUID:x\n\\u001b[31mred',
      'Never tested: Resolver not answering',
      'Drill overdue (due 2026-12-09): Cron job stuck',
    ]);
  });

  it('never lowers a sequence, even when an event moves earlier (a shorter review_every), and gives the same bytes on the same day', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-due-ics-'));
    try {
      cpSync(FIXTURE, folder, { recursive: true });
      const first = await calendarOf(folder, '2026-12-05');
      expect((await calendarOf(folder, '2026-12-05')).text).toBe(first.text);
      const backlog = join(folder, 'runbooks', 'queues', 'backlog.md');
      writeFileSync(backlog, readFileSync(backlog, 'utf8').replace('review_every: 30d', 'review_every: 2d'));
      const later = await calendarOf(folder, '2026-12-06');
      const before = first.events.find((event) => event.summary === 'Drill due: Queue backlog growing');
      const after = later.events.find((event) => event.uid === before?.uid);
      expect([before?.start, after?.start]).toEqual(['2026-12-20', '2026-12-06']);
      expect([before?.sequence, after?.sequence]).toEqual([20_792, 20_793]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
