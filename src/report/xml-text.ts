/**
 * Escaping for XML 1.0. Characters XML 1.0 cannot represent at all (control characters other than
 * tab, LF and CR, lone surrogates, U+FFFE, U+FFFF) are dropped. Whitespace that parsers normalise
 * (CR to LF everywhere; tab, LF and CR to spaces in attributes) becomes a character reference, so
 * the text survives a round trip through a parser. DEL, the C1 controls and the bidi marks, which
 * XML allows but a terminal acts on, become character references (`&#x9B;`): a report printed to a
 * terminal or a CI log carries none of them raw, and a parser still reads the same text.
 */
import { spellUnprintableAboveC0 } from '../text/terminal-text.js';

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
  const escaped = text.replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF&<>"']/gu, (character) => {
    const entity = ENTITIES[character] ?? (attribute ? ATTRIBUTE_WHITESPACE[character] : undefined);
    if (entity !== undefined) return entity;
    if (character === '\t' || character === '\n' || isDelOrC1(character)) return character;
    return '';
  });
  return spellUnprintableAboveC0(escaped, (code) => `&#x${code.toString(16).toUpperCase()};`);
}

/** DEL and U+0080–U+009F are control characters that XML 1.0 still allows (written as references). */
function isDelOrC1(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0x7f && code <= 0x9f;
}
