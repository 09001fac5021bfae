import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { Located } from '../model/runbook.js';
import { visit } from './body.js';

/** Text that marks an unfinished runbook. Upper-case markers only, so "todo list" in prose is fine. */
const PLACEHOLDER = /\b(?:TODO|TBD|FIXME)\b|lorem ipsum|<insert\b[^>\n]*>/gi;
const UPPER_MARKER = /^(?:TODO|TBD|FIXME)$/;

/**
 * Finds placeholder text in the body's prose and HTML, and in the frontmatter lines (comments
 * excluded), with the line and column of each as written in the source.
 */
export function findPlaceholders(tree: Root, sourceLines: readonly string[]): readonly Located<string>[] {
  const found: Located<string>[] = [];
  visit(tree, (node: Node) => {
    if (node.type !== 'text' && node.type !== 'html' && node.type !== 'yaml') return;
    const value = (node as unknown as { value: string }).value;
    const start = node.position?.start;
    if (start === undefined) return;
    const firstLine = node.type === 'yaml' ? start.line + 1 : start.line;
    for (const match of value.matchAll(PLACEHOLDER)) {
      const text = match[0];
      if (/^[a-z]/i.test(text) && text.length <= 5 && !UPPER_MARKER.test(text)) continue;
      const before = value.slice(0, match.index);
      const lineOffset = before.split('\n').length - 1;
      const line = firstLine + lineOffset;
      const sourceLine = sourceLines[line - 1] ?? '';
      if (node.type === 'yaml' && /^\s*#/.test(sourceLine)) continue;
      const guess = lineOffset === 0 && node.type !== 'yaml' ? start.column + before.length : before.length - before.lastIndexOf('\n');
      const foundAt = sourceLine.indexOf(text);
      const column = foundAt === -1 ? guess : foundAt + 1;
      found.push({ value: text, span: { start: { line, column }, end: { line, column: column + text.length } } });
    }
  });
  return found;
}
