import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { errorsWithDuplicateKeys, YAML_OPTIONS } from '../../src/parse/yaml-unique-keys.js';

const errorsOf = (errors: readonly { readonly code: string; readonly pos: readonly number[]; readonly message: string }[]): readonly string[] =>
  errors.map((error) => `${error.code} ${error.pos.join('-')} ${error.message}`);

/** The errors of `uniqueKeys: true` and of this module, per document. */
function both(text: string): { readonly expected: readonly (readonly string[])[]; readonly actual: readonly (readonly string[])[] } {
  const options = { prettyErrors: false, schema: 'core' } as const;
  return {
    expected: [...parseAllDocuments(text, { ...options, uniqueKeys: true })].map((document) => errorsOf(document.errors)),
    actual: [...parseAllDocuments(text, { ...options, ...YAML_OPTIONS })].map((document) => errorsOf(errorsWithDuplicateKeys(document))),
  };
}

describe('errorsWithDuplicateKeys', () => {
  it.each([
    ['a block mapping', 'a: 1\nb: 2\na: 3\n'],
    ['numbers written differently', '1: a\n0x1: b\n1.0: c\n"1": d\n'],
    ['empty values before the repeated key', 'teams:\n  a:\n  a:\n'],
    ['explicit and empty keys', '? \n: 1\n? \n: 2\n? a\n? a\n'],
    ['anchors and tags on keys', '&x a: 1\n!!str a: 2\n*x : 3\n'],
    ['flow mappings, nested', '{a: 1, a: {x: 1, x: 2}}\n{a: {x: 1, x: 2}, a: 3}\n'],
    ['several documents', 'a: 1\na: 2\n---\nb: 1\nb: 2\n'],
    ['keys that are lists, mappings or NaN', '[a]: 1\n[a]: 2\n{a: 1}: 3\n{a: 1}: 4\n.nan: 5\n.nan: 6\n'],
    ['mappings inside lists', '- a: 1\n  a: 2\n- {b: 1, b: 2}\n'],
  ])('reports the duplicate keys of %s where and in the order the yaml package does', (_, text) => {
    const { expected, actual } = both(text);
    expect(expected.flat().some((error) => error.startsWith('DUPLICATE_KEY')) || text.includes('[a]')).toBe(true);
    expect(actual).toEqual(expected);
  });

  it('returns the parser errors unchanged when no key repeats', () => {
    const { expected, actual } = both('a: [1, 2\nb: 3\n');
    expect(actual).toEqual(expected);
  });
});
