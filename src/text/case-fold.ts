/**
 * Text with case ignored the way a file system that ignores case does (macOS, Windows): two names
 * with the same fold are one file there. `toLowerCase` alone keeps apart names such a file system
 * merges: `ΑΣ` lowers to `ας` (a final sigma) but `ασ` stays, `ſ` is not `s`, `ı` is not `i`. So each
 * character goes to upper case and back (`ς`, `σ` → `Σ` → `σ`; `ſ` → `S` → `s`), except where its
 * upper case is more than one character (`ß` → `SS`): a file system compares one character with
 * one, so `ß` stays apart from `ss`. The result is NFC, as the site's paths are.
 */
export function caseFold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let folded = '';
  for (const character of text) {
    const upper = character.toUpperCase();
    // One code point in upper case: one UTF-16 unit, or a surrogate pair.
    const single = upper.length === 1 || (upper.length === 2 && (upper.codePointAt(0) ?? 0) > 0xffff);
    folded += (single ? upper : character).toLowerCase();
  }
  return folded.normalize('NFC');
}

const ASCII = /^[\p{ASCII}]*$/u;
