/**
 * A diagnostic's message as HTML for the site's banner: the Markdown our messages are written in
 * (`` `value` `` as code, emphasis, strong) rendered, every text escaped. Messages quote what the
 * author wrote, so no HTML from a message ever reaches the page, and a link in one stays its text.
 */
import { inlinesHtml } from '../cheatsheet/prose-html.js';
import type { Inlines } from '../model/prose.js';
import { inlineMarkdown } from '../parse/inline-markdown.js';

export function messageHtml(message: string): string {
  return inlinesHtml(withoutLinks(inlineMarkdown(message)));
}

/** Links as their text, line breaks as spaces: a message is one line of words. */
function withoutLinks(inlines: Inlines): Inlines {
  return inlines.flatMap((inline) => {
    switch (inline.kind) {
      case 'link':
        return withoutLinks(inline.children);
      case 'strong':
      case 'emphasis':
        return [{ ...inline, children: withoutLinks(inline.children) }];
      case 'break':
        return [{ kind: 'text', text: ' ' }];
      default:
        return [inline];
    }
  });
}
