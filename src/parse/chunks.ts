import { findFrontmatterFences } from './frontmatter-block.js';

/**
 * Splits large Markdown documents into independently parseable chunks.
 *
 * Why: micromark rewrites its whole event list for every list and paragraph it resolves, so parsing
 * time grows with the square of the document size (a 300 KB list-heavy file takes 15 s, 5 MB takes
 * hours). Parsing chunks of a few tens of KB separately keeps it linear.
 *
 * A chunk boundary is only placed where CommonMark closes every open block anyway: before a line at
 * column 0 that starts with a letter, a digit that does not start a list item, `#` (an ATX
 * heading) or `[` (a link or a link definition, not a footnote's `[^`), preceded by a blank line, and outside fenced code, HTML comments and raw-text HTML
 * blocks (`<pre>`, `<script>`, `<style>`, `<textarea>`). Not splitting is always correct; these rules
 * only ever choose to split where the result is the same.
 */

/** A piece of the document: its text, where it starts (1-based line, 0-based offset), and whether every block is closed at its end. */
export interface Chunk {
  readonly text: string;
  readonly line: number;
  readonly offset: number;
  readonly closed: boolean;
}

/** Below this size a document is parsed whole. */
export const CHUNK_TARGET = 24 * 1024;

/**
 * Largest chunk parsed (in UTF-16 code units, about characters): 256 KiB, four times the largest
 * file of the real corpora. Why: remark needs hundreds of bytes of memory per character of a block it
 * cannot split (a 1 MiB list or table took over a minute and nearly 2 GB; a 20 MB paragraph exhausts
 * the heap and kills the process). A file with a larger chunk is refused.
 */
export const MAX_CHUNK = 256 * 1024;

/** A fence line of code (` ``` ` or `~~~`, up to three spaces in) and its info string. */
export const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i;
const SAFE_START = /^(?:#{1,6}(?:[ \t]|$)|[\p{L}]|\d+(?![.)\d])|\[(?!\^))/u;

/** The chunks of `text`; one chunk when it is small or has no safe boundary. */
export function splitIntoChunks(text: string, target = CHUNK_TARGET): readonly Chunk[] {
  if (text.length <= target) return [{ text, line: 1, offset: 0, closed: false }];
  const chunks: Chunk[] = [];
  let fence: { readonly char: string; readonly length: number } | undefined;
  let rawHtml: string | undefined;
  let inComment = false;
  let chunkStart = 0;
  let chunkLine = 1;
  let previousBlank = false;
  // Never split inside the frontmatter block.
  let offset = findFrontmatterFences(text)?.blockEnd ?? 0;
  let line = 1 + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline + 1;
    const content = text.slice(offset, end).replace(/\r?\n$/, '').replace(/\r$/, '');
    const outside = fence === undefined && rawHtml === undefined && !inComment;
    if (outside && previousBlank && offset - chunkStart >= target && SAFE_START.test(content)) {
      chunks.push({ text: text.slice(chunkStart, offset), line: chunkLine, offset: chunkStart, closed: true });
      chunkStart = offset;
      chunkLine = line;
    }
    ({ fence, rawHtml, inComment } = nextState(content, fence, rawHtml, inComment));
    previousBlank = content.trim() === '';
    offset = end;
    line++;
  }
  const closed = fence === undefined && rawHtml === undefined && !inComment;
  chunks.push({ text: text.slice(chunkStart), line: chunkLine, offset: chunkStart, closed });
  return chunks;
}

/** The first chunk longer than {@link MAX_CHUNK}, if any: too large to parse. */
export function oversizedChunk(chunks: readonly Chunk[]): Chunk | undefined {
  return chunks.find((chunk) => chunk.text.length > MAX_CHUNK);
}

interface ScanState {
  readonly fence: { readonly char: string; readonly length: number } | undefined;
  readonly rawHtml: string | undefined;
  readonly inComment: boolean;
}

function nextState(
  content: string,
  fence: ScanState['fence'],
  rawHtml: string | undefined,
  inComment: boolean,
): ScanState {
  if (fence !== undefined) {
    const match = FENCE.exec(content);
    const closes = match?.[1] !== undefined && match[1][0] === fence.char && match[1].length >= fence.length && (match[2] ?? '').trim() === '';
    return { fence: closes ? undefined : fence, rawHtml, inComment };
  }
  if (rawHtml !== undefined) {
    return { fence, rawHtml: content.toLowerCase().includes(`</${rawHtml}>`) ? undefined : rawHtml, inComment };
  }
  if (inComment) return { fence, rawHtml, inComment: !content.includes('-->') };
  const opening = FENCE.exec(content);
  if (opening?.[1] !== undefined) {
    const char = opening[1][0] ?? '`';
    // A backtick fence's info string may not contain backticks; then it is not a fence.
    if (!(char === '`' && (opening[2] ?? '').includes('`'))) return { fence: { char, length: opening[1].length }, rawHtml, inComment };
  }
  const raw = RAW_HTML_OPEN.exec(content);
  if (raw?.[1] !== undefined) {
    const tag = raw[1].toLowerCase();
    return { fence, rawHtml: content.toLowerCase().includes(`</${tag}>`) ? undefined : tag, inComment };
  }
  const comment = content.lastIndexOf('<!--');
  if (comment !== -1 && !content.includes('-->', comment + 4)) return { fence, rawHtml, inComment: true };
  return { fence, rawHtml, inComment };
}
