import type { BodyPiece, Runbook } from '../model/runbook.js';
import { piecesHtml } from '../parse/body-pieces.js';
import { linkTarget } from '../parse/link-target.js';
import { relativeUrl } from '../model/site-paths.js';

/** What the body of a runbook page needs to resolve its links. */
export interface LinkContext {
  /** The page being rendered, relative to the site root (`runbooks/db/x/index.html`). */
  readonly pagePath: string;
  /** The site page of the runbook at an absolute file path, if it is one of this site's. */
  readonly pageOfFile: (path: string) => string | undefined;
}

/**
 * The body's HTML for one page, with each relative link that names one of the site's runbooks
 * pointed at its page; links to anything else are left as they are. Only the `href` of the link
 * pieces changes: the HTML around them is written out as it was rendered, never read back.
 */
export function resolveLinks(pieces: readonly BodyPiece[], runbook: Runbook, context: LinkContext): string {
  return piecesHtml(pieces, (href) => sitePageHref(href, runbook, context));
}

/** Where a relative href written in `runbook` points in the site, when it names one of its runbooks. */
function sitePageHref(href: string, runbook: Runbook, context: LinkContext): string | undefined {
  const { file, sameFile, fragment } = linkTarget(href, runbook.path);
  const page = sameFile ? undefined : context.pageOfFile(file);
  return page === undefined ? undefined : relativeUrl(context.pagePath, page) + (fragment === undefined ? '' : `#${fragment}`);
}
