import type { Span } from '../model/diagnostic.js';
import { lineColumns } from '../text/line-column.js';

/** The text of a file, or why it has none. */
export type Decoded =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly span: Span };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decodes a file's bytes as UTF-8 text. A file with a NUL byte is binary; a file that is not valid
 * UTF-8 is reported at its first bad byte. Neither is guessed at.
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = lenientUtf8.decode(bytes.subarray(0, nul));
    return {
      kind: 'unreadable',
      reason: `binary file (a NUL byte at offset ${nul}); a runbook must be UTF-8 Markdown text`,
      span: pointSpan(before),
    };
  }
  try {
    return { kind: 'text', text: strictUtf8.decode(bytes) };
  } catch (error: unknown) {
    if (!(error instanceof TypeError)) throw error;
    const lenient = lenientUtf8.decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    return {
      kind: 'unreadable',
      reason: 'invalid UTF-8; a runbook must be UTF-8 Markdown text (re-save the file as UTF-8)',
      span: pointSpan(bad === -1 ? lenient : lenient.slice(0, bad)),
    };
  }
}

/** A zero-width span just after `before`, in 1-based line and column. */
function pointSpan(before: string): Span {
  const point = lineColumns(before)(before.length);
  return { start: point, end: point };
}
