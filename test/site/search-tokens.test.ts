import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTerms, searchWords, shardKey, tailKey } from '../../src/site/search-tokens.js';
import { loadCore } from './search-harness.js';

describe('searchWords', () => {
  it('keeps compound names whole and splits them at CamelCase and joiners', () => {
    expect(searchWords('PostgresPrimaryDown')).toEqual([{ whole: 'postgresprimarydown', parts: ['postgres', 'primary', 'down'] }]);
    expect(searchWords('disk_usage_high')).toEqual([{ whole: 'diskusagehigh', parts: ['disk', 'usage', 'high'] }]);
    expect(searchWords('orders-db')).toEqual([{ whole: 'ordersdb', parts: ['orders', 'db'] }]);
    expect(searchWords('HTTPServerError')).toEqual([{ whole: 'httpservererror', parts: ['http', 'server', 'error'] }]);
    expect(searchWords('HTTP5xxRateHigh')).toEqual([{ whole: 'http5xxratehigh', parts: ['http5xx', 'rate', 'high'] }]);
  });

  it('splits text at anything but letters, digits and joiners inside a word', () => {
    expect(searchWords('Check patroni: patronictl list.').map((word) => word.whole)).toEqual(['check', 'patroni', 'patronictl', 'list']);
    expect(searchWords('see db.internal, -flag_ and ___')).toEqual([
      { whole: 'see', parts: [] },
      { whole: 'dbinternal', parts: ['db', 'internal'] },
      { whole: 'flag', parts: [] },
      { whole: 'and', parts: [] },
    ]);
  });

  it('lower-cases and removes Latin accents, and keeps other letters', () => {
    expect(searchWords('Über Café ПЛАТЁЖ 支付').map((word) => word.whole)).toEqual(['uber', 'cafe', 'платеж', '支付']);
  });
});

describe('searchTerms', () => {
  it('drops stop words, one-letter and very long words from prose, not from names', () => {
    expect(searchTerms('Restart the API in a minute', 'text')).toEqual(['restart', 'api', 'minute']);
    expect(searchTerms(`token ${'a'.repeat(41)}`, 'text')).toEqual(['token']);
    expect(searchTerms('TheAWatcher', 'name')).toEqual(['theawatcher', 'the', 'a', 'watcher']);
  });

  it('gives each term once', () => {
    expect(searchTerms('disk disk DiskFull', 'text')).toEqual(['disk', 'diskfull', 'full']);
  });
});

describe('shardKey and tailKey', () => {
  it('are safe file name parts', () => {
    expect(shardKey('primary')).toBe('pr');
    expect(shardKey('x')).toBe('x');
    expect(shardKey('aé')).toBe('a_');
    expect(shardKey('über')).toBe(`_${'ü'.charCodeAt(0).toString(36)}`);
    expect(tailKey('primary')).toBe('im');
    expect(tailKey('pr')).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (text) => {
        expect(shardKey(text)).toMatch(/^[a-z0-9_]+$/);
      }),
    );
  });
});

describe('the browser tokenizer', () => {
  const { core } = loadCore();
  const pieces = ['Postgres', 'primary', 'DOWN', 'x', '5xx', '_', '-', '.', "'", ' ', '  ', 'é', 'É', 'e\u0301', 'ß', 'İ', 'Ωmega', 'платёж', '支付', '😀', '\u2028', ':', '/', 'aB', 'ABc', '9Z', 'ǅ'];

  it('gives the same words and shard keys as the build', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme' })), { maxLength: 12 }), (list) => {
        const text = list.join('');
        const words = searchWords(text);
        // Copied out of the vm context so that arrays compare like local ones.
        expect(JSON.parse(JSON.stringify(core.searchWords(text)))).toEqual(words);
        for (const word of words) {
          for (const term of [word.whole, ...word.parts]) {
            expect(core.shardKey(term)).toBe(shardKey(term));
            if (term.length >= 3) expect(core.shardKey(term.slice(2))).toBe(tailKey(term));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('tells words one typo apart', () => {
    const yes: readonly [string, string][] = [['primary', 'primray'], ['primary', 'rpimary'], ['primary', 'rimary'], ['primary', 'pprimary'], ['disk', 'dsik'], ['disk', 'disk']];
    const no: readonly [string, string][] = [['primary', 'pimray'], ['disk', 'dusk1'], ['abc', 'cba']];
    for (const [a, b] of yes) expect(core.withinOneEdit(a, b), `${a} ${b}`).toBe(true);
    for (const [a, b] of no) expect(core.withinOneEdit(a, b), `${a} ${b}`).toBe(false);
  });
});
