/**
 * Reading drill record files (#15): what the writer writes reads back as the same record, hostile
 * strings included; each kind of problem is placed exactly on the key or value to fix, in LF, CRLF
 * and byte-order-marked files; sizes are capped and reported.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DrillRecord } from '../../src/model/drill.js';
import { drillFileText, formatDrillRecord } from '../../src/oncall/drill-record-text.js';
import { MAX_PROBLEMS, parseDrillRecord, type DrillRecordRead } from '../../src/parse/drill-record.js';
import { drillStep as step, SAMPLE_DRILL } from '../drill-record-sample.js';
import { MAX_NAME, MAX_RECORD_CHARACTERS, MAX_RECORD_FRONTMATTER, MAX_STEPS, MAX_TEXT } from '../../src/parse/drill-record-schema.js';

const RECORD = `---
runbook: db/primary
started: 2026-12-05T01:02:03Z
ended: 2026-12-05T01:14:03Z
outcome: recovered
time_to_recover_seconds: 720
steps:
  - step: 1
    text: Fail over
    status: done
    duration_seconds: 95
---

# Drill of db/primary: recovered
`;

const WRITTEN = SAMPLE_DRILL;

/** `[code, line, column, end line, end column, params]` of each problem, to compare in one line. */
function problems(read: DrillRecordRead): readonly unknown[] {
  if (read.kind === 'record') return [];
  return read.problems.map((problem) => [problem.code.replace('drill-record/', ''), problem.span.start.line, problem.span.start.column, problem.span.end.line, problem.span.end.column, problem.params]);
}

/** The problems of {@link RECORD} with `from` replaced by `to`. */
function problemsWith(from: string, to: string): readonly unknown[] {
  expect(RECORD).toContain(from);
  return problems(parseDrillRecord(RECORD.replace(from, to)));
}

const HOSTILE = ['a: b', '# c', 'x #y', '"q" \'s\'', 'line1\nline2\n', '- lead', 'null', '~', 'yes', 'No', 'on', '123', '0x1F', '1e3', '.inf', '12:30', '2026-12-05', '2026-12-05T01:02:03Z', '  spaced  ', '', '|pipe|', '```', '!tag', '&anchor', '*alias', '{a: 1}', '[1]', '%yaml', '@at', '? q', '---', '...', 'tab\there', 'ünïcødé 🚒', '\\n not a break'];

describe('parseDrillRecord: round trip', () => {
  it('reads a written record back as the same record (without the output lines, which only the body holds)', () => {
    const read = parseDrillRecord(formatDrillRecord(WRITTEN));
    expect(read).toEqual({ kind: 'record', record: { ...WRITTEN, steps: WRITTEN.steps.map((each) => ({ ...each, outputTail: [] })) } });
  });

  it('reads back every YAML-hostile string as the same string, in every text key', () => {
    const steps = HOSTILE.map((text, index) => step(index + 1, { text, note: text }));
    const record: DrillRecord = { ...WRITTEN, environment: HOSTILE[1], operator: HOSTILE[6], steps };
    expect(parseDrillRecord(formatDrillRecord(record))).toEqual({ kind: 'record', record });
    for (const text of HOSTILE.filter((each) => each.trim() !== '')) {
      expect(parseDrillRecord(formatDrillRecord({ ...WRITTEN, runbook: text, operator: text, environment: text }))).toMatchObject({ kind: 'record', record: { runbook: text, operator: text, environment: text } });
    }
  });

  it('reads back any string as the writer cleaned it (terminal controls made visible), and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme-composite', maxLength: 20 }), (note, operator) => {
        const read = parseDrillRecord(formatDrillRecord({ ...WRITTEN, operator, steps: [step(1, { note })] }));
        expect(read).toMatchObject({ kind: 'record', record: { operator: drillFileText(operator), steps: [{ note: drillFileText(note) }] } });
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseDrillRecord: problems, placed exactly', () => {
  it('reports a file without frontmatter at its start', () => {
    expect(problems(parseDrillRecord('# Drill\n'))).toEqual([['no-frontmatter', 1, 1, 1, 1, {}]]);
    expect(problems(parseDrillRecord('---\nrunbook: x\n'))).toEqual([['no-frontmatter', 1, 1, 1, 1, {}]]);
  });

  it('reports YAML syntax errors and duplicate keys where they are', () => {
    expect(problemsWith('    text: Fail over', '    text: &t Fail over\n    note: *t')).toEqual([['invalid', 10, 11, 10, 13, { key: 'steps.1.note', value: '*t', expected: 'the value written out, not an alias (a record has no anchors or aliases)' }]]);
    expect(problemsWith('outcome: recovered', 'outcome: recovered: yes')).toEqual([['yaml', 5, 10, 5, 11, { message: 'Nested mappings are not allowed in compact mappings' }]]);
    expect(problemsWith('outcome: recovered\n', 'outcome: recovered\noutcome: failed\n')).toEqual([['duplicate-key', 6, 1, 6, 8, { key: 'outcome' }]]);
    expect(problemsWith('runbook: db/primary', 'runbook: &a db/primary\noperator: *a')).toEqual([['invalid', 3, 11, 3, 13, { key: 'operator', value: '*a', expected: 'the value written out, not an alias (a record has no anchors or aliases)' }]]);
  });

  it('reports a missing key at the closing fence, a missing step key at the step', () => {
    expect(problemsWith('runbook: db/primary\n', '')).toEqual([['missing', 11, 1, 11, 4, { key: 'runbook' }]]);
    expect(problemsWith('    status: done\n', '')).toEqual([['missing', 8, 5, 8, 9, { key: 'steps.1.status' }]]);
    expect(problems(parseDrillRecord('---\n---\n')).map((problem) => (problem as readonly unknown[])[5])).toEqual(['runbook', 'started', 'ended', 'outcome', 'steps'].map((key) => ({ key })));
  });

  it('reports a wrong value on the value, quoting it with the form expected', () => {
    expect(problemsWith('outcome: recovered', 'outcome: fixed')).toEqual([['invalid', 5, 10, 5, 15, { key: 'outcome', value: 'fixed', expected: '`recovered`, `failed` or `aborted`' }]]);
    expect(problemsWith('status: done', 'status: "Done"')).toEqual([['invalid', 10, 13, 10, 19, { key: 'steps.1.status', value: '"Done"', expected: '`done`, `failed`, `skipped` or `not-reached`' }]]);
    const instant = 'a UTC instant `YYYY-MM-DDTHH:MM:SSZ` on a real day';
    expect(problemsWith('started: 2026-12-05T01:02:03Z', 'started: 2026-02-29T01:02:03Z')).toEqual([['invalid', 3, 10, 3, 30, { key: 'started', value: '2026-02-29T01:02:03Z', expected: instant }]]);
    expect(problemsWith('started: 2026-12-05T01:02:03Z', 'started: 2026-12-05T01:02:03+01:00')).toEqual([['invalid', 3, 10, 3, 35, { key: 'started', value: '2026-12-05T01:02:03+01:00', expected: instant }]]);
    expect(problemsWith('duration_seconds: 95', 'duration_seconds: -1')).toEqual([['invalid', 11, 23, 11, 25, { key: 'steps.1.duration_seconds', value: '-1', expected: 'whole seconds, 0 or more' }]]);
    expect(problemsWith('duration_seconds: 95', 'duration_seconds: 9.5')).toEqual([['invalid', 11, 23, 11, 26, { key: 'steps.1.duration_seconds', value: '9.5', expected: 'whole seconds, 0 or more' }]]);
    expect(problemsWith('runbook: db/primary', 'runbook: 42')).toEqual([['invalid', 2, 10, 2, 12, { key: 'runbook', value: '42', expected: `text of at most ${MAX_TEXT} characters` }]]);
  });

  it('checks the keys against each other: times in order, time to recover exactly for recovered drills, steps 1..n', () => {
    expect(problemsWith('ended: 2026-12-05T01:14:03Z', 'ended: 2026-12-05T01:02:02Z')).toEqual([['invalid', 4, 8, 4, 28, { key: 'ended', value: '2026-12-05T01:02:02Z', expected: 'an instant not before `started` (2026-12-05T01:02:03Z)' }]]);
    expect(problemsWith('outcome: recovered', 'outcome: aborted')).toEqual([['invalid', 6, 26, 6, 29, { key: 'time_to_recover_seconds', value: '720', expected: 'no time to recover for a drill that was not recovered (`outcome` is `aborted`)' }]]);
    expect(problemsWith('time_to_recover_seconds: 720\n', '')).toEqual([['missing', 11, 1, 11, 4, { key: 'time_to_recover_seconds', outcome: 'recovered' }]]);
    expect(problemsWith('step: 1', 'step: 2')).toEqual([['invalid', 8, 11, 8, 12, { key: 'steps.1.step', value: '2', expected: '1 (the steps numbered 1, 2, … in order)' }]]);
    expect(problemsWith('status: done', 'status: failed')).toEqual([['invalid', 10, 13, 10, 19, { key: 'steps.1.status', value: 'failed', expected: '`done` or `skipped` in a recovered drill' }]]);
  });

  it('requires the time to recover to be the seconds from started to ended (a 10-hour drill cannot claim 2^53 seconds)', () => {
    expect(problemsWith('time_to_recover_seconds: 720', 'time_to_recover_seconds: 9007199254740991')).toEqual([
      ['invalid', 6, 26, 6, 42, { key: 'time_to_recover_seconds', value: '9007199254740991', expected: '720, the seconds from `started` (2026-12-05T01:02:03Z) to `ended` (2026-12-05T01:14:03Z)' }],
    ]);
    expect(problemsWith('time_to_recover_seconds: 720', 'time_to_recover_seconds: 719')).toHaveLength(1);
    expect(problemsWith('ended: 2026-12-05T01:14:03Z', 'ended: 2026-12-06T01:02:03Z').concat(problemsWith('time_to_recover_seconds: 720', 'time_to_recover_seconds: 0'))).toHaveLength(2);
  });

  it('reports an unknown key on the key, with the key it likely is (and not that one as missing)', () => {
    expect(problemsWith('outcome:', 'outcom:')).toEqual([['unknown-key', 5, 1, 5, 7, { key: 'outcom', likely: 'outcome' }]]);
    expect(problemsWith('    status:', '    stauts:')).toEqual([['unknown-key', 10, 5, 10, 11, { key: 'steps.1.stauts', likely: 'status' }]]);
    expect(problemsWith('steps:', 'colour: red\nsteps:')).toEqual([['unknown-key', 7, 1, 7, 7, { key: 'colour' }]]);
  });

  it('gives the same places in a CRLF file with a byte order mark', () => {
    const crlf = `\uFEFF${RECORD.replace('outcome: recovered', 'outcome: fixed').replace('outcome:', 'outcom: x\noutcome:').replace(/\n/g, '\r\n')}`;
    expect(problems(parseDrillRecord(crlf))).toEqual([
      ['unknown-key', 5, 1, 5, 7, { key: 'outcom' }],
      ['invalid', 6, 10, 6, 15, { key: 'outcome', value: 'fixed', expected: '`recovered`, `failed` or `aborted`' }],
    ]);
    expect(parseDrillRecord(`\uFEFF${RECORD.replace(/\n/g, '\r\n')}`).kind).toBe('record');
  });
});

describe('parseDrillRecord: caps', () => {
  it('refuses a file, a frontmatter, a list of steps or a text over its cap, without parsing what it need not', () => {
    const size = (key: string, length: number, most: number): readonly unknown[] => [['invalid', 1, 1, 1, 1, { key, value: `${length} characters`, expected: `at most ${most} characters` }]];
    const huge = `${RECORD}${'x'.repeat(MAX_RECORD_CHARACTERS)}`;
    expect(problems(parseDrillRecord(huge))).toEqual(size('the file', huge.length, MAX_RECORD_CHARACTERS));
    const padded = RECORD.replace('---\n\n', `# ${'x'.repeat(MAX_RECORD_FRONTMATTER)}\n---\n\n`);
    expect(problems(parseDrillRecord(padded))).toEqual(size('the frontmatter', MAX_RECORD_FRONTMATTER + RECORD.indexOf('\n---\n'), MAX_RECORD_FRONTMATTER));
    const many = RECORD.replace(/steps:\n[^]*?---\n/, `steps: [${'{},'.repeat(MAX_STEPS)}{}]\n---\n`);
    expect(problems(parseDrillRecord(many))).toEqual([['invalid', 7, 8, 7, 8 + 3 * MAX_STEPS + 4, { key: 'steps', value: expect.stringMatching(/^\[\{\},/) as unknown, expected: `at most ${MAX_STEPS} steps, found ${MAX_STEPS + 1}` }]]);
    const long = RECORD.replace('text: Fail over', `text: ${'y'.repeat(MAX_TEXT + 1)}`);
    expect(problems(parseDrillRecord(long))).toEqual([['invalid', 9, 11, 9, 11 + MAX_TEXT + 1, { key: 'steps.1.text', value: `${'y'.repeat(59)}…`, expected: `text of at most ${MAX_TEXT} characters` }]]);
  });

  it('caps names at MAX_NAME (200) and texts at MAX_TEXT (2,000), quoting an excerpt; the writer clips to the same caps', () => {
    expect([MAX_NAME, MAX_TEXT]).toEqual([200, 2_000]);
    const operator = RECORD.replace('started:', `operator: ${'A'.repeat(MAX_NAME + 1)}\nstarted:`);
    expect(problems(parseDrillRecord(operator))).toEqual([['invalid', 3, 11, 3, 11 + MAX_NAME + 1, { key: 'operator', value: `${'A'.repeat(59)}…`, expected: `text of at most ${MAX_NAME} characters` }]]);
    expect(parseDrillRecord(RECORD.replace('started:', `environment: ${'W'.repeat(MAX_NAME)}\nstarted:`)).kind).toBe('record');
    const note = RECORD.replace('duration_seconds: 95', `duration_seconds: 95\n    note: ${'n'.repeat(MAX_TEXT + 1)}`);
    expect(problems(parseDrillRecord(note))).toMatchObject([['invalid', 12, 11, 12, 11 + MAX_TEXT + 1, { key: 'steps.1.note' }]]);
    const long: DrillRecord = { ...WRITTEN, operator: `${'A'.repeat(MAX_NAME)}😀`, environment: '\u0007'.repeat(MAX_NAME), steps: [step(1, { text: 't'.repeat(5 * MAX_TEXT), note: `${'n'.repeat(MAX_TEXT - 2)}😀😀` })] };
    const read = parseDrillRecord(formatDrillRecord(long));
    if (read.kind !== 'record') throw new Error(JSON.stringify(problems(read)));
    expect(read.record.operator).toBe(`${'A'.repeat(MAX_NAME - 1)}…`);
    expect(read.record.environment).toBe(`${'\\u0007'.repeat(MAX_NAME).slice(0, MAX_NAME - 1)}…`);
    expect(read.record.steps[0]?.text).toHaveLength(MAX_TEXT);
    expect(read.record.steps[0]?.note).toBe(`${'n'.repeat(MAX_TEXT - 2)}…`);
  });

  it('reports at most MAX_PROBLEMS (100) problems, the first in the file', () => {
    const wrong = RECORD.replace(/steps:\n[^]*?---\n/, `steps:\n${Array.from({ length: 150 }, (_, index) => `  - step: ${index + 1}\n    text: t\n    status: nope\n    duration_seconds: 1\n`).join('')}---\n`);
    const read = problems(parseDrillRecord(wrong));
    expect(MAX_PROBLEMS).toBe(100);
    expect(read).toHaveLength(100);
    expect(read[99]).toEqual(['invalid', 8 + 99 * 4 + 2, 13, 8 + 99 * 4 + 2, 17, { key: 'steps.100.status', value: 'nope', expected: '`done`, `failed`, `skipped` or `not-reached`' }]);
  });
});
