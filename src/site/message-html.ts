/**
 * A diagnostic's message as HTML for the site's banner: the Markdown our messages are written in
 * (`` `value` `` as code, emphasis, strong) rendered, every text escaped. Messages quote what the
 * author wrote, so no HTML from a message ever reaches the page, and a link in one stays its text.
 */
import { inlinesHtml } from '../cheatsheet/prose-html.js';
import type { Inlines } from '../model/prose.js';
import { inlineMarkdown } from '../parse/inline-markdown.js';

export function messageHtml(message: string): string {
  let html = made.get(message);
  if (html === undefined) {
    html = inlinesHtml(withoutLinks(inlineMarkdown(message)));
    if (made.size >= MADE_LIMIT) made.clear();
    made.set(message, html);
  }
  return html;
}

/**
 * Messages already made into HTML: a site shows the same message on many pages (a runbook's page,
 * its listings), and parsing one as Markdown costs far more than looking it up. Bounded.
 */
const made = new Map<string, string>();
const MADE_LIMIT = 20_000;

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
