import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { gitlab, type CodeQualityIssue } from '../../src/report/gitlab.js';
import type { CheckReport } from '../../src/report/report.js';
import { daysLater, NOTHING, SAMPLE } from './sample-report.js';

function issues(report: CheckReport): readonly CodeQualityIssue[] {
  // Test-side parse of our own output; the shape is asserted field by field below.
  return JSON.parse(gitlab(report, { color: false })) as CodeQualityIssue[];
}

function movedDown(diagnostic: Diagnostic, lines: number): Diagnostic {
  const { start, end } = diagnostic.span;
  return {
    ...diagnostic,
    span: { start: { ...start, line: start.line + lines }, end: { ...end, line: end.line + lines } },
  };
}

describe('gitlab', () => {
  test('writes one Code Quality issue per diagnostic with severities major, minor and info', () => {
    const written = issues(SAMPLE);
    expect(written.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin])).toEqual([
      ['required-field', 'major', 'docs/db failover é.md', 1],
      ['placeholder-text', 'minor', 'docs/db failover é.md', 4],
      ['due-soon', 'info', 'docs/db failover é.md', 9],
      ['stale', 'major', 'docs/web.md', 3],
      ['broken-link', 'minor', 'docs/web.md', 12],
    ]);
    expect(written[1]?.description).toBe(SAMPLE.diagnostics[1]?.message);
    expect(Object.keys(written[0] ?? {})).toEqual(['description', 'check_name', 'fingerprint', 'severity', 'location']);
  });

  test('gives every issue a distinct hex fingerprint, even identical diagnostics', () => {
    const report = { ...SAMPLE, diagnostics: [...SAMPLE.diagnostics, ...SAMPLE.diagnostics] };
    const fingerprints = issues(report).map((issue) => issue.fingerprint);
    expect(fingerprints).toHaveLength(10);
    expect(new Set(fingerprints).size).toBe(10);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test('gives the same fingerprints on every run, also days later when the messages count other days', () => {
    const later = { ...SAMPLE, diagnostics: SAMPLE.diagnostics.map(daysLater) };
    expect(issues(later).map((issue) => issue.description)).not.toEqual(issues(SAMPLE).map((issue) => issue.description));
    expect(issues(later).map((issue) => issue.fingerprint)).toEqual(issues(SAMPLE).map((issue) => issue.fingerprint));
  });

  test('keeps fingerprints when only line numbers change', () => {
    const moved = { ...SAMPLE, diagnostics: SAMPLE.diagnostics.map((diagnostic) => movedDown(diagnostic, 7)) };
    expect(issues(moved).map((issue) => issue.location.lines.begin)).not.toEqual(issues(SAMPLE).map((issue) => issue.location.lines.begin));
    expect(issues(moved).map((issue) => issue.fingerprint)).toEqual(issues(SAMPLE).map((issue) => issue.fingerprint));
  });

  test('changes the fingerprint when the rule, the path or the subject changes, not the message alone', () => {
    const first = SAMPLE.diagnostics[0];
    if (first === undefined) throw new Error('the sample report has no diagnostics');
    const fingerprintOf = (diagnostic: Diagnostic): string | undefined => issues({ ...SAMPLE, diagnostics: [diagnostic] })[0]?.fingerprint;
    const variants = [first, { ...first, ruleId: 'stale' }, { ...first, file: 'docs/other.md' }, { ...first, subject: 'service' }];
    expect(new Set(variants.map(fingerprintOf)).size).toBe(4);
    expect(fingerprintOf({ ...first, message: 'Another message', params: { key: 'other' } })).toBe(fingerprintOf(first));
  });

  test('writes an empty array for a clean run', () => {
    expect(gitlab(NOTHING, { color: false })).toBe('[]\n');
  });
});
