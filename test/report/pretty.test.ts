import { describe, expect, test } from 'vitest';
import { pretty } from '../../src/report/pretty.js';
import { CLEAN, NOTHING, SAMPLE } from './sample-report.js';

const ESC = '\u001b';

describe('pretty', () => {
  test('groups diagnostics under their file in aligned columns and ends with the counts', () => {
    expect(pretty(SAMPLE, { color: false })).toBe(
      [
        'docs/db failover é.md',
        '  1:1   error    Missing required field `owner`                                         required-field',
        `  4:14  warning  Placeholder "TODO" found: 50% done, <fix> & 'ship': soon\\nsecond line  placeholder-text`,
        '  9:1   info     Due for a test in 5 days                                               due-soon',
        '',
        'docs/web.md',
        '  3:14  error    Stale: last tested 2025-01-10  stale',
        '  12:3  warning  Broken link to `./gone.md`     broken-link',
        '',
        '✖ 5 problems (2 errors, 2 warnings, 1 info) in 2 of 3 files',
        '',
      ].join('\n'),
    );
  });

  test('does not list files without problems', () => {
    expect(pretty(SAMPLE, { color: false })).not.toContain('docs/clean.md');
  });

  test('writes no escape codes without colour', () => {
    expect(pretty(SAMPLE, { color: false })).not.toContain(ESC);
  });

  test('colours severities, positions and the summary with colour on', () => {
    const output = pretty(SAMPLE, { color: true });
    expect(output).toContain(`${ESC}[31merror${ESC}[39m`);
    expect(output).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(output).toContain(`${ESC}[36minfo${ESC}[39m`);
    expect(output).toContain(`${ESC}[2m4:14${ESC}[22m`);
    expect(output).toContain(`${ESC}[1m${ESC}[4mdocs/web.md${ESC}[24m${ESC}[22m`);
    expect(stripAnsi(output)).toBe(pretty(SAMPLE, { color: false }));
  });

  test('says every file was clean when there are no problems', () => {
    expect(pretty(CLEAN, { color: false })).toBe('✔ 3 files checked, no problems\n');
    expect(pretty({ ...CLEAN, files: ['one.md'] }, { color: false })).toBe('✔ 1 file checked, no problems\n');
    expect(pretty(NOTHING, { color: true })).toBe(`${ESC}[32m✔ 0 files checked, no problems${ESC}[39m\n`);
  });

  test('uses singular nouns for counts of one', () => {
    const one = { ...SAMPLE, diagnostics: SAMPLE.diagnostics.slice(0, 1) };
    expect(pretty(one, { color: false })).toContain('✖ 1 problem (1 error, 0 warnings, 0 info) in 1 of 3 files\n');
  });

  test('lists a file a diagnostic names even when it was not among the checked files', () => {
    const first = SAMPLE.diagnostics[0];
    if (first === undefined) throw new Error('the sample report has no diagnostics');
    const report = { ...CLEAN, diagnostics: [{ ...first, file: 'runbooks' }] };
    expect(pretty(report, { color: false })).toContain('runbooks\n  1:1  error  Missing required field `owner`  required-field\n');
    expect(pretty(report, { color: false })).toContain('in 1 of 4 files');
  });
});

/** Removes SGR sequences (`\p{Cc}`, because lint rejects a literal ESC in a pattern). */
function stripAnsi(text: string): string {
  return text.replaceAll(/\p{Cc}\[\d+m/gu, '');
}
