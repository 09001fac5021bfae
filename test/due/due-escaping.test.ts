import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DUE_RENDERERS } from '../../src/due/due-formats.js';
import type { DueList } from '../../src/due/due-list.js';
import { palette } from '../../src/report/ansi.js';
import type { RunbookView } from '../../src/view/collection-view.js';

/**
 * Any runbook title, id and step: the calendar keeps one event with the title inside its SUMMARY,
 * the Slack text makes no link or mention, the Markdown row keeps its cells, no format throws.
 */

/** Text with the characters that matter here (line breaks, `,;\`, `<>|&@!`, ESC, bidi marks, non-ASCII) over-represented. */
const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', ',', ';', '\\', '<', '>', '|', '&', '@', '!', '*', '`', '\u001b', '\u202e', 'é', '日', '🚒', 'BEGIN:VEVENT', 'here', 'channel'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 120 });

/** A list of one due runbook; the view holds only what the formats read. */
function listOf(title: string, id: string, step: string): DueList {
  const view = {
    runbook: { id, title, file: `runbooks/${id}.md` },
    severity: { id: 'high', rank: 1 },
    url: 'https://runbooks.example.com/runbooks/x/',
    steps: [{ text: step, run: step }],
    owner: 't',
    team: { id: 't', name: title, chat: undefined },
  } as unknown as RunbookView;
  return {
    siteTitle: title,
    day: { year: 2026, month: 12, day: 5 },
    today: '2026-12-05',
    until: '2027-01-04',
    within: '30 days',
    team: undefined,
    teams: [{ id: 't', name: title, entries: [{ kind: 'due', view, review: { kind: 'tested', lastTested: '2026-11-10', due: '2026-12-10', daysLeft: 5, interval: '30 days' } }] }],
    counts: { total: 1, overdue: 0, neverTested: 0, due: 1 },
  };
}

const plain = palette(false);

describe('runbook due formats with any runbook text', () => {
  it('iCalendar: one event whose SUMMARY holds the whole title, lines of at most 75 octets', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, id, step) => {
        const text = DUE_RENDERERS.ics(listOf(title, id, step), plain);
        const root = ICAL.Component.fromString(text);
        const events = root.getAllSubcomponents('vevent');
        expect(events).toHaveLength(1);
        expect(text.slice(0, -2).split('\r\n').every((line) => Buffer.byteLength(line) <= 75 && !/[\r\n]/.test(line))).toBe(true);
        // Line breaks come back as \n, controls and bidi marks as visible \uXXXX text.
        const expected = title.replace(/\r\n|\r/g, '\n').replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (character) => (character === '\n' ? '\n' : character === '\t' ? '\\t' : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`));
        expect(new ICAL.Event(events[0]).summary).toBe(`Drill due: ${expected}`);
      }),
      { numRuns: 300 },
    );
  });

  it('Slack: no link, mention or broadcast from runbook text, and valid JSON', () => {
    fc.assert(
      fc.property(hostile, hostile, (title, id) => {
        const message = JSON.parse(DUE_RENDERERS.slack(listOf(title, id, ''), plain)) as { blocks: { type: string; text?: { text: string } }[] };
        const section = message.blocks.find((block) => block.type === 'section')?.text?.text ?? '';
        // The one link is the runbook's own; nothing else opens `<`, and no @here/@channel is left whole.
        expect(section.match(/</g)).toHaveLength(1);
        expect(section).not.toMatch(/@(here|channel|everyone)/i);
        expect(section).not.toMatch(/\n(?!•)/);
      }),
      { numRuns: 300 },
    );
  });

  it('Markdown: a row of five cells, on one line', () => {
    fc.assert(
      fc.property(hostile, hostile, (title, id) => {
        const rows = DUE_RENDERERS.markdown(listOf(title, id, ''), plain)
          .split('\n')
          .filter((line) => line.startsWith('| ') && !line.startsWith('| Runbook') && !line.startsWith('| ---'));
        expect(rows).toHaveLength(1);
        expect(rows[0]?.match(/(?<!\\)\|/g)).toHaveLength(6);
      }),
      { numRuns: 300 },
    );
  });

  it('text: no control character reaches the terminal', () => {
    fc.assert(
      fc.property(hostile, hostile, (title, id) => {
        expect(DUE_RENDERERS.text(listOf(title, id, ''), plain).replaceAll('\n', '')).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
      }),
      { numRuns: 300 },
    );
  });
});
