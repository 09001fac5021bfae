import { describe, expect, test } from 'vitest';
import { github } from '../../src/report/github.js';
import { CLEAN, SAMPLE } from './sample-report.js';

describe('github', () => {
  test('writes one workflow command per diagnostic, notice for info, percent-encoding the message', () => {
    expect(github(SAMPLE, { color: false }).split('\n')).toEqual([
      '::error file=docs/db failover é.md,line=1,col=1,endLine=1,endColumn=1,title=required-field::Missing required field `owner`',
      `::warning file=docs/db failover é.md,line=4,col=14,endLine=4,endColumn=24,title=placeholder-text::Placeholder "TODO" found: 50%25 done, <fix> & 'ship': soon%0Asecond line`,
      '::notice file=docs/db failover é.md,line=9,col=1,endLine=12,endColumn=1,title=due-soon::Due for a test in 5 days',
      '::error file=docs/web.md,line=3,col=14,endLine=3,endColumn=24,title=stale::Stale: last tested 2025-01-10',
      '::warning file=docs/web.md,line=12,col=3,endLine=12,endColumn=30,title=broken-link::Broken link to `./gone.md`',
      '',
    ]);
  });

  test('also encodes colons and commas in property values', () => {
    const report = {
      ...CLEAN,
      diagnostics: [
        {
          file: 'ops/a,b:c%d\r\ne.md',
          span: { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } },
          ruleId: 'odd:rule,id',
          code: 'odd:rule,id',
          params: {},
          subject: '',
          severity: 'error',
          message: 'x: y, 100%\r\nz',
        } as const,
      ],
    };
    expect(github(report, { color: false })).toBe(
      '::error file=ops/a%2Cb%3Ac%25d%0D%0Ae.md,line=2,col=3,endLine=2,endColumn=9,title=odd%3Arule%2Cid::x: y, 100%25%0D%0Az\n',
    );
  });

  test('never writes an end before the start', () => {
    const first = SAMPLE.diagnostics[0];
    if (first === undefined) throw new Error('the sample report has no diagnostics');
    const reversed = { ...first, span: { start: { line: 5, column: 4 }, end: { line: 5, column: 2 } } };
    expect(github({ ...SAMPLE, diagnostics: [reversed] }, { color: false })).toContain(',line=5,col=4,endLine=5,endColumn=4,');
  });

  test('writes nothing for a clean run', () => {
    expect(github(CLEAN, { color: false })).toBe('');
  });
});
