import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { YamlBlock } from '../../src/parse/frontmatter.js';
import { findFrontmatterFences, frontmatterBlock } from '../../src/parse/frontmatter-block.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { spanOf } from '../../src/parse/span.js';

/** The frontmatter as the Markdown parser gives it: the value and span of its `yaml` node. */
function blockOfTree(text: string): YamlBlock | undefined {
  const first = parseMarkdown(text).children[0];
  return first?.type === 'yaml' ? { value: first.value, span: spanOf(first) } : undefined;
}

const span = (endLine: number, endColumn: number) => ({ start: { line: 1, column: 1 }, end: { line: endLine, column: endColumn } });

describe('frontmatterBlock', () => {
  it('gives the YAML between the fences and the span from the opening fence to the closing one', () => {
    expect(frontmatterBlock('---\ntitle: X\nowner: data\n---\n# X\n')).toEqual({ value: 'title: X\nowner: data', span: span(4, 4) });
  });

  it('skips a byte order mark without counting it as a column', () => {
    expect(frontmatterBlock('\uFEFF---\ntitle: X\n---\n')).toEqual({ value: 'title: X', span: span(3, 4) });
  });

  it('keeps CRLF inside the YAML and counts each CRLF as one line ending', () => {
    expect(frontmatterBlock('---\r\ntitle: X\r\nalerts: [A]\r\n---\r\nbody\r\n')).toEqual({ value: 'title: X\r\nalerts: [A]', span: span(4, 4) });
  });

  it('allows trailing spaces and tabs on both fences, and a closing fence at the end of the file', () => {
    expect(frontmatterBlock('--- \t\ntitle: X\n---  ')).toEqual({ value: 'title: X', span: span(3, 6) });
  });

  it('keeps blank lines of the YAML, and gives an empty value for an empty block', () => {
    expect(frontmatterBlock('---\n\ntitle: X\n\n---\n')).toEqual({ value: '\ntitle: X\n', span: span(5, 4) });
    expect(frontmatterBlock('---\n---\n')).toEqual({ value: '', span: span(2, 4) });
    expect(frontmatterBlock('---\n\n---\n')).toEqual({ value: '', span: span(3, 4) });
  });

  it('finds nothing when the block is never closed', () => {
    expect(frontmatterBlock('---\ntitle: X\n# X\n')).toBeUndefined();
    expect(frontmatterBlock('---\ntitle: X\n ---\n')).toBeUndefined();
    expect(frontmatterBlock('---\ntitle: X\n----\n')).toBeUndefined();
    expect(frontmatterBlock('---')).toBeUndefined();
  });

  it('finds nothing when `---` is not on the first line, or not alone on it', () => {
    expect(frontmatterBlock('\n---\ntitle: X\n---\n')).toBeUndefined();
    expect(frontmatterBlock(' ---\ntitle: X\n---\n')).toBeUndefined();
    expect(frontmatterBlock('--- title: X\n---\n')).toBeUndefined();
    expect(frontmatterBlock('# X\n\n---\ntitle: X\n---\n')).toBeUndefined();
  });

  it('takes a lone CR for a line ending before the closing fence, as remark-frontmatter does', () => {
    expect(frontmatterBlock('---\ntitle: X\r---\n')).toEqual({ value: 'title: X', span: span(3, 4) });
    expect(blockOfTree('---\ntitle: X\r---\n')).toEqual({ value: 'title: X', span: span(3, 4) });
  });

  it('gives the same value and span as the Markdown parser, whatever the text', () => {
    const piece = fc.constantFrom('---', '----', '-', ' ', '\t', '\n', '\r\n', '\r', 'title: X', 'a', '#', '\uFEFF', '...', '  - b');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.boolean(), (pieces, opens) => {
        const text = `${opens ? '---\n' : ''}${pieces.join('')}`;
        expect(frontmatterBlock(text)).toEqual(blockOfTree(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('findFrontmatterFences', () => {
  it('finds the YAML between the fences, allowing trailing spaces on them', () => {
    const text = '---  \ntitle: X\n--- \t\nbody';
    const fences = findFrontmatterFences(text);
    expect(fences && text.slice(fences.yamlStart, fences.closeStart)).toBe('title: X\n');
    expect(fences && text.slice(fences.closeStart, fences.closeEnd)).toBe('--- \t');
  });

  it('finds no block when the first line is not a fence or the block never closes', () => {
    expect(findFrontmatterFences('\n---\ntitle: X\n---\n')).toBeUndefined();
    expect(findFrontmatterFences(' ---\ntitle: X\n---\n')).toBeUndefined();
    expect(findFrontmatterFences('---\ntitle: X\n ---\n')).toBeUndefined();
  });

  it('takes the line ending of the last line of the YAML for a new line', () => {
    expect(findFrontmatterFences('---\r\ntitle: X\r\n---\r\n')?.lineEnding).toBe('\r\n');
    expect(findFrontmatterFences('---\ntitle: X\n---')?.lineEnding).toBe('\n');
  });
});
