/**
 * Nesting limits. Why: remark, mdast-util-to-hast, hast-util-sanitize and hast-util-to-html walk
 * trees recursively, and micromark's time grows with the square of the nesting depth, so a file of
 * 10,000 nested block quotes or list items takes minutes and then overflows the stack. No runbook
 * nests a hundred levels deep: a file that does is reported at the line that goes too deep instead
 * of being parsed.
 */
import { linesOf } from './lines.js';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { Span } from '../model/diagnostic.js';
import { spanOf } from './span.js';

/** Most levels of block quotes and list items a line may open (each needs `>` or two columns). */
export const MAX_NESTING = 100;

/** Deepest Markdown tree read (inline nesting: emphasis in links in emphasis…). */
export const MAX_TREE_DEPTH = 400;

/** Where a file goes too deep, and how deep. */
export interface TooDeep {
  readonly depth: number;
  readonly span: Span;
}

/** The leading run of container markers of a line: spaces, tabs, `>`, list markers. */
const CONTAINER_PREFIX = /^(?:[ \t]|>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The first line whose container prefix could open more than {@link MAX_NESTING} levels: every level
 * needs a `>`, a list marker or two columns of indentation on the line that opens it, so counting
 * those bounds the depth from above without parsing. Thematic breaks (`- - -`) open nothing.
 */
export function tooDeepLine(text: string): TooDeep | undefined {
  for (const { line, content } of linesOf(text)) {
    const prefix = CONTAINER_PREFIX.exec(content)?.[0] ?? '';
    if (prefix.length <= MAX_NESTING || THEMATIC_BREAK.test(content)) continue;
    const found = depthOfPrefix(prefix);
    if (found.depth > MAX_NESTING) {
      const point = { line, column: found.column };
      return { depth: found.depth, span: { start: point, end: point } };
    }
  }
  return undefined;
}

/** The depth bound of a container prefix, and the column where it passes the limit. */
function depthOfPrefix(prefix: string): { readonly depth: number; readonly column: number } {
  let markers = 0;
  let whitespace = 0;
  let column = 1;
  let afterMarker = false;
  // The prefix is ASCII (spaces, tabs, markers, digits): index by UTF-16 unit.
  for (let index = 0; index < prefix.length; index++) {
    const char = prefix.charAt(index);
    if (char === ' ' || char === '\t') {
      // The space after `>` or a list marker belongs to the marker; other whitespace is indentation.
      if (!afterMarker) whitespace += char === '\t' ? 4 : 1;
      afterMarker = false;
    } else if (/\d/.test(char)) {
      if (!/\d/.test(prefix.charAt(index - 1))) markers += 1;
      afterMarker = false;
    } else if (char === '.' || char === ')') {
      afterMarker = true;
    } else {
      markers += 1;
      afterMarker = true;
    }
    if (column === 1 && markers + Math.floor(whitespace / 2) > MAX_NESTING) column = index + 1;
  }
  return { depth: markers + Math.floor(whitespace / 2), column };
}

/**
 * The first node deeper than {@link MAX_TREE_DEPTH} levels, found without recursion, or undefined
 * when the tree is shallow enough for the recursive libraries that render it.
 */
export function tooDeepNode(tree: Root): TooDeep | undefined {
  const stack: { readonly node: Node; readonly depth: number }[] = [{ node: tree, depth: 0 }];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (current.depth > MAX_TREE_DEPTH) return { depth: current.depth, span: spanOf(current.node) };
    const children = (current.node as { children?: readonly Node[] }).children ?? [];
    for (const child of children) stack.push({ node: child, depth: current.depth + 1 });
  }
  return undefined;
}

/** Most levels of YAML a frontmatter may nest (indentation, `- ` and `? ` markers, `[` and `{`). */
export const MAX_YAML_NESTING = 100;

/** A line's indentation and the block markers that open a level on it (`- - - x`). */
const YAML_BLOCK_PREFIX = /^( *)((?:[-?](?: +|$))*)/;

/**
 * Where a YAML text could nest more than {@link MAX_YAML_NESTING} levels, as an offset in it, or
 * undefined. The yaml package recurses once a level and overflows the stack near 1,000 levels, at a
 * depth that depends on the thread's stack (a worker's is larger than the main thread's): a bound
 * checked before parsing makes the result the same on every thread. The bound is from above: each
 * level needs an indentation deeper than the line that opened its parent (counted as one level
 * however many columns: text indented far in a `|` block is one level), a block marker, or an
 * unclosed bracket (brackets are counted even inside quotes and comments; no real frontmatter leaves
 * a hundred open). Blank lines open nothing.
 */
export function tooDeepYaml(yaml: string): number | undefined {
  let flow = 0;
  let offset = 0;
  const indents: number[] = [];
  for (const line of yaml.split('\n')) {
    const prefix = YAML_BLOCK_PREFIX.exec(line);
    const indentation = prefix?.[1]?.length ?? 0;
    if (line.trim() !== '') {
      while ((indents.at(-1) ?? -1) > indentation) indents.pop();
      if ((indents.at(-1) ?? -1) < indentation) indents.push(indentation);
      const markers = (prefix?.[2] ?? '').replace(/ /g, '').length;
      if (flow + indents.length - 1 + markers > MAX_YAML_NESTING) return offset + indentation;
    }
    for (let index = 0; index < line.length; index++) {
      const char = line.charCodeAt(index);
      if (char === 0x5b || char === 0x7b) {
        flow += 1;
        if (flow + indents.length - 1 > MAX_YAML_NESTING) return offset + index;
      } else if ((char === 0x5d || char === 0x7d) && flow > 0) {
        flow -= 1;
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}
