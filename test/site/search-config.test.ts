import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, parseConfig } from '../../src/parse/config.js';

const PATH = '/repo/runbook.config.yaml';

describe('the `search.synonyms` config key', () => {
  it('is a list of groups of words, none by default', () => {
    expect(defaultConfig('/repo').search).toEqual({ synonyms: [] });
    expect(parseConfig('search:\n  synonyms:\n    - [pg, postgres, PostgreSQL]\n', PATH).search).toEqual({ synonyms: [['pg', 'postgres', 'PostgreSQL']] });
  });

  it('rejects a word that is not one search word, and a group of one, located and quoted', () => {
    const parse = (): unknown => parseConfig('search:\n  synonyms:\n    - [pg, "out of memory"]\n    - [alone]\n', PATH, { label: 'runbook.config.yaml' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(
      [
        'invalid configuration:',
        '  runbook.config.yaml:3:12: `search.synonyms.0.1`: the synonym `out of memory` is not one word: expected letters and digits only',
        '  runbook.config.yaml:4:7: `search.synonyms.1`: expected a group of at least two words',
      ].join('\n'),
    );
  });

  it('caps the groups, the words of a group and the length of a word, located', () => {
    const groups = Array.from({ length: 201 }, (_, index) => `    - [a${index}, b${index}]`).join('\n');
    const words = `    - [${Array.from({ length: 51 }, (_, index) => `w${index}`).join(', ')}]`;
    const parse = (list: string): unknown => parseConfig(`search:\n  synonyms:\n${list}\n`, PATH, { label: 'runbook.config.yaml' });
    expect(() => parse(groups)).toThrow('runbook.config.yaml:3:5: `search.synonyms`: expected at most 200 groups');
    expect(() => parse(words)).toThrow('runbook.config.yaml:3:7: `search.synonyms.0`: expected a group of at most 50 words');
    expect(() => parse(`    - [pg, ${'p'.repeat(41)}]`)).toThrow(`runbook.config.yaml:3:12: \`search.synonyms.0.1\`: the synonym \`${'p'.repeat(41)}\` is 41 characters long: expected at most 40`);
  });
});
