import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandLines, wrap } from '../../src/oncall/wrap.js';
import { columns } from '../../src/text/wrap.js';

describe('wrap', () => {
  it('breaks between words at the width, with the prefixes', () => {
    expect(wrap('aaa bbb ccc', { first: '1. ', rest: '   ' }, 10)).toEqual(['1. aaa bbb', '   ccc']);
  });

  it('gives a word wider than the line a line of its own, unbroken', () => {
    const url = `https://example.com/${'x'.repeat(80)}`;
    expect(wrap(`see ${url} now`, { first: '', rest: '  ' }, 40)).toEqual(['see', `  ${url}`, '  now']);
  });

  it('treats line breaks in prose as spaces', () => {
    expect(wrap('one\ntwo\r\n  three', { first: '', rest: '' })).toEqual(['one two three']);
  });

  it('never makes a line wider than the width unless one word is', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }).filter((word) => !/\s|\p{Cc}/u.test(word)), { maxLength: 40 }), (words) => {
        for (const line of wrap(words.join(' '), { first: '  ', rest: '    ' }, 30)) {
          expect(columns(line) <= 30 || !line.trim().includes(' ')).toBe(true);
        }
      }),
    );
  });
});

describe('commandLines', () => {
  it('keeps every line of a command as written, tabs included, without trailing blank lines', () => {
    expect(commandLines('a  |  b\n\tc\n\n', '  ')).toEqual(['  a  |  b', '  \tc']);
    expect(commandLines('a\r\nb', '')).toEqual(['a', 'b']);
  });

  it('shows terminal escape sequences as text', () => {
    expect(commandLines('echo \u001b[2J', '')).toEqual(['echo \\u001b[2J']);
  });
});
