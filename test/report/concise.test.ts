import { describe, expect, test } from 'vitest';
import { concise } from '../../src/report/concise.js';
import { CLEAN, SAMPLE } from './sample-report.js';

describe('concise', () => {
  test('writes one file:line:col: severity message (rule-id) line per diagnostic and nothing else', () => {
    expect(concise(SAMPLE, { color: false }).split('\n')).toEqual([
      'docs/db failover é.md:1:1: error Missing required field `owner` (required-field)',
      `docs/db failover é.md:4:14: warning Placeholder "TODO" found: 50% done, <fix> & 'ship': soon\\nsecond line (placeholder-text)`,
      'docs/db failover é.md:9:1: info Due for a test in 5 days (due-soon)',
      'docs/web.md:3:14: error Stale: last tested 2025-01-10 (stale)',
      'docs/web.md:12:3: warning Broken link to `./gone.md` (broken-link)',
      '',
    ]);
  });

  test('writes nothing for a clean run', () => {
    expect(concise(CLEAN, { color: false })).toBe('');
  });

  test('keeps terminal escapes from a runbook out of the output', () => {
    const report = { ...SAMPLE, diagnostics: [{ ...sampleDiagnostic(), message: 'bad \u001b[31mred\u001b[0m\r\tvalue' }] };
    expect(concise(report, { color: true })).toBe('docs/web.md:3:14: error bad \\u001b[31mred\\u001b[0m\\r\\tvalue (stale)\n');
  });
});

function sampleDiagnostic(): (typeof SAMPLE.diagnostics)[number] {
  const diagnostic = SAMPLE.diagnostics.find((candidate) => candidate.ruleId === 'stale');
  if (diagnostic === undefined) throw new Error('the sample report has no `stale` diagnostic');
  return diagnostic;
}
