import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns, wrap } from '../../src/text/wrap.js';

describe('wrap, splitting long words (the cheat sheet)', () => {
  it('keeps every word, in order, on lines no wider than the width', () => {
    const word = fc.stringMatching(/^[a-zé%0-9.:/-]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.integer({ min: 12, max: 100 }), (words, width) => {
        const lines = wrap(words.join(' '), { width, first: '  1. ', rest: '     ', longWords: 'split' });
        for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(width);
        expect(lines.map((line, index) => line.slice(index === 0 ? 5 : 5)).join(' ').split(/\s+/).filter((each) => each !== '').join('')).toBe(words.join(''));
      }),
    );
  });

  it('hangs the following lines under the first', () => {
    expect(wrap('one two three four five six', { width: 14, first: '- ', rest: '  ', longWords: 'split' })).toEqual(['- one two', '  three four', '  five six']);
  });

  it('keeps a number with its percent sign', () => {
    expect(wrap('CPU above 80 % on every node', { width: 13, first: '', rest: '', longWords: 'split' })).toEqual(['CPU above', '80 % on every', 'node']);
  });

  it('splits a word longer than a whole line rather than overflow', () => {
    expect(wrap('see https://example.com/a/very/long/path', { width: 16, first: '', rest: '', longWords: 'split' })).toEqual(['see', 'https://example.', 'com/a/very/long/', 'path']);
  });
});

describe('wrap, keeping long words whole (the terminal)', () => {
  it('gives a word wider than the line a line of its own, unbroken', () => {
    const url = `https://example.com/${'x'.repeat(30)}`;
    expect(wrap(`see ${url} now`, { width: 20, first: '', rest: '  ', longWords: 'whole' })).toEqual(['see', `  ${url}`, '  now']);
  });
});

describe('wrap, either way', () => {
  const layouts = [{ longWords: 'split' }, { longWords: 'whole' }] as const;

  it('breaks at any white space, no-break and other Unicode spaces included, and joins words with one space', () => {
    for (const { longWords } of layouts) {
      expect(wrap('one\u00a0two\u2003three\r\n four', { width: 80, first: '', rest: '', longWords })).toEqual(['one two three four']);
    }
  });

  it('counts a letter and its combining accent as one column', () => {
    expect(columns('cafe\u0301')).toBe(4);
    for (const { longWords } of layouts) {
      expect(wrap('cafe\u0301 bar', { width: 8, first: '', rest: '', longWords })).toEqual(['cafe\u0301 bar']);
    }
  });

  it('gives one line, the first prefix trimmed, for empty text', () => {
    for (const { longWords } of layouts) expect(wrap(' \n', { width: 10, first: '1. ', rest: '   ', longWords })).toEqual(['1.']);
  });
});
