import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { FORMAT_NAMES, FORMATTERS, isFormatName } from '../../src/report/index.js';
import type { CheckReport } from '../../src/report/report.js';
import { CLEAN, NOTHING, SAMPLE } from './sample-report.js';

describe('the format registry', () => {
  test('names every format once, pretty first', () => {
    expect(FORMAT_NAMES).toEqual(['pretty', 'concise', 'json', 'github', 'gitlab', 'junit', 'sarif']);
    expect(FORMAT_NAMES.map((name) => typeof FORMATTERS[name])).toEqual(FORMAT_NAMES.map(() => 'function'));
  });

  test('recognises format names and nothing else', () => {
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
    expect(isFormatName('toString')).toBe(false);
  });

  test.each(FORMAT_NAMES)('%s writes the same text every time and leaves the report untouched', (name) => {
    const before = JSON.stringify(SAMPLE);
    expect(FORMATTERS[name](SAMPLE, { color: true })).toBe(FORMATTERS[name](SAMPLE, { color: true }));
    expect(JSON.stringify(SAMPLE)).toBe(before);
  });

  test.each(FORMAT_NAMES)('%s writes nothing, or text ending in a newline, for clean and empty runs', (name) => {
    for (const report of [CLEAN, NOTHING]) {
      const output = FORMATTERS[name](report, { color: false });
      expect(output === '' || output.endsWith('\n')).toBe(true);
    }
  });
});

const point = fc.record({ line: fc.integer({ min: 1, max: 10_000 }), column: fc.integer({ min: 1, max: 500 }) });
const severity = fc.constantFrom('error', 'warning', 'info') satisfies fc.Arbitrary<Diagnostic['severity']>;
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  file: fc.constantFrom(...SAMPLE.files),
  span: fc.record({ start: point, end: point }),
  ruleId: fc.constantFrom(...SAMPLE.rules.map((rule) => rule.id)),
  code: anyText,
  params: fc.dictionary(anyText, fc.oneof(anyText, fc.integer())),
  subject: anyText,
  severity,
  message: anyText,
});
const report: fc.Arbitrary<CheckReport> = fc
  .array(diagnostic, { maxLength: 8 })
  .map((diagnostics) => ({ ...SAMPLE, diagnostics }));

describe('every format, for any message text', () => {
  test('never throws and writes a newline-terminated text', () => {
    fc.assert(
      fc.property(report, fc.boolean(), (generated, color) => {
        for (const name of FORMAT_NAMES) {
          const output = FORMATTERS[name](generated, { color });
          expect(output === '' || output.endsWith('\n')).toBe(true);
        }
      }),
    );
  });

  test('line formats write exactly one line per diagnostic', () => {
    fc.assert(
      fc.property(report, (generated) => {
        for (const name of ['concise', 'github'] as const) {
          const output = FORMATTERS[name](generated, { color: false });
          expect(output.split('\n').length - 1).toBe(generated.diagnostics.length);
          expect(output.includes('\r')).toBe(false);
        }
      }),
    );
  });

  test('JSON formats round-trip the message exactly', () => {
    fc.assert(
      fc.property(report, (generated) => {
        const messages = generated.diagnostics.map((entry) => entry.message);
        const gitlab = JSON.parse(FORMATTERS.gitlab(generated, { color: false })) as { description: string }[];
        const sarif = JSON.parse(FORMATTERS.sarif(generated, { color: false })) as { runs: { results: { message: { text: string } }[] }[] };
        expect(gitlab.map((issue) => issue.description)).toEqual(messages);
        expect(sarif.runs[0]?.results.map((result) => result.message.text)).toEqual(messages);
      }),
    );
  });

  test('pretty without colour never writes a control character other than the line breaks it adds', () => {
    fc.assert(
      fc.property(report, (generated) => {
        const output = FORMATTERS.pretty(generated, { color: false });
        expect(output.replaceAll('\n', '')).not.toMatch(/\p{Cc}/u);
      }),
    );
  });
});
