/*
 * A step's command as `runbook drill --exec` shows it before asking to run it: every character
 * visible, so that what the operator confirms is all that runs. A command padded with thousands of
 * spaces or tabs, or with a hostile first line hundreds of lines above a harmless last one, would
 * otherwise show only its harmless tail on a terminal. Tabs and runs of spaces are shown and
 * counted (`␉`, `␠×3000`), line breaks as `↵` at the end of the line, and control, format (zero
 * width, bidi) and other space characters as `\uXXXX`; the three signs themselves, when the command
 * holds them, are escaped too, so they cannot be faked.
 */

/** What is never shown as itself: runs of 2+ spaces or tabs, control, format, separator and surrogate characters, and the signs used here. */
const NOT_SHOWN = / {2,}|\t+|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Zs}\u2409\u2420\u21b5]/gu;

/** The visible form of one line of a command (without its line break). */
function visibleLine(line: string): string {
  return line.replace(NOT_SHOWN, (found) => {
    if (found === ' ') return ' ';
    if (found.startsWith(' ')) return `␠×${found.length}`;
    if (found.startsWith('\t')) return found.length === 1 ? '␉' : `␉×${found.length}`;
    const code = found.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The lines of `command` with every character visible; each line but the last ends with `↵`. */
export function visibleCommandLines(command: string): readonly string[] {
  const lines = command.split('\n');
  return lines.map((line, index) => visibleLine(line) + (index < lines.length - 1 ? '↵' : ''));
}

/** The size of a command as the question states it: `1 line, 3,046 characters`. */
export function commandSize(command: string): string {
  const lines = command.split('\n').length;
  const characters = Array.from(command).length;
  return `${grouped(lines)} line${lines === 1 ? '' : 's'}, ${grouped(characters)} character${characters === 1 ? '' : 's'}`;
}

/** The most terminal lines a command may take on screen to be offered to run. */
export const MAX_CONFIRM_ROWS = 12;

/**
 * How many terminal lines `lines` take at `width` columns, after `indent`, counting a character
 * from U+1100 up as two columns (wide characters are, and an overcount only refuses sooner).
 */
export function screenRows(lines: readonly string[], indent: string, width: number): number {
  return lines.reduce((rows, line) => rows + Math.max(1, Math.ceil(cellWidth(indent + line) / width)), 0);
}

function cellWidth(text: string): number {
  let cells = 0;
  for (const character of text) cells += (character.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1;
  return cells;
}

/** `3046` as `3,046`. */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(?:\d{3})+$)/g, ',');
}
