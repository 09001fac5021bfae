/**
 * Limits on the links and emphasis a paragraph may open. Why: micromark matches each `]` and each
 * `*` against every opener before it in the paragraph, so a paragraph of unclosed openers takes time
 * with the square of their number (`[a](` 40,000 times, 160 KB, took 16 s; `*a` 20,000 times, 9 s).
 * The real corpora have at most 130 `[` and 260 runs of `*` or `_` in a paragraph: a paragraph with
 * more than {@link MAX_OPENERS} of either is reported at the character that passes the limit
 * instead of being parsed. Counting bounds every paragraph, so the whole parse stays linear.
 */
import { linesOf } from './lines.js';
import type { Span } from '../model/diagnostic.js';
import { FENCE } from './chunks.js';

/** Most `[` (links, images, references), and most runs of `*` or `_` that may open emphasis, in one paragraph. */
export const MAX_OPENERS = 1000;

/** Where a paragraph opens too many links or emphasis runs, and which. */
export interface Crowded {
  readonly opener: '`[`' | 'runs of `*` or `_`';
  readonly span: Span;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The first character passing {@link MAX_OPENERS} `[` or emphasis runs in one block of lines
 * between blank lines, outside fenced code (whose brackets are not parsed); undefined when none.
 * An `_` run inside a word (`snake_case`) can open nothing and is not counted.
 */
export function crowdedParagraph(text: string): Crowded | undefined {
  let brackets = 0;
  let runs = 0;
  let fence: string | undefined;
  for (const { line, content } of linesOf(text)) {
    const fenceLine = FENCE.exec(content);
    const mark = fenceLine?.[1];
    const info = fenceLine?.[2] ?? '';
    if (fence !== undefined || (mark !== undefined && !(mark.startsWith('`') && info.includes('`')))) {
      if (fence === undefined) fence = mark;
      else if (mark !== undefined && mark[0] === fence[0] && mark.length >= fence.length && info.trim() === '') fence = undefined;
      brackets = 0;
      runs = 0;
      continue;
    }
    if (content.trim() === '') {
      brackets = 0;
      runs = 0;
      continue;
    }
    for (let index = 0; index < content.length; index++) {
      const char = content.charAt(index);
      if (char === '[') brackets++;
      else if ((char === '*' || char === '_') && content.charAt(index - 1) !== char && opensOrCloses(content, index, char)) runs++;
      else continue;
      if (brackets > MAX_OPENERS || runs > MAX_OPENERS) {
        const point = { line, column: index + 1 };
        return { opener: brackets > MAX_OPENERS ? '`[`' : 'runs of `*` or `_`', span: { start: point, end: point } };
      }
    }
  }
  return undefined;
}

/** Whether the run of `char` starting at `index` may open or close emphasis: `*` always, `_` unless inside a word. */
function opensOrCloses(content: string, index: number, char: string): boolean {
  if (char === '*') return true;
  let after = index;
  while (content.charAt(after) === char) after++;
  return !(WORD.test(content.charAt(index - 1)) && WORD.test(content.charAt(after)));
}
