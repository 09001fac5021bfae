import { caseFold } from '../text/case-fold.js';
import { isWritablePath, safeIdPath, uniquePaths } from './site-paths.js';

/**
 * Where each runbook's pages are. Its own folder is `runbooks/<id>` made safe (`safeIdPath`), with a
 * `-2` suffix when it collides, case ignored, with another runbook's (`duplicate-id` reports those).
 * A runbook whose folder holds capitals also gets the folder in lower case
 * (`runbooks/kubernetes/kubepodcrashlooping`), the form upstream `runbook_url`s are written in
 * (prometheus-operator's), unless another runbook's path differs from its own only in case or in
 * characters a URL cannot hold: then the lower-case URL is ambiguous and goes nowhere. Case is
 * ignored as a file system ignoring case does (`caseFold`: `ΑΣ` and `ασ` are one folder there), and
 * a lower-case folder longer than a file name may be (`İ` lowers to two characters, `Ⱥ` to a longer
 * one) is not written.
 *
 * The site writes the same bytes at both folders (see `planSite`): a file system that ignores case
 * (macOS, Windows, a site opened from disk) sees one folder, and both writes hold the runbook page;
 * a static host, which does not ignore case, serves the lower-case URL from its own copy.
 */

/** A runbook's page folders by id (without `/index.html`): its own first, then the lower-case variant when it has one. */
export type RunbookFolders = ReadonlyMap<string, readonly string[]>;

/** The page folders of every runbook in `ids` (the whole collection); the same ids give the same folders. */
export function runbookFolders(ids: readonly string[]): RunbookFolders {
  const natural = (id: string): string => `runbooks/${safeIdPath(id)}`;
  const own = uniquePaths(ids, natural);
  const sharing = new Map<string, number>();
  for (const id of ids) sharing.set(caseFold(natural(id)), (sharing.get(caseFold(natural(id))) ?? 0) + 1);
  const folders = new Map<string, readonly string[]>();
  for (const [id, folder] of own) {
    const lower = folder.toLowerCase();
    const variant = lower !== folder && folder === natural(id) && sharing.get(caseFold(folder)) === 1 && isWritablePath(lower);
    folders.set(id, variant ? [folder, lower] : [folder]);
  }
  return folders;
}
