/**
 * A command in HTML that wraps only at its spaces: each run of non-space characters is a
 * `<span class="token">` that CSS keeps on one line. Browsers otherwise break after `-` and `/`
 * (`--` / `force`, `ops/` / `edge.yaml`), which no CSS property turns off; the copied text is the
 * same, since the spans add no characters. A hidden character (a bidi control, a zero-width
 * character, a control character: text/hidden-characters.ts) is shown where it is, as a
 * `<span class="hidden-char">U+2067</span>` chip, and the page's copy button refuses the command.
 */
import Handlebars from 'handlebars';
import { splitAtHiddenCharacters } from '../text/hidden-characters.js';

/** The command, HTML-escaped, with every run of non-space characters in a `token` span. */
export function commandHtml(command: string): string {
  // Split on a captured group: the tokens at even indices (possibly empty), the spaces between them at odd ones.
  return command
    .split(/(\s+)/)
    .map((part, index) => (index % 2 === 0 && part !== '' ? `<span class="token">${shownHtml(part)}</span>` : shownHtml(part)))
    .join('');
}

/** `text` HTML-escaped, each hidden character replaced by its chip. */
function shownHtml(text: string): string {
  return splitAtHiddenCharacters(text)
    .map((part) => (part.kind === 'text' ? Handlebars.escapeExpression(part.text) : hiddenCharHtml(part.name)))
    .join('');
}

/** The chip standing for one hidden character (`U+2067`). */
function hiddenCharHtml(name: string): string {
  return `<span class="hidden-char">${name}</span>`;
}
