import fc from 'fast-check';
import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { junit } from '../../src/report/junit.js';
import type { CheckReport } from '../../src/report/report.js';
import { ACCENTED_FILE, CLEAN, NOTHING, SAMPLE, TRICKY_MESSAGE } from './sample-report.js';

interface TestCase {
  readonly '@_name': string;
  readonly '@_classname': string;
  readonly failure?: { readonly '@_message': string; readonly '@_type': string; readonly '#text': string };
}
interface TestSuite {
  readonly '@_name': string;
  readonly '@_tests': string;
  readonly '@_failures': string;
  readonly '@_errors': string;
  readonly testcase: readonly TestCase[];
}
interface Document {
  readonly testsuites: {
    readonly '@_name': string;
    readonly '@_tests': string;
    readonly '@_failures': string;
    readonly testsuite?: readonly TestSuite[];
  };
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * XML 1.0's own entities: the five predefined ones and character references. fast-xml-parser only
 * decodes character references (`&#10;`) under its deprecated `htmlEntities` option, and they are
 * how JUnit attributes keep line breaks, so the test supplies a decoder.
 */
const xmlEntities: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) =>
    text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([a-z]+));/g, (reference, hex?: string, decimal?: string, name?: string) => {
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10));
      return (name === undefined ? undefined : PREDEFINED[name]) ?? reference;
    }),
};

const parser = new XMLParser({
  entityDecoder: xmlEntities,
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

function parsed(report: CheckReport): Document {
  const xml = junit(report, { color: false });
  // Deprecated in favour of the separate fast-xml-validator package, which is not a dependency;
  // the parser alone is lenient, so this is what proves the document well-formed.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  expect(XMLValidator.validate(xml)).toBe(true);
  // The parser returns `any`; the interfaces above describe what these assertions rely on.
  return parser.parse(xml) as Document;
}

function suites(report: CheckReport): readonly TestSuite[] {
  return parsed(report).testsuites.testsuite ?? [];
}

describe('junit', () => {
  test('starts with the XML declaration', () => {
    expect(junit(SAMPLE, { color: false })).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="runbook" /);
  });

  test('writes one suite per checked file and one failing test case per error or warning, leaving out info', () => {
    const document = parsed(SAMPLE);
    expect([document.testsuites['@_tests'], document.testsuites['@_failures']]).toEqual(['5', '4']);
    expect(
      suites(SAMPLE).map((suite) => [suite['@_name'], suite['@_tests'], suite['@_failures'], suite['@_errors'], suite.testcase.length]),
    ).toEqual([
      ['docs/clean.md', '1', '0', '0', 1],
      [ACCENTED_FILE, '2', '2', '0', 2],
      ['docs/web.md', '2', '2', '0', 2],
    ]);
  });

  test('names failing test cases by rule and position, with the severity as the failure type', () => {
    const cases = suites(SAMPLE).flatMap((suite) => suite.testcase);
    expect(cases.map((testCase) => [testCase['@_name'], testCase['@_classname'], testCase.failure?.['@_type']])).toEqual([
      ['runbook check', 'docs/clean.md', undefined],
      ['required-field 1:1', ACCENTED_FILE, 'error'],
      ['placeholder-text 4:14', ACCENTED_FILE, 'warning'],
      ['stale 3:14', 'docs/web.md', 'error'],
      ['broken-link 12:3', 'docs/web.md', 'warning'],
    ]);
  });

  test('round-trips quotes, ampersands, angle brackets and newlines in messages', () => {
    // Conforming parsers turn a raw line break in an attribute into a space (fast-xml-parser does
    // not), so the escaping itself is asserted on the text.
    expect(junit(SAMPLE, { color: false })).toContain(
      '<failure message="Placeholder &quot;TODO&quot; found: 50% done, &lt;fix&gt; &amp; &apos;ship&apos;: soon&#10;second line" type="warning">',
    );
    const failure = suites(SAMPLE)[1]?.testcase[1]?.failure;
    expect(failure?.['@_message']).toBe(TRICKY_MESSAGE);
    expect(failure?.['#text']).toBe(
      `${ACCENTED_FILE}:4:14: warning ${TRICKY_MESSAGE} (placeholder-text)\nActual: TODO\nNote: Write the real step.`,
    );
  });

  test('passes a file whose only diagnostics are info', () => {
    const info = SAMPLE.diagnostics.filter((diagnostic) => diagnostic.severity === 'info');
    expect(suites({ ...SAMPLE, diagnostics: info })[1]?.testcase).toEqual([{ '@_name': 'runbook check', '@_classname': ACCENTED_FILE }]);
  });

  test('drops characters XML 1.0 cannot carry and keeps CR and tab', () => {
    const first = SAMPLE.diagnostics[0];
    if (first === undefined) throw new Error('the sample report has no diagnostics');
    const report = { ...SAMPLE, diagnostics: [{ ...first, message: 'a\u0000b\u001bc\r\n\td\uFFFFe\uD800f' }] };
    expect(suites(report)[1]?.testcase[0]?.failure?.['@_message']).toBe('abc\r\n\tdef');
    const forbidden = Array.from(junit(report, { color: false })).filter((character) => !allowedInXml(character.codePointAt(0) ?? 0));
    expect(forbidden).toEqual([]);
  });

  test('round-trips any message, less the characters XML 1.0 cannot carry', () => {
    const first = SAMPLE.diagnostics[0];
    if (first === undefined) throw new Error('the sample report has no diagnostics');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (message) => {
        const report = { ...SAMPLE, diagnostics: [{ ...first, message }] };
        const carried = Array.from(message)
          .filter((character) => allowedInXml(character.codePointAt(0) ?? 0))
          .join('');
        expect(suites(report)[1]?.testcase[0]?.failure?.['@_message']).toBe(carried);
      }),
    );
  });

  test('lists every clean file as one passing test case', () => {
    expect(suites(CLEAN).map((suite) => suite.testcase)).toEqual(
      CLEAN.files.map((file) => [{ '@_name': 'runbook check', '@_classname': file }]),
    );
  });

  test('is a valid document with no suites when nothing was checked', () => {
    const document = parsed(NOTHING);
    expect([document.testsuites['@_tests'], document.testsuites['@_failures'], document.testsuites.testsuite]).toEqual(['0', '0', undefined]);
  });
});

/** XML 1.0's `Char` production. */
function allowedInXml(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
