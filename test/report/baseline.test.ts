import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { formatCalendarDate } from '../../src/model/calendar-date.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { applyBaseline, keyedFindings, prunedBaseline, recordBaseline, subjectFingerprint, TIME_BASED_RULES, type Baseline } from '../../src/report/baseline.js';
import { formatBaseline, parseBaseline } from '../../src/report/baseline-file.js';
import { mustDate } from '../helpers.js';

function finding(file: string, ruleId: string, subject: string, line = 1): Diagnostic {
  const point = { line, column: 1 };
  return { file, span: { start: point, end: point }, ruleId, code: ruleId, params: {}, subject, severity: 'error', message: `${ruleId} ${subject} on line ${String(line)}` };
}

const EVERYTHING = (): boolean => true;
const keyed = (diagnostics: readonly Diagnostic[]) => keyedFindings(diagnostics, (file) => file);
const EMPTY: Baseline = { entries: [] };
const TODAY = mustDate('2026-12-04');
const NINETY_DAYS = { count: 90, unit: 'day' } as const;

function recorded(diagnostics: readonly Diagnostic[], previous: Baseline = EMPTY, today = TODAY): Baseline {
  return recordBaseline(keyed(diagnostics), { previous, scope: EVERYTHING, today, expireAfter: NINETY_DAYS });
}

describe('recordBaseline', () => {
  it('keys a finding by file, rule and a fingerprint of its subject, counting repeats, sorted', () => {
    const baseline = recorded([finding('b.md', 'broken-link', 'x.md'), finding('a.md', 'broken-link', 'y.md'), finding('b.md', 'broken-link', 'x.md', 9)]);
    expect(baseline.entries).toEqual([
      { file: 'a.md', rule: 'broken-link', fingerprint: subjectFingerprint('y.md'), count: 1 },
      { file: 'b.md', rule: 'broken-link', fingerprint: subjectFingerprint('x.md'), count: 2 },
    ]);
  });

  it('gives time-based findings an expiry of today plus expire_after, and keeps an expiry already recorded', () => {
    const first = recorded([finding('a.md', 'stale', ''), finding('a.md', 'never-tested', '')]);
    expect(first.entries.map((entry) => entry.expires && formatCalendarDate(entry.expires))).toEqual(['2027-03-04', '2027-03-04']);
    const again = recorded([finding('a.md', 'stale', ''), finding('b.md', 'due-soon', '')], first, mustDate('2027-01-10'));
    expect(again.entries.map((entry) => [entry.file, entry.rule, entry.expires && formatCalendarDate(entry.expires)])).toEqual([
      ['a.md', 'stale', '2027-03-04'],
      ['b.md', 'due-soon', '2027-04-10'],
    ]);
  });

  it('keeps the entries of files out of scope as they were, and drops the others it no longer finds', () => {
    const previous = recorded([finding('a.md', 'broken-link', 'x'), finding('b.md', 'broken-link', 'y')]);
    const next = recordBaseline(keyed([]), { previous, scope: (file) => file === 'a.md', today: TODAY, expireAfter: NINETY_DAYS });
    expect(next.entries.map((entry) => entry.file)).toEqual(['b.md']);
  });

  it('names only rules that exist as time-based', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    expect([...TIME_BASED_RULES].filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('applyBaseline', () => {
  const known = [finding('a.md', 'broken-link', 'x.md', 3), finding('a.md', 'stale', '', 2)];
  const baseline = recorded(known);

  it('holds back what it recorded, also after lines moved and the message changed', () => {
    const moved = [finding('a.md', 'stale', '', 12), finding('a.md', 'broken-link', 'x.md', 40)];
    expect(applyBaseline(keyed(moved), baseline, EVERYTHING, TODAY)).toEqual({ verdicts: ['held', 'held'], unused: [] });
  });

  it('lets a new finding through, also one more of a recorded key', () => {
    const more = [...known, finding('a.md', 'broken-link', 'x.md', 7), finding('a.md', 'broken-link', 'new.md', 8)];
    expect(applyBaseline(keyed(more), baseline, EVERYTHING, TODAY).verdicts).toEqual(['held', 'held', 'new', 'new']);
  });

  it('holds a time-based finding back the day before its expiry, and counts it on the expiry date', () => {
    expect(applyBaseline(keyed(known), baseline, EVERYTHING, mustDate('2027-03-03')).verdicts).toEqual(['held', 'held']);
    expect(applyBaseline(keyed(known), baseline, EVERYTHING, mustDate('2027-03-04')).verdicts).toEqual(['held', 'expired']);
  });

  it('reports the entries in scope that matched fewer findings than their count', () => {
    const outcome = applyBaseline(keyed([known[1] as Diagnostic]), baseline, EVERYTHING, TODAY);
    expect(outcome.unused.map(({ entry, matched }) => [entry.rule, matched])).toEqual([['broken-link', 0]]);
    expect(applyBaseline(keyed([]), baseline, (file) => file !== 'a.md', TODAY).unused).toEqual([]);
  });
});

describe('prunedBaseline', () => {
  it('removes the entries that match nothing, lowers counts, and adds nothing', () => {
    const baseline = recorded([finding('a.md', 'broken-link', 'x'), finding('a.md', 'broken-link', 'x'), finding('a.md', 'broken-link', 'y')]);
    const now = [finding('a.md', 'broken-link', 'x'), finding('a.md', 'broken-link', 'z')];
    const pruned = prunedBaseline(baseline, applyBaseline(keyed(now), baseline, EVERYTHING, TODAY));
    expect(pruned.entries).toEqual([{ file: 'a.md', rule: 'broken-link', fingerprint: subjectFingerprint('x'), count: 1 }]);
  });
});

describe('the baseline file', () => {
  const baseline = recorded([finding('docs/b.md', 'stale', ''), finding('docs/a.md', 'broken-link', 'x'), finding('docs/a.md', 'broken-link', 'x')]);

  it('is sorted JSON with one entry per line, and reads back as it was written', () => {
    const text = formatBaseline(baseline);
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "entries": [',
        `    {"file":"docs/a.md","rule":"broken-link","fingerprint":"${subjectFingerprint('x')}","count":2},`,
        `    {"file":"docs/b.md","rule":"stale","fingerprint":"${subjectFingerprint('')}","expires":"2027-03-04"}`,
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(parseBaseline(text)).toEqual({ kind: 'baseline', baseline });
    expect(formatBaseline(EMPTY)).toBe('{\n  "version": 1,\n  "entries": []\n}\n');
  });

  it('is refused with where each problem is and the value found', () => {
    expect(parseBaseline('{"version": 1, "entries": [')).toMatchObject({ kind: 'invalid', problems: [expect.stringMatching(/^not JSON: /)] });
    expect(parseBaseline('{"version": 2, "entries": [{"file":"a.md","rule":"stale","fingerprint":"0123456789abcdef","count":0,"expires":"2027-02-30"}]}')).toEqual({
      kind: 'invalid',
      problems: [
        'version: expected version 1, found `2`',
        'entries[0].count: expected a count of at least 1, found `0`',
        'entries[0].expires: expected a date YYYY-MM-DD, found `"2027-02-30"`',
      ],
    });
    const twice = '{"file":"a.md","rule":"stale","fingerprint":"0123456789abcdef"}';
    expect(parseBaseline(`{"version": 1, "entries": [${twice}, ${twice}]}`)).toEqual({
      kind: 'invalid',
      problems: ['entries[1]: the same file, rule and fingerprint as entries[0]; expected each once'],
    });
  });
});

it('a fingerprint is of the subject alone: 16 hex digits, the same for the same subject', () => {
  expect(subjectFingerprint('x.md')).toMatch(/^[0-9a-f]{16}$/);
  expect(subjectFingerprint('x.md')).toBe(subjectFingerprint('x.md'));
  expect(subjectFingerprint('x.md')).not.toBe(subjectFingerprint('y.md'));
});
