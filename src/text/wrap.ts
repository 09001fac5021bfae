import { printable } from './terminal-text.js';

/**
 * The one word wrapper of prose for fixed-width text: the terminal card of `show` and the plain-text
 * cheat sheet. They differ only in what a word wider than a line becomes (see {@link WrapLayout}).
 */

/** How wrapped prose is laid out. */
export interface WrapLayout {
  /** Columns a line may take. */
  readonly width: number;
  /** Starts the first line (a label, a list number). */
  readonly first: string;
  /** Starts every other line (a hanging indent). */
  readonly rest: string;
  /**
   * A word wider than a line: `split` across lines, so no line is ever wider than `width` while
   * the prefixes fit (a printed sheet); or kept `whole` on a line of its own, so it can be copied
   * (a long URL in a terminal).
   */
  readonly longWords: 'split' | 'whole';
}

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The characters of a string as a reader sees them (grapheme clusters: `é`, a flag, an emoji). */
function graphemes(text: string): readonly string[] {
  return Array.from(SEGMENTER.segment(text), (segment) => segment.segment);
}

/** How many columns a string takes: one per grapheme (wide East Asian characters are not counted twice). */
export function columns(text: string): number {
  // Printable ASCII is one grapheme a character: counted without segmenting (most of a sheet, and
  // segmenting took the better part of a cheat-sheet build).
  return PRINTABLE_ASCII.test(text) ? text.length : graphemes(text).length;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A word: a run of anything but white space, where a number and its percent sign (`80 %`) stay
 * together, so the sign never starts a line.
 */
const WORD = /(?:\d %|\S)+/gu;

/**
 * Wraps `text` between words; all white space in it, line breaks included, is a break. Words are
 * made printable before they are measured, so no control character or terminal escape reaches the
 * output. The result always has a line, trailing spaces trimmed.
 */
export function wrap(text: string, layout: WrapLayout): readonly string[] {
  const words = (text.match(WORD) ?? []).map(printable);
  const lines: string[] = [];
  let line = layout.first;
  let empty = true;
  const room = (): number => layout.width - columns(line) - (empty ? 0 : 1);
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = layout.rest;
    empty = true;
  };
  for (const word of words) {
    let remaining = word;
    if (!empty && columns(remaining) > room()) flush();
    while (layout.longWords === 'split' && columns(remaining) > room()) {
      const characters = graphemes(remaining);
      const take = Math.max(1, room());
      line += characters.slice(0, take).join('');
      remaining = characters.slice(take).join('');
      empty = false;
      flush();
    }
    if (remaining === '') continue;
    line += (empty ? '' : ' ') + remaining;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
