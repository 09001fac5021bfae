/**
 * Runbook text as written (inline formatting and blocks, see model/prose.ts) as HTML, for the HTML
 * cheat sheet and the site's recovery panel. No HTML from the source reaches it (the model holds
 * none); every text and attribute value is escaped as the templates escape theirs (so plain text
 * comes out exactly as `{{text}}` would write it), and a link keeps its URL only when it is `http`,
 * `https`, `mailto` or relative, like the body's sanitiser; any other becomes its text.
 */
import Handlebars from 'handlebars';
import type { Block, Blocks, Inline, Inlines } from '../model/prose.js';

const escape = (text: string): string => Handlebars.escapeExpression(text);

/** Inline content as HTML: code as `<code>`, bold as `<strong>`, emphasis as `<em>`, links as `<a>`. */
export function inlinesHtml(inlines: Inlines): string {
  return inlines.map(inlineHtml).join('');
}

/** Blocks as HTML, one per line; headings keep their anchors (the ids the body gives them). */
export function blocksHtml(blocks: Blocks): string {
  return blocks.map(blockHtml).join('\n');
}

/**
 * The URL a link keeps, read as a browser reads it (tabs and line breaks removed, leading control
 * characters and spaces dropped): `http(s):`, `mailto:` or relative (no scheme); undefined for any
 * other (`javascript:`, `data:`), whose link then becomes its text.
 */
export function safeUrl(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || SCHEMES.has(scheme) ? cleaned : undefined;
}

const SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/** Whether a URL leads somewhere from paper or chat (`http(s):`, `mailto:`), unlike a relative one. */
export function isWebUrl(url: string): boolean {
  return /^(https?|mailto):/i.test(url);
}

function inlineHtml(inline: Inline): string {
  switch (inline.kind) {
    case 'text':
      return escape(inline.text);
    case 'code':
      return `<code>${escape(inline.text)}</code>`;
    case 'strong':
      return `<strong>${inlinesHtml(inline.children)}</strong>`;
    case 'emphasis':
      return `<em>${inlinesHtml(inline.children)}</em>`;
    case 'link': {
      const url = safeUrl(inline.url);
      return url === undefined ? inlinesHtml(inline.children) : `<a href="${escape(url)}" rel="noreferrer">${inlinesHtml(inline.children)}</a>`;
    }
    case 'break':
      return '<br>';
  }
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'heading': {
      const tag = `h${Math.min(6, Math.max(1, Math.trunc(block.depth)))}`;
      return `<${tag}${block.slug === '' ? '' : ` id="${escape(block.slug)}"`}>${inlinesHtml(block.inlines)}</${tag}>`;
    }
    case 'code':
      return `<pre><code>${escape(block.text.replace(/\n$/, ''))}</code></pre>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${Math.trunc(block.start)}"` : '';
      return `<${tag}${start}>${block.items.map((item) => `<li>${blocksHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${blocksHtml(block.blocks)}</blockquote>`;
    case 'table':
      return `<table><tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${inlinesHtml(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'rule':
      return '<hr>';
  }
}
