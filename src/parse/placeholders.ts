import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { Located } from '../model/runbook.js';
import { visit } from './body.js';
import { lineColumns } from '../text/line-column.js';

/** Text that marks an unfinished runbook. Markers are upper case only, so "a todo list" in prose is fine. */
const PLACEHOLDER = /\b(?:TODO|TBD|FIXME)\b|[Ll]orem ipsum|<insert\b[^>\n]*>/g;

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
    const firstColumn = node.type === 'yaml' ? 1 : start.column;
    const pointIn = lineColumns(value);
    for (const match of value.matchAll(PLACEHOLDER)) {
      const text = match[0];
      const inValue = pointIn(match.index);
      const line = firstLine + inValue.line - 1;
      const sourceLine = sourceLines[line - 1] ?? '';
      if (node.type === 'yaml' && /^\s*#/.test(sourceLine)) continue;
      const column = columnOf(sourceLine, text, (inValue.line === 1 ? firstColumn - 1 : 0) + inValue.column - 1);
      found.push({ value: text, span: { start: { line, column }, end: { line, column: column + text.length } } });
    }
  });
  return found;
}

/**
 * The 1-based column of `text` in the source line, searched from `index` on: the parsed value may
 * have lost characters before it (indentation, `>` markers, escapes), never gained them.
 */
function columnOf(sourceLine: string, text: string, index: number): number {
  for (let at = index; at + text.length <= sourceLine.length; at++) if (sourceLine.startsWith(text, at)) return at + 1;
  return index + 1;
}
