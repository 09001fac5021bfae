/**
 * Characters that must never reach a terminal or a CI log from a user's file: control characters
 * (C0, DEL and C1, including ESC, CSI and the OSC terminators BEL and ST) and the bidirectional
 * embedding, override and isolate marks, which reorder what is shown ("Trojan Source").
 */
const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text from users' files made safe for one terminal line: line breaks and other control characters
 * (including ESC, so a runbook cannot inject terminal escape sequences) become visible escapes such
 * as `\n` and `\u001b`.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * The unprintable characters JSON and XML 1.0 may carry raw, but a terminal acts on (DEL, the C1
 * controls such as CSI U+009B, OSC U+009D and ST U+009C) or shows reordered (the bidi marks).
 */
const UNPRINTABLE_ABOVE_C0 = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * `text` with DEL, each C1 control and each bidi mark written as `spell` writes its code point: how
 * the machine formats (`\u009b` in JSON, `&#x9B;` in XML), which a user may print to a terminal,
 * escape the characters their own syntax lets through.
 */
export function spellUnprintableAboveC0(text: string, spell: (code: number) => string): string {
  return text.replace(UNPRINTABLE_ABOVE_C0, (character) => spell(character.charCodeAt(0)));
}

/** How many characters of a file's content a message quotes at most. */
const EXCERPT_LENGTH = 60;

/** How many characters of a parser's message (YAML's) are kept: some quote the file (a tag, an escape). */
export const PARSER_MESSAGE_LENGTH = 120;

/**
 * At most `length` characters of `text`, made printable, with `…` when cut: what a message quotes of
 * a file's content, so a message never carries a whole file (a key, an environment) into a log.
 */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const characters = Array.from(printable(text));
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length - 1).join('')}…`;
}

/**
 * Text of several lines (a config error listing its problems, a GitHub annotation, a cheat sheet)
 * made safe for a terminal or a CI log: each line as {@link printable} makes it, but the line
 * breaks (`\n`, `\r\n`) and tabs kept. A lone `\r`, which would let a line overwrite itself, is shown.
 */
export function printableLines(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((part, index) => (index % 2 === 1 ? part : part.split('\t').map(printable).join('\t')))
    .join('');
}
