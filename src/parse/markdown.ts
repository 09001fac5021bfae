import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from './body.js';
import { CHUNK_TARGET, splitIntoChunks, type Chunk } from './chunks.js';
import { opensUnclosedFrontmatter } from './frontmatter-block.js';
import { lineColumns } from '../text/line-column.js';

const withFrontmatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const withoutFrontmatter = unified().use(remarkParse).use(remarkGfm).freeze();

/** A link reference definition, with its destination on the same or the next line. */
const DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:(?:[ \t]*\S.*|[ \t]*\r?\n[ \t]*\S.*)$/gm;

/**
 * Parses a whole file (frontmatter included) into an mdast tree with positions. Large files are
 * parsed in chunks (see chunks.ts) and stitched back with their real positions.
 */
export function parseMarkdown(text: string, chunkTarget = CHUNK_TARGET): Root {
  return parseChunks(text, splitIntoChunks(text, chunkTarget));
}

/** Parses a whole file from its chunks (as `splitIntoChunks` made them), stitched back with their real positions. */
export function parseChunks(text: string, chunks: readonly Chunk[]): Root {
  const processor = opensUnclosedFrontmatter(text) ? withoutFrontmatter : withFrontmatter;
  if (chunks.length === 1) return processor.parse(text);
  const definitions = [...text.matchAll(DEFINITION)].map((match) => match[0].trim()).join('\n');
  const children: RootContent[] = [];
  chunks.forEach((chunk, index) => {
    const next = chunks[index + 1];
    const nextLine = next === undefined ? '' : next.text.slice(0, next.text.indexOf('\n') + 1 || next.text.length);
    // One by one: a spread of a chunk's hundreds of thousands of nodes would overflow the stack.
    for (const node of parseChunk(chunk, nextLine, processor, definitions)) children.push(node);
  });
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { ...lineColumns(text)(text.length), offset: text.length } },
  };
}

/**
 * Parses one chunk followed by the first line of the next (so the chunk's last block ends as it does
 * in the whole file) and the document's link definitions (so references to definitions in other
 * chunks still resolve), drops what was appended, and shifts positions to the whole file.
 */
function parseChunk(chunk: Chunk, nextLine: string, processor: typeof withFrontmatter, definitions: string): readonly RootContent[] {
  const withDefinitions = chunk.closed && definitions !== '' && (nextLine !== '' || chunk.text.includes(']'));
  const appended = withDefinitions ? `${chunk.text}${nextLine}\n\n${definitions}\n` : `${chunk.text}${nextLine}`;
  const tree = processor.parse(appended);
  const own = tree.children.filter((node) => (node.position?.start.offset ?? 0) < chunk.text.length);
  const lineShift = chunk.line - 1;
  for (const node of own) {
    visit(node, (inner: Node) => {
      const position = inner.position;
      if (position === undefined) return;
      inner.position = {
        start: { line: position.start.line + lineShift, column: position.start.column, offset: (position.start.offset ?? 0) + chunk.offset },
        end: { line: position.end.line + lineShift, column: position.end.column, offset: (position.end.offset ?? 0) + chunk.offset },
      };
    });
  }
  return own;
}
