/**
 * A command in HTML that wraps only at its spaces: each run of non-space characters is a
 * `<span class="token">` that CSS keeps on one line. Browsers otherwise break after `-` and `/`
 * (`--` / `force`, `ops/` / `edge.yaml`), which no CSS property turns off; the copied text is the
 * same, since the spans add no characters.
 */
import Handlebars from 'handlebars';

/** The command, HTML-escaped, with every run of non-space characters in a `token` span. */
export function commandHtml(command: string): string {
  // Split on a captured group: the tokens at even indices (possibly empty), the spaces between them at odd ones.
  return command
    .split(/(\s+)/)
    .map((part, index) => (index % 2 === 0 && part !== '' ? `<span class="token">${Handlebars.escapeExpression(part)}</span>` : Handlebars.escapeExpression(part)))
    .join('');
}
