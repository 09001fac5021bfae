import { printable, printableLines } from '../text/terminal-text.js';

/** Columns of a terminal line: the output is laid out for the smallest common terminal. */
export const WIDTH = 80;

/** The prefixes of a wrapped paragraph: the first line's (a label, a number) and the others' (indent). */
export interface Prefixes {
  readonly first: string;
  readonly rest: string;
}

/** Columns `text` takes, counting code points (close enough for the Latin text of runbooks). */
export function columns(text: string): number {
  return Array.from(text).length;
}

/**
 * Wraps prose at `width` columns between words; line breaks in the text are spaces. A word wider
 * than a line (a long URL) is never broken: it gets a line of its own. User text is made printable
 * word by word, so no control character reaches the terminal.
 */
export function wrap(text: string, prefixes: Prefixes, width = WIDTH): readonly string[] {
  const words = text.split(/\s+/).filter((word) => word !== '').map(printable);
  const lines: string[] = [];
  let line = prefixes.first;
  let empty = true;
  for (const word of words) {
    if (!empty && columns(line) + 1 + columns(word) > width) {
      lines.push(line);
      line = prefixes.rest;
      empty = true;
    }
    line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * The lines of a command, exactly as written (never wrapped, so it can be copied), each after
 * `indent`. Control characters other than tabs are made visible; trailing blank lines are dropped.
 */
export function commandLines(command: string, indent: string): readonly string[] {
  return command
    .replace(/(?:\r?\n)+$/, '')
    .split(/\r?\n/)
    .map((line) => indent + printableLines(line));
}

/**
 * Wraps `text` after a prefix, measuring the plain prefix and printing the styled one (escape codes
 * take no columns).
 */
export function styledWrap(text: string, prefix: string, styledPrefix: string, rest: string): readonly string[] {
  const [first = '', ...others] = wrap(text, { first: prefix, rest });
  return [(styledPrefix + first.slice(prefix.length)).trimEnd(), ...others];
}
