/**
 * Characters that make a command run something other than what a reader sees of it: the bidi
 * embedding, override, isolate and mark characters (which reorder what is shown, "Trojan Source"),
 * zero-width characters, and control characters other than tab and line feed (ESC starts terminal
 * sequences, `ESC[201~` ends a bracketed paste). A CR directly before a line feed is a line ending,
 * not hidden.
 */
const HIDDEN = /\r(?!\n)|(?![\t\n\r])\p{Cc}|[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

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
    from = found.index + 1;
  }
  parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}

/** A character's code point as Unicode writes it: `U+2067`. */
function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
