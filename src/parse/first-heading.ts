import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { atxHeadingContent } from './atx-heading.js';
import { oversizedChunk, splitIntoChunks } from './chunks.js';
import { crowdedParagraph } from './crowded-paragraph.js';
import { findFrontmatterFences } from './frontmatter-block.js';
import { parseMarkdown } from './markdown.js';
import { tooDeepLine } from './nesting.js';

/** The first H1 of a file as the full parse gives it, when that is cheap to know. */
export type FirstHeading =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'none' }
  /** Only the whole file parsed can tell (the first line that may be an H1 is not, or it may hold a link reference). */
  | { readonly kind: 'unsure' };

/** A line that may open an ATX H1 (`# Title`), or a setext H1's underline (`===`). */
const MAY_BE_H1 = /^ {0,3}(?:#(?:[ \t\r\n]|$)|=+[ \t]*(?:\r\n|\r|\n)?$)/;
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
/** What a heading read as written may not hold: escapes, references, code, emphasis, links or HTML. */
const NOT_PLAIN = /[\\`*_&<>[\]!~]/;
/** A code fence at the margin: no container can hold it, so it opens a block at the top level. */
const FENCE_AT_MARGIN = /^(`{3,}|~{3,})(.*)/;
/** A code fence indented by one to three spaces: it may be inside a list item. */
const FENCE_INDENTED = /^ {1,3}(?:```|~~~)/;
/** HTML that may open a block, but not a comment closed on its own line. */
const HTML_START = /^ {0,3}<(?!!--.*-->)/;

/**
 * The text of the first top-level H1 of `text` (what `parseRunbook` takes for a title when the
 * frontmatter gives none), found without parsing the whole file: `show` needs the titles of every
 * runbook to find one. Lines are read one by one, skipping code fenced at the margin (only a fence
 * at the margin is sure to be at the top level, and only a block at the top level can hold a `#`
 * line at the margin). A plain `# Title` line is read as it is. At the first other line that may be
 * an H1, or HTML, or an indented fence, the lines up to the next line that may be an H1 are parsed:
 * Markdown decides what a line is from the lines before it, so they give that heading as the whole
 * file does. A file with no such line has no H1. Headings with `[` are left to the full parse (a link
 * reference resolves against definitions anywhere in the file), and so is a file whose line parsed
 * is no H1.
 */
export function firstHeading(text: string): FirstHeading {
  const lines = new RegExp(LINE);
  lines.lastIndex = findFrontmatterFences(text)?.blockEnd ?? 0;
  let fence: { readonly closer: RegExp } | undefined;
  let sure = true;
  for (let match = lines.exec(text); match !== null && match[0] !== ''; match = lines.exec(text)) {
    const line = match[0];
    if (fence !== undefined) {
      if (fence.closer.test(line)) fence = undefined;
      continue;
    }
    const opener = sure ? FENCE_AT_MARGIN.exec(line) : null;
    if (opener?.[1] !== undefined) {
      const mark = opener[1];
      // A backtick fence's info string has no backtick; else the line is text with inline code.
      if (mark.startsWith('`') && (opener[2] ?? '').includes('`')) sure = false;
      else fence = { closer: new RegExp(`^ {0,3}${mark[0] === '`' ? '`' : '~'}{${mark.length},}[ \\t]*(?:\\r\\n|\\r|\\n)?$`) };
      continue;
    }
    if (HTML_START.test(line) || FENCE_INDENTED.test(line)) sure = false;
    if (!MAY_BE_H1.test(line)) continue;
    const plain = sure ? plainAtx(line) : undefined;
    // `# #` is an empty heading: its one `#` closes it.
    if (plain !== undefined) return { kind: 'heading', text: plain.replace(/^#+$/, '').trim() };
    return parsedHeading(text.slice(0, lines.lastIndex), text);
  }
  return { kind: 'none' };
}

/**
 * The text of `line` as an ATX H1 written plainly (`# Title`, `#` at the margin, without what
 * {@link NOT_PLAIN} lists), without its closing `#`s and the blanks around it
 * ({@link atxHeadingContent}); undefined when it is not one.
 */
function plainAtx(line: string): string | undefined {
  if (line[0] !== '#' || (line[1] !== ' ' && line[1] !== '\t')) return undefined;
  const blank = (index: number): boolean => line[index] === ' ' || line[index] === '\t';
  const end = line.endsWith('\r\n') ? line.length - 2 : line.endsWith('\r') || line.endsWith('\n') ? line.length - 1 : line.length;
  let start = 1;
  while (start < end && blank(start)) start += 1;
  if (NOT_PLAIN.test(line.slice(start, end))) return undefined;
  return atxHeadingContent(line, start, end);
}

/** The first H1 of the prefix parsed, unless the prefix is one the full parse refuses (it is then left to that). */
function parsedHeading(prefix: string, text: string): FirstHeading {
  if (tooDeepLine(prefix) !== undefined || crowdedParagraph(prefix) !== undefined) return { kind: 'unsure' };
  const chunks = splitIntoChunks(prefix);
  if (oversizedChunk(chunks) !== undefined) return { kind: 'unsure' };
  return headingIn(parseMarkdown(prefix), text);
}

function headingIn(tree: Root, text: string): FirstHeading {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (heading === undefined) return { kind: 'unsure' };
  const source = text.slice(heading.position?.start.offset ?? 0, heading.position?.end.offset ?? text.length);
  return source.includes('[') ? { kind: 'unsure' } : { kind: 'heading', text: toString(heading).trim() };
}
