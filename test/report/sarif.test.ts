import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { CheckReport } from '../../src/report/report.js';
import { artifactUri, PARTIAL_FINGERPRINT, sarif } from '../../src/report/sarif.js';
import { daysLater, NOTHING, RULE_DOCS, SAMPLE, TRICKY_MESSAGE } from './sample-report.js';

const SCHEMA_FILE = new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url);
const schema: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
if (typeof schema !== 'object' || schema === null) throw new Error(`${SCHEMA_FILE.pathname} does not hold a JSON schema object`);

// The SARIF schema is draft-04, hence ajv-draft-04. Its options:
// - `validateFormats: false`: the schema uses `format: uri`, `uri-reference` and `date-time`, and
//   ajv-formats is not a dependency; structure, types, enums, required properties and minimums are
//   still checked (`artifactUri` has its own tests below). Strict mode stays on.
// - `unicodeRegExp: false`: the schema's `language` pattern (`...-[a-zA-Z]{2}]?$`) has a stray `]`
//   that is only legal without the `u` flag.
// The package is CommonJS whose `module.exports` is the class and also sets `default` to it; under
// NodeNext, TypeScript types the default import as the module, so the class is `.default`.
const Ajv = AjvDraft04.default;
const validate = new Ajv({ allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);

interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}
interface Result {
  readonly ruleId: string;
  readonly ruleIndex?: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: { readonly artifactLocation: { readonly uri: string; readonly index?: number }; readonly region: Region };
  }[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}
interface Log {
  readonly $schema: string;
  readonly version: string;
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly name: string; readonly rules: readonly { readonly id: string; readonly name: string }[] } };
    readonly artifacts: readonly { readonly location: { readonly uri: string } }[];
    readonly results: readonly Result[];
  }[];
}

function log(report: CheckReport): Log {
  const document: unknown = JSON.parse(sarif(report, { color: false }));
  expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
  // Validated against the SARIF schema just above; `Log` names the parts the tests read.
  return document as Log;
}

function run(report: CheckReport): Log['runs'][number] {
  const first = log(report).runs[0];
  if (first === undefined) throw new Error('the SARIF log has no run');
  return first;
}

describe('sarif', () => {
  test('is valid SARIF 2.1.0 for the sample report, for the registered rules and with nothing checked', () => {
    expect(log(SAMPLE).version).toBe('2.1.0');
    expect(log(SAMPLE).$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(run({ ...NOTHING, rules: RULES }).tool.driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(run(NOTHING).results).toEqual([]);
  });

  test('the schema rejects a result with an unknown level', () => {
    const document = JSON.parse(sarif(SAMPLE, { color: false })) as { runs: { results: { level: string }[] }[] };
    const result = document.runs[0]?.results[0];
    if (result === undefined) throw new Error('the SARIF log has no result');
    result.level = 'fatal';
    expect(validate(document)).toBe(false);
  });

  test('describes every rule of the report with an identifier-like name', () => {
    expect(run(SAMPLE).tool.driver.rules.map((rule) => [rule.id, rule.name])).toEqual([
      ['required-field', 'RequiredField'],
      ['placeholder-text', 'PlaceholderText'],
      ['due-soon', 'DueSoon'],
      ['stale', 'Stale'],
      ['broken-link', 'BrokenLink'],
    ]);
  });

  test('writes one result per diagnostic pointing at its rule, with info as note', () => {
    const results = run(SAMPLE).results;
    expect(results.map((result) => [result.ruleId, result.ruleIndex, result.level])).toEqual([
      ['required-field', 0, 'error'],
      ['placeholder-text', 1, 'warning'],
      ['due-soon', 2, 'note'],
      ['stale', 3, 'error'],
      ['broken-link', 4, 'warning'],
    ]);
    for (const result of results) expect(RULE_DOCS[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(results[1]?.message.text).toBe(TRICKY_MESSAGE);
  });

  test('locates results by percent-encoded relative URI, artifact index and region', () => {
    const { artifacts, results } = run(SAMPLE);
    expect(artifacts.map((artifact) => artifact.location.uri)).toEqual(['docs/clean.md', 'docs/db%20failover%20%C3%A9.md', 'docs/web.md']);
    expect(results[1]?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'docs/db%20failover%20%C3%A9.md', index: 1 },
          region: { startLine: 4, startColumn: 14, endLine: 4, endColumn: 24 },
        },
      },
    ]);
  });

  test('gives every result a distinct partial fingerprint that days later and lines further down are the same', () => {
    const fingerprints = (report: CheckReport): readonly (string | undefined)[] => run(report).results.map((result) => result.partialFingerprints[PARTIAL_FINGERPRINT]);
    const now = fingerprints(SAMPLE);
    expect(new Set(now).size).toBe(SAMPLE.diagnostics.length);
    for (const fingerprint of now) expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const later = SAMPLE.diagnostics.map((diagnostic) => {
      const moved = daysLater(diagnostic);
      return { ...moved, span: { start: { ...moved.span.start, line: moved.span.start.line + 5 }, end: { ...moved.span.end, line: moved.span.end.line + 5 } } };
    });
    expect(fingerprints({ ...SAMPLE, diagnostics: later })).toEqual(now);
    expect(fingerprints({ ...SAMPLE, diagnostics: SAMPLE.diagnostics.map((diagnostic) => ({ ...diagnostic, subject: `${diagnostic.subject}!` })) })).not.toEqual(now);
  });

  test('leaves out the rule index for a rule the report does not describe', () => {
    const unknown: Diagnostic = { ...firstDiagnostic(), ruleId: 'not-a-rule' };
    const [result] = run({ ...SAMPLE, diagnostics: [unknown] }).results;
    expect(result?.ruleId).toBe('not-a-rule');
    expect(result).not.toHaveProperty('ruleIndex');
  });

  test('never writes an end before the start or a position below 1', () => {
    const broken: Diagnostic = { ...firstDiagnostic(), span: { start: { line: 0, column: 7 }, end: { line: 0, column: 2 } } };
    expect(run({ ...SAMPLE, diagnostics: [broken] }).results[0]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 7,
      endLine: 1,
      endColumn: 7,
    });
  });
});

describe('artifactUri', () => {
  test('keeps relative paths relative and turns absolute ones into file URIs', () => {
    expect(artifactUri('docs/a b#1?%.md')).toBe('docs/a%20b%231%3F%25.md');
    expect(artifactUri('docs\\windows\\path.md')).toBe('docs/windows/path.md');
    expect(artifactUri('/srv/runbooks/a.md')).toBe('file:///srv/runbooks/a.md');
    expect(artifactUri('C:\\runbooks\\a b.md')).toBe('file:///C:/runbooks/a%20b.md');
    expect(artifactUri('weird:name.md')).toBe('weird%3Aname.md');
  });
});

function firstDiagnostic(): Diagnostic {
  const first = SAMPLE.diagnostics[0];
  if (first === undefined) throw new Error('the sample report has no diagnostics');
  return first;
}
