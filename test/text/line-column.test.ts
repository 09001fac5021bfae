import { describe, expect, it } from 'vitest';
import { lineColumns } from '../../src/text/line-column.js';

describe('lineColumns', () => {
  it('ends a line at \\n, \\r\\n and a lone \\r, as Markdown does', () => {
    const at = lineColumns('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  it('puts an offset inside a \\r\\n at the end of its line', () => {
    expect(lineColumns('ab\r\ncd')(3)).toEqual({ line: 1, column: 3 });
  });

  it('puts offsets past either end at that end', () => {
    const at = lineColumns('ab\ncd');
    expect(at(-4)).toEqual({ line: 1, column: 1 });
    expect(at(99)).toEqual({ line: 2, column: 3 });
  });

  it('answers offsets in any order the same as a fresh count would', () => {
    const text = 'one\ntwo\r\n\rthree\n';
    const shared = lineColumns(text);
    for (const offset of [15, 0, 9, 4, 10, 17, 3]) expect(shared(offset)).toEqual(lineColumns(text)(offset));
  });
});
