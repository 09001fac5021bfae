import { dirname, resolve } from 'node:path';
import type { Runbook } from '../model/runbook.js';
import { relativeUrl } from './paths.js';

/** What the body of a runbook page needs to resolve its links. */
export interface LinkContext {
  /** The page being rendered, relative to the site root (`runbooks/db/x/index.html`). */
  readonly pagePath: string;
  /** The site page of the runbook at an absolute file path, if it is one of this site's. */
  readonly pageOfFile: (path: string) => string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const HREF = /(<a\b[^>]*?\shref=")([^"]*)(")/g;

/**
 * Points relative links of rendered HTML at the site pages of the runbooks they name; links to
 * anything else are left as they are. Works on the HTML hast-util-to-html writes (double-quoted
 * attributes, `&` escaped as `&#x26;` or `&amp;`).
 */
export function resolveLinks(html: string, runbook: Runbook, context: LinkContext): string {
  return html.replace(HREF, (whole, before: string, value: string, after: string) => {
    const href = decodeAttribute(value);
    if (href === '' || href.startsWith('#') || href.startsWith('/') || SCHEME.test(href)) return whole;
    const hash = href.indexOf('#');
    const pathPart = (hash === -1 ? href : href.slice(0, hash)).replace(/\?.*$/, '');
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch (error: unknown) {
      if (error instanceof URIError) return whole;
      throw error;
    }
    const page = context.pageOfFile(resolve(dirname(runbook.path), decoded));
    if (page === undefined) return whole;
    return `${before}${encodeAttribute(relativeUrl(context.pagePath, page) + (hash === -1 ? '' : href.slice(hash)))}${after}`;
  });
}

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" }[lower] ?? '';
  });
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
}
