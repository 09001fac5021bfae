import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { findFrontmatterFences } from './frontmatter-block.js';
import { parseMarkdown } from './markdown.js';

/** The first H1 of a file as the full parse gives it, when that is cheap to know. */
export type FirstHeading =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'none' }
  /** Only the whole file parsed can tell (the first line that may be an H1 is not, or it may hold a link reference). */
  | { readonly kind: 'unsure' };

/** A line that may open an ATX H1 (`# Title`), or a setext H1's underline (`===`). */
const MAY_BE_H1 = /^ {0,3}(?:#(?:[ \t\r\n]|$)|=+[ \t]*(?:\r\n|\r|\n)?$)/;
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

/**
 * The text of the first top-level H1 of `text` (what `parseRunbook` takes for a title when the
 * frontmatter gives none), found without parsing the whole file: `show` needs the titles of every
 * runbook to find one. Only the lines up to the first line that may be an H1 are parsed: Markdown
 * decides what a line is from the lines before it, so they give that heading as the whole file
 * does. A file with no such line has no H1. Headings with `[` are left to the full parse (a link
 * reference resolves against definitions anywhere in the file), and so is a file whose first such
 * line is no H1 (a `#` comment in a code block, say).
 */
export function firstHeading(text: string): FirstHeading {
  const lines = new RegExp(LINE);
  lines.lastIndex = findFrontmatterFences(text)?.blockEnd ?? 0;
  for (let match = lines.exec(text); match !== null && match[0] !== ''; match = lines.exec(text)) {
    if (MAY_BE_H1.test(match[0])) return headingIn(parseMarkdown(text.slice(0, lines.lastIndex)), text);
  }
  return { kind: 'none' };
}

function headingIn(tree: Root, text: string): FirstHeading {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (heading === undefined) return { kind: 'unsure' };
  const source = text.slice(heading.position?.start.offset ?? 0, heading.position?.end.offset ?? text.length);
  return source.includes('[') ? { kind: 'unsure' } : { kind: 'heading', text: toString(heading).trim() };
}
