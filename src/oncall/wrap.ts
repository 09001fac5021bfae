import { printableLines } from '../text/terminal-text.js';
import { wrap as wrapText } from '../text/wrap.js';

/** Columns of a terminal line: the output is laid out for the smallest common terminal. */
export const WIDTH = 80;

/** The prefixes of a wrapped paragraph: the first line's (a label, a number) and the others' (indent). */
export interface Prefixes {
  readonly first: string;
  readonly rest: string;
}

/**
 * Wraps prose for the terminal at `width` columns (see the one wrapper, `text/wrap.ts`). A word
 * wider than a line (a long URL) is never broken: it gets a line of its own, so it can be copied.
 */
export function wrap(text: string, prefixes: Prefixes, width = WIDTH): readonly string[] {
  return wrapText(text, { width, ...prefixes, longWords: 'whole' });
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
