import { describe, expect, it } from 'vitest';
import { piecesHtml } from '../../src/parse/body-pieces.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { renderBody } from '../../src/parse/render-body.js';
import { hiddenCharacters } from '../../src/text/hidden-characters.js';

const html = (markdown: string): string => piecesHtml(renderBody(parseMarkdown(markdown)).pieces, () => undefined);

describe('hidden characters in the body', () => {
  it('shows each one in a fenced code block as a chip where it is', () => {
    expect(html('```sh\necho "\u202egnp.exe\u2069" \u001b[8mhidden\u001b[0m\n```\n')).toBe(
      '<pre><code class="language-sh">echo "<span class="hidden-char">U+202E</span>gnp.exe<span class="hidden-char">U+2069</span>" ' +
        '<span class="hidden-char">U+001B</span>[8mhidden<span class="hidden-char">U+001B</span>[0m\n</code></pre>',
    );
  });

  it('shows them in an indented block and in a raw HTML pre, but not in prose', () => {
    expect(html('Zero\u200bwidth prose.\n\n    kubectl delete\u200b pod\n\n<pre>ls\u2066 x</pre>\n')).toBe(
      '<p>Zero\u200bwidth prose.</p>\n<pre><code>kubectl delete<span class="hidden-char">U+200B</span> pod\n</code></pre>\n<pre>ls<span class="hidden-char">U+2066</span> x</pre>',
    );
  });

  it('keeps an author from writing a chip of their own (the sanitiser drops the class)', () => {
    expect(html('<pre><span class="hidden-char">U+0000</span>ls</pre>\n')).toBe('<pre><span>U+0000</span>ls</pre>');
  });

  it('finds bidi, zero-width and control characters but not tab, line feed or a CRLF line ending', () => {
    expect(hiddenCharacters('a\tb\r\nc\u061c\u200e\u2060\u0085\r').map((found) => found.name)).toEqual(['U+061C', 'U+200E', 'U+2060', 'U+0085', 'U+000D']);
  });
});
