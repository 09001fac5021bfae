import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { json, type JsonReport } from '../../src/report/json.js';
import { JSON_REPORT_SCHEMA } from '../../src/report/json-schema.js';
import { CLEAN, NOTHING, SAMPLE, TRICKY_MESSAGE } from './sample-report.js';

const validate = new Ajv({ allErrors: true, strict: true }).compile<JsonReport>(JSON_REPORT_SCHEMA);

function parsed(text: string): JsonReport {
  const document: unknown = JSON.parse(text);
  if (!validate(document)) throw new Error(`invalid JSON report: ${JSON.stringify(validate.errors)}`);
  return document;
}

describe('json', () => {
  test('matches its published schema, for a report with problems, a clean one and an empty one', () => {
    for (const report of [SAMPLE, CLEAN, NOTHING]) {
      const document: unknown = JSON.parse(json(report, { color: false }));
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test('the schema rejects a document with a misspelt severity', () => {
    const document = JSON.parse(json(SAMPLE, { color: false })) as { files: { diagnostics: { severity: string }[] }[] };
    const diagnostic = document.files[1]?.diagnostics[0];
    if (diagnostic === undefined) throw new Error('the sample report has no diagnostics in its second file');
    diagnostic.severity = 'fatal';
    expect(validate(document)).toBe(false);
  });

  test('counts files and diagnostics by severity in the summary', () => {
    expect(parsed(json(SAMPLE, { color: false })).summary).toEqual({ files: 3, errors: 2, warnings: 2, infos: 1 });
    expect(parsed(json(NOTHING, { color: false })).summary).toEqual({ files: 0, errors: 0, warnings: 0, infos: 0 });
  });

  test('lists a clean file with an empty diagnostics array', () => {
    expect(parsed(json(SAMPLE, { color: false })).files.map((entry) => [entry.file, entry.diagnostics.length])).toEqual([
      ['docs/clean.md', 0],
      ['docs/db failover é.md', 3],
      ['docs/web.md', 2],
    ]);
  });

  test('keeps the span, the message verbatim and the optional fields that are present', () => {
    const diagnostic = parsed(json(SAMPLE, { color: false })).files[1]?.diagnostics[1];
    expect(diagnostic).toEqual({
      file: 'docs/db failover é.md',
      line: 4,
      column: 14,
      endLine: 4,
      endColumn: 24,
      ruleId: 'placeholder-text',
      code: 'placeholder-text',
      severity: 'warning',
      message: TRICKY_MESSAGE,
      params: { text: 'TODO' },
      actual: 'TODO',
      note: 'Write the real step.',
    });
  });

  test('is indented by two spaces and ends with a newline', () => {
    const output = json(NOTHING, { color: false });
    expect(output).toMatch(/^\{\n {2}"version": 1,\n/);
    expect(output.endsWith('}\n')).toBe(true);
  });
});
