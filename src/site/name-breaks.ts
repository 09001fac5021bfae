/**
 * Alert names in HTML with line-break opportunities (`<wbr>`) where a reader would split them: at
 * CamelCase humps, after an acronym, and after `_`, `-`, `.`, `/` and `:`. With `overflow-wrap:
 * normal` a narrow column then shows `KubePod` / `CrashLooping`, never one character per line.
 */
import Handlebars from 'handlebars';

/** Between a lower-case letter or digit and a capital, inside an acronym before a capitalised word, after a separator. */
const BREAK_POINTS = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=[_\-./:])(?=[^_\-./:])/u;

/** The name, HTML-escaped, with `<wbr>` at each break point. */
export function breakableNameHtml(name: string): string {
  return name
    .split(BREAK_POINTS)
    .map((part) => Handlebars.escapeExpression(part))
    .join('<wbr>');
}
