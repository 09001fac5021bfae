import type { Node } from 'unist';
import { FILE_START, type Span } from '../model/diagnostic.js';

/** The span of an mdast node (every parsed node has one; generated nodes fall back to the file start). */
export function spanOf(node: Node): Span {
  const position = node.position;
  if (!position) return FILE_START;
  return {
    start: { line: position.start.line, column: position.start.column },
    end: { line: position.end.line, column: position.end.column },
  };
}
