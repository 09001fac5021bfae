/**
 * A runbook's page at its lower-case path too (`runbooks/kubernetes/kubepodcrashlooping/`, the form
 * upstream `runbook_url`s use; see `runbookFolders`). The variant is not a redirect but the page
 * itself, byte for byte: the two paths have the same depth, so every relative link of the page is
 * right at both, and on a file system that ignores case (macOS, Windows, the site opened from disk)
 * the two paths are one file, which a redirect would replace with a page sending the reader to
 * itself. Both copies name the runbook's own URL in `<link rel="canonical">`.
 */
import { relativeUrl } from '../model/site-paths.js';
import { caseFold } from '../text/case-fold.js';
import type { RunbookView } from '../view/collection-view.js';
import type { SiteFile } from './search-document.js';
import type { Page } from './site-plan.js';
import type { PageRenderer } from './templates.js';

/** The renderer of `entry`'s page: with `<link rel="canonical">` naming its own folder when the page is written at other paths too. */
export function canonicalRender(entry: RunbookView, render: PageRenderer): PageRenderer {
  if (entry.variants.length === 0) return render;
  const canonical = entry.url ?? relativeUrl(entry.page, entry.page.slice(0, -'index.html'.length));
  return (request) => render({ ...request, canonical });
}

/** How many runbook pages, rendered for one of their paths, are kept for the other (a build writes paths in order: a folder's capitals first). */
const PENDING_PAGES = 64;

/**
 * `pages` (every page the plan writes) with each runbook page also at its variant paths. A variant
 * is left out when another page has its path, case ignored (`caseFold`): a real page is never replaced. The two
 * paths share one rendering: the first asked keeps the page until the other is asked (a few dozen
 * pages at most, so that the site is never in memory whole; past that, a page is rendered again).
 */
export function withVariants(runbooks: readonly Pick<RunbookView, 'page' | 'variants'>[], pages: readonly Page[]): readonly Page[] {
  const byFoldedPath = new Map<string, Page[]>();
  for (const page of pages) {
    const key = caseFold(page.path);
    byFoldedPath.set(key, [...(byFoldedPath.get(key) ?? []), page]);
  }
  const pending = new Map<string, SiteFile['content']>();
  const sharedMake = (own: Page) => (): SiteFile['content'] => {
    const kept = pending.get(own.path);
    if (kept !== undefined) {
      pending.delete(own.path);
      return kept;
    }
    const content = own.make();
    pending.set(own.path, content);
    const [oldest] = pending.keys();
    if (pending.size > PENDING_PAGES && oldest !== undefined) pending.delete(oldest);
    return content;
  };
  const shared = new Map<string, () => SiteFile['content']>();
  const variants = runbooks.flatMap((entry) =>
    entry.variants.flatMap((path): Page[] => {
      const [own, ...others] = byFoldedPath.get(caseFold(path)) ?? [];
      if (own?.path !== entry.page || others.length > 0) return [];
      const make = shared.get(own.path) ?? sharedMake(own);
      shared.set(own.path, make);
      return [own.input === undefined ? { path, make } : { path, make, input: own.input }];
    }),
  );
  return [...pages.map((page): Page => ({ ...page, make: shared.get(page.path) ?? page.make })), ...variants];
}
