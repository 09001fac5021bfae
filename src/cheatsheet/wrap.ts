import { printable } from '../text/terminal-text.js';

/**
 * Word wrapping for the plain-text sheet: prose at a fixed width, with a hanging indent, so a sheet
 * reads well in an 80-column terminal or a chat code block.
 */

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The characters of a string as a reader sees them (grapheme clusters: `é`, a flag, an emoji). */
export function graphemes(text: string): readonly string[] {
  return Array.from(SEGMENTER.segment(text), (segment) => segment.segment);
}

/** How many columns a string takes: one per grapheme (wide East Asian characters are not counted twice). */
export function columns(text: string): number {
  return graphemes(text).length;
}

/**
 * Wraps `text` (spaces, tabs and newlines collapsed) into lines of at most `width` columns: the
 * first line starts with `first`, the others with `rest`. A word longer than a whole line is split,
 * so no line is ever wider than `width` as long as the prefixes fit. Words are made printable
 * before they are measured, so no control character or terminal escape reaches the output.
 */
export function wrap(text: string, width: number, first: string, rest: string): readonly string[] {
  // A number and its percent sign stay on one line (`80 %`): joined by a no-break space until the end.
  const words = text
    .replace(/(\d) %/g, `$1${GLUE}%`)
    .split(/[ \t\r\n\f\v]+/)
    .filter((word) => word !== '')
    .map(printable);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = (): number => width - columns(line) - (empty ? 0 : 1);
  const flush = (): void => {
    lines.push(unglue(line.trimEnd()));
    line = rest;
    empty = true;
  };
  for (const word of words) {
    let remaining = word;
    if (columns(remaining) > room() && !empty) flush();
    while (columns(remaining) > room()) {
      const take = Math.max(1, room());
      const characters = graphemes(remaining);
      line += characters.slice(0, take).join('');
      remaining = characters.slice(take).join('');
      empty = false;
      flush();
    }
    if (remaining === '') continue;
    line += (empty ? '' : ' ') + remaining;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(unglue(line.trimEnd()));
  return lines;
}

const GLUE = '\u00a0';

function unglue(line: string): string {
  return line.replaceAll(GLUE, ' ');
}
