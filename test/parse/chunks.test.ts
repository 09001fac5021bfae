import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitIntoChunks } from '../../src/parse/chunks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { SHARED, sharedAvailable } from '../shared.js';

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** The tree remark gives for the whole text at once, for comparison. */
function reference(text: string): unknown {
  return whole.parse(text).children;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => /\.md(\.erb)?$/.test(path) && statSync(path).isFile());
}

describe('chunked parsing', () => {
  it('gives the same tree as parsing the whole file, for tricky boundaries', () => {
    const text = [
      '# Title',
      '',
      'Intro with a [reference][later] and [another][def-next-line].',
      '',
      '```sh',
      '',
      '# not a heading, inside a fence',
      '',
      'still code',
      '```',
      '',
      '<!--',
      '',
      '# inside a comment',
      '',
      '-->',
      '',
      '1. first step',
      '',
      'Paragraph that ends the list.',
      '',
      '2. a new list',
      '',
      '<pre>',
      '',
      'Raw text',
      '',
      '</pre>',
      '',
      'Setext heading',
      '==============',
      '',
      '    indented code',
      '',
      'Last words.',
      '',
      '[later]: https://example.com/later',
      '[def-next-line]:',
      '  https://example.com/next',
      '',
    ].join('\n');
    for (const target of [1, 10, 40, 100]) {
      expect(splitIntoChunks(text, target).length, `target ${target}`).toBeGreaterThan(1);
      expect(parseMarkdown(text, target).children, `target ${target}`).toEqual(reference(text));
    }
  });

  it('never splits inside a fence, comment or raw HTML block', () => {
    const text = 'a\n\n```\n\nb\n\nc\n```\n\n<!--\n\nd\n\n-->\n\n<script>\n\ne\n\n</script>\n\nf\n';
    const starts = splitIntoChunks(text, 1).map((chunk) => chunk.text.split('\n')[0]);
    expect(starts).toEqual(['a', 'f']);
  });

  it('gives the same tree for generated documents of blocks', () => {
    const block = fc.constantFrom(
      '# Heading', 'Some *text* with `code`.', '- item\n- item', '1. one\n2. two', '> quote', '```\ncode\n\n# x\n```',
      '<!-- c\n\nstill -->', '| a | b |\n| - | - |\n| 1 | 2 |', 'See [x][ref].', '[ref]: https://example.com', '    indented', 'Title\n---', '***', '<div>\nhtml\n</div>',
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 2, maxLength: 30 }), fc.constantFrom('\n\n', '\n'), (blocks, separator) => {
        const text = blocks.join(separator) + '\n';
        expect(parseMarkdown(text, 8).children).toEqual(reference(text));
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  const available = sharedAvailable();
  it.skipIf(!available)('gives the same tree as parsing the whole file for every real corpus file', () => {
    const files = markdownFiles(join(SHARED, 'corpora'));
    expect(files.length).toBeGreaterThan(700);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      if (text.length < 1000) continue;
      expect(parseMarkdown(text, 1000).children, path).toEqual(reference(text));
    }
  });
});

describe('chunked parsing of a large frontmatter block (regression)', () => {
  it('never splits inside the frontmatter, even at a blank line followed by a word', () => {
    const yaml = Array.from({ length: 400 }, (_, index) => `key${index}: value ${index}\n\nnote${index}: text`).join('\n');
    const text = `---\n${yaml}\n---\n# Body\n\nSome text.\n`;
    expect(text.length).toBeGreaterThan(2000);
    const tree = parseMarkdown(text, 500);
    expect(tree.children[0]?.type).toBe('yaml');
    expect(tree.children).toEqual(reference(text));
  });
});
