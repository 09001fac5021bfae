import { toString } from 'mdast-util-to-string';
import type { Blocks } from '../model/prose.js';
import { oversizedChunk, splitIntoChunks } from './chunks.js';
import { crowdedParagraph } from './crowded-paragraph.js';
import { headingSlugs } from './heading-slugs.js';
import { parseChunks } from './markdown.js';
import { tooDeepLine, tooDeepNode } from './nesting.js';
import { blocksOf, definitionsOf } from './prose-blocks.js';

/**
 * The whole body of one runbook's text (frontmatter left out) as {@link Blocks}, for `show --full`:
 * read on demand for the one runbook shown, never stored with every parsed runbook. Undefined when
 * the text is beyond what the parser reads (the limits `parseRunbook` applies).
 */
export function bodyBlocks(text: string): Blocks | undefined {
  if (tooDeepLine(text) !== undefined || crowdedParagraph(text) !== undefined) return undefined;
  const chunks = splitIntoChunks(text);
  if (oversizedChunk(chunks) !== undefined) return undefined;
  const tree = parseChunks(text, chunks);
  if (tooDeepNode(tree) !== undefined) return undefined;
  const slugOf = headingSlugs();
  const slugs = new Map(tree.children.flatMap((node) => (node.type === 'heading' ? [[node, slugOf(toString(node).trim())] as const] : [])));
  return blocksOf(tree.children, { definitions: definitionsOf(tree.children), slugOf: (heading) => slugs.get(heading) ?? '' });
}
