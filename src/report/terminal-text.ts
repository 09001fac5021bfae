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

/** How many characters of a file's content a message quotes at most. */
export const EXCERPT_LENGTH = 60;

/**
 * At most `length` characters of `text`, made printable, with `…` when cut: what a message quotes of
 * a file's content, so a message never carries a whole file (a key, an environment) into a log.
 */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const characters = Array.from(printable(text));
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length - 1).join('')}…`;
}
