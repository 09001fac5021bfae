/**
 * Text from users' files made safe for one terminal line: line breaks and other control characters
 * (including ESC, so a runbook cannot inject terminal escape sequences) become visible escapes such
 * as `\n` and `\u001b`.
 */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
