import { dirname, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from '../parse/body.js';
import type { Runbook } from '../model/runbook.js';

/** What the body of a runbook page needs to resolve its links. */
export interface LinkContext {
  /** The page being rendered, relative to the site root (`runbooks/db/x/index.html`). */
  readonly pagePath: string;
  /** The site page of the runbook at an absolute file path, if it is one of this site's. */
  readonly pageOfFile: (path: string) => string | undefined;
}

/**
 * GitHub's sanitisation schema, with `class` kept on code for language names. User-written `id` and
 * `name` attributes keep GitHub's `user-content-` prefix, so raw HTML cannot clobber DOM globals
 * (`<img name="addEventListener">`); heading ids are set afterwards from the heading text.
 */
const SCHEMA: Schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, code: [['className', /^language-[\w+-]+$/]] },
};

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Renders a runbook's body to safe HTML: raw HTML is parsed and sanitised (no script, no event
 * handlers, no `javascript:` URLs), headings get GitHub-style ids, and relative links to other
 * runbooks point at their pages. Also returns the body as plain text, for search.
 */
export function renderBody(runbook: Runbook, context: LinkContext): { readonly html: string; readonly text: string } {
  const body: Root = { type: 'root', children: runbook.tree.children.filter((node) => node.type !== 'yaml') };
  const hast = toHast(body, { allowDangerousHtml: true });
  // hast-util-raw re-parses the whole tree with parse5: only worth it when there is raw HTML.
  const parsed = hasRawHtml(body) ? (raw(hast) as HastRoot) : (hast as HastRoot);
  const clean = sanitize(parsed, SCHEMA) as HastRoot;
  addHeadingIds(clean);
  rewriteLinks(clean, runbook, context);
  return { html: toHtml(clean), text: plainText(body) };
}

/** Blocks whose text is one run of words (they never contain each other). */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell', 'code']);

/** The words of the body, blocks separated by spaces (for the search index). */
function plainText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (TEXT_BLOCKS.has(node.type)) parts.push(mdastToString(node, { includeHtml: false }));
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function hasRawHtml(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    if (node.type === 'html') found = true;
  });
  return found;
}

function addHeadingIds(tree: HastRoot): void {
  const slugger = new GithubSlugger();
  visit(tree, (node) => {
    const element = node as HastNodes;
    if (element.type === 'element' && /^h[1-6]$/.test(element.tagName)) {
      element.properties.id = slugger.slug(hastToString(element).trim());
    }
  });
}

function rewriteLinks(tree: HastRoot, runbook: Runbook, context: LinkContext): void {
  visit(tree, (node) => {
    const element = node as HastNodes;
    if (element.type !== 'element' || element.tagName !== 'a') return;
    const href = element.properties.href;
    if (typeof href !== 'string' || href === '' || href.startsWith('#') || href.startsWith('/') || SCHEME.test(href)) return;
    const hash = href.indexOf('#');
    const pathPart = (hash === -1 ? href : href.slice(0, hash)).replace(/\?.*$/, '');
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch (error: unknown) {
      if (error instanceof URIError) return;
      throw error;
    }
    const page = context.pageOfFile(resolve(dirname(runbook.path), decoded));
    if (page === undefined) return;
    const prefix = '../'.repeat(context.pagePath.split('/').length - 1);
    element.properties.href = prefix + page + (hash === -1 ? '' : href.slice(hash));
  });
}
