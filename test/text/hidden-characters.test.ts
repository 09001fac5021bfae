/**
 * Hidden characters (attack B on #15): every invisible character a name or a command may hold is
 * found, so `Ada Love\u00ADlace` never looks exactly like `Ada Lovelace` on the site and a command
 * holding one is shown with its chip and refused by the copy button; visible text has none.
 */
import { describe, expect, it } from 'vitest';
import { hiddenCharacters, splitAtHiddenCharacters } from '../../src/text/hidden-characters.js';

/** The invisible characters attack B found missing, one of each range and both ends of a range. */
const MISSED = [0xad, 0x34f, 0x115f, 0x1160, 0x3164, 0xffa0, 0x180e, 0x2061, 0x2064, 0x17b4, 0x17b5, 0x1d173, 0x1d17a, 0xe0000, 0xe0001, 0xe0041, 0xe007f, 0xfff9, 0xfffb, 0x2028, 0x2029];

const name = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

describe('hiddenCharacters', () => {
  it.each(MISSED.map((code) => [name(code), code]))('finds %s between letters, and the split keeps the letters after it', (shown, code) => {
    const text = `Ada Love${String.fromCodePoint(code)}lace`;
    expect(hiddenCharacters(text)).toEqual([{ index: 8, name: shown }]);
    expect(splitAtHiddenCharacters(text)).toEqual([
      { kind: 'text', text: 'Ada Love' },
      { kind: 'hidden', name: shown },
      { kind: 'text', text: 'lace' },
    ]);
  });

  it('finds every format character and every default-ignorable code point the runtime knows', () => {
    const missing: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(character) && hiddenCharacters(character).length !== 1) missing.push(name(code));
    }
    expect(missing).toEqual([]);
  });

  it('finds nothing in visible text: letters of many scripts, emoji, accents, tabs and line breaks', () => {
    expect(hiddenCharacters('Ada Lovelace, Grace Hopper\tprod-eu\n日本語 한국어 العربية עברית Ελληνικά 🚒 é e\u0301\r\n')).toEqual([]);
  });
});
