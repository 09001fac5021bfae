/** A place in a text: 1-based line and column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

const LINE_ENDING = /\r\n|\n|\r/g;

/**
 * The line and column of each offset into `text`, counted the way Markdown and YAML 1.2 count them:
 * `\r\n`, `\n` and a lone `\r` each end a line, and columns count UTF-16 code units (a byte order
 * mark too: the caller knows whether its text starts the file). An offset inside a `\r\n` is the end
 * of its line, and one past the end of the text is the end. The lines are found once and each
 * offset is a binary search; line endings are looked for only as far as the offsets asked about,
 * so a point near the start of a long file costs the lines before it.
 */
export function lineColumns(text: string): (offset: number) => LineColumn {
  const starts = [0];
  const ends: number[] = [];
  const endings = new RegExp(LINE_ENDING);
  const readUpTo = (at: number): void => {
    while (ends.length < starts.length && (starts.at(-1) ?? 0) <= at) {
      const ending = endings.exec(text);
      if (ending === null) {
        ends.push(text.length);
        return;
      }
      ends.push(ending.index);
      starts.push(ending.index + ending[0].length);
    }
  };
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    readUpTo(at);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: Math.min(at, ends[low] ?? at) - (starts[low] ?? 0) + 1 };
  };
}
