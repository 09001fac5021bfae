/** One line of a text: its number (from 1) and its content without the `\n`. */
export interface Line {
  readonly line: number;
  readonly content: string;
}

/** The lines of `text`, split at `\n` only, one at a time (the linear pre-scans before parsing walk files this way). */
export function* linesOf(text: string): Generator<Line> {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    yield { line, content: text.slice(start, end) };
    start = end + 1;
  }
}
