/**
 * Escaping for XML 1.0. Characters XML 1.0 cannot represent at all (control characters other than
 * tab, LF and CR, lone surrogates, U+FFFE, U+FFFF) are dropped. Whitespace that parsers normalise
 * (CR to LF everywhere; tab, LF and CR to spaces in attributes) becomes a character reference, so
 * the text survives a round trip through a parser.
 */

/** Text escaped for element content. */
export function xmlContent(text: string): string {
  return escape(text, false);
}

/** Text escaped for a double- or single-quoted attribute value. */
export function xmlAttribute(text: string): string {
  return escape(text, true);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };
const ATTRIBUTE_WHITESPACE: Readonly<Record<string, string>> = { '\t': '&#9;', '\n': '&#10;' };

function escape(text: string, attribute: boolean): string {
  return text.replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF&<>"']/gu, (character) => {
    const entity = ENTITIES[character] ?? (attribute ? ATTRIBUTE_WHITESPACE[character] : undefined);
    if (entity !== undefined) return entity;
    if (character === '\t' || character === '\n' || isC1Control(character)) return character;
    return '';
  });
}

/** U+0080–U+009F are control characters that XML 1.0 still allows. */
function isC1Control(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0x80 && code <= 0x9f;
}
