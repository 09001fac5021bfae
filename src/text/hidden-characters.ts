/**
 * Characters that make a command run something other than what a reader sees of it, or one name
 * look exactly like another (`Ada Love\u00ADlace`): control characters other than tab and line
 * feed (ESC starts terminal sequences, `ESC[201~` ends a bracketed paste), every format character
 * (`\p{Cf}`: the bidi embedding, override, isolate and mark characters of "Trojan Source",
 * zero-width characters, the soft hyphen, tags, invisible operators, interlinear annotation), the
 * line and paragraph separators U+2028 and U+2029, and every Default_Ignorable_Code_Point (Unicode's
 * DerivedCoreProperties.txt, written out so that the set does not follow the runtime's Unicode
 * version: fillers, variation selectors, the combining grapheme joiner…). A CR directly before a
 * line feed is a line ending, not hidden.
 */
// The combining ones (Mn: the grapheme joiner, Khmer inherent vowels, variation selectors) stand alone, not after another character in a class.
const HIDDEN =
  /\r(?!\n)|(?![\t\n\r])\p{Cc}|\p{Cf}|\u034f|\u17b4|\u17b5|[\u180b-\u180f]|[\ufe00-\ufe0f]|[\u{e0000}-\u{e0fff}]|[\u00ad\u061c\u115f\u1160\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufff8\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}]/gu;

/** One hidden character: where it is in the text and its code point as `U+XXXX`. */
export interface HiddenCharacter {
  readonly index: number;
  readonly name: string;
}

/** The hidden characters of `text`, in order. */
export function hiddenCharacters(text: string): readonly HiddenCharacter[] {
  return Array.from(text.matchAll(HIDDEN), (match) => ({ index: match.index, name: codePointName(match[0]) }));
}

/** `text` cut at its hidden characters: plain runs and the characters, in order (plain runs may be empty). */
export function splitAtHiddenCharacters(text: string): readonly ({ readonly kind: 'text'; readonly text: string } | { readonly kind: 'hidden'; readonly name: string })[] {
  const parts: ({ readonly kind: 'text'; readonly text: string } | { readonly kind: 'hidden'; readonly name: string })[] = [];
  let from = 0;
  for (const found of hiddenCharacters(text)) {
    parts.push({ kind: 'text', text: text.slice(from, found.index) }, { kind: 'hidden', name: found.name });
    from = found.index + ((text.codePointAt(found.index) ?? 0) > 0xffff ? 2 : 1);
  }
  parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}

/** A character's code point as Unicode writes it: `U+2067`. */
function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
