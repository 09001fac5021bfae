import { caseFold } from '../text/case-fold.js';
import { hashedSegment, isWritablePath, safeSegment } from './site-paths.js';

/**
 * Where each alert's pages are. An alert whose name is a safe path segment (`DiskFull`) always has
 * `alerts/<Name>`: that is the page every upstream `runbook_url` names, and no other alert can take
 * it away. Any other alert has its cleaned name (`Disk Full` → `alerts/Disk-Full`) unless that
 * collides, case ignored, with another alert's path (`DiskFull!`, `diskfull!`): then it gets
 * `alerts/<name>-<hash>`, a path of its own that depends only on its name, and no alias. Alerts whose
 * exact names differ only in case (`DiskFull`, `diskfull`) both keep their pages, which are one folder
 * where case is ignored; `check` reports them (alert-case-conflict). An alert keeping its path also
 * gets `alerts/<name>` in lower case, for upstream `runbook_url`s written that way, unless another
 * alert keeps a path that differs from its own only in case, or the lower-case name is longer than a
 * file name may be (`İ` lowers to two characters). Case is ignored as a file system ignoring case
 * does (`caseFold`: `ΑΣ` and `ασ` are one folder there).
 */

/** An alert's page folders (without `/index.html`): the first is its own, the rest aliases. */
export type AlertFolders = ReadonlyMap<string, readonly string[]>;

/** The page folders of every alert in `names` (duplicates ignored); the same names give the same folders. */
export function alertFolders(names: Iterable<string>): AlertFolders {
  const sorted = [...new Set(names)].sort();
  const natural = new Map(sorted.map((name) => [name, `alerts/${safeSegment(name)}`]));
  const exact = (name: string): boolean => natural.get(name) === `alerts/${name}`;
  const sharing = new Map<string, number>();
  for (const path of natural.values()) sharing.set(caseFold(path), (sharing.get(caseFold(path)) ?? 0) + 1);
  const alone = (name: string): boolean => sharing.get(caseFold(natural.get(name) ?? '')) === 1;
  const keeps = (name: string): boolean => exact(name) || alone(name);
  // Paths (case ignored) that only the alerts keeping their natural paths may have.
  const taken = new Set(sorted.filter(keeps).map((name) => caseFold(natural.get(name) ?? '')));
  const folders = new Map<string, string[]>();
  for (const name of sorted) {
    const own = natural.get(name);
    if (own !== undefined && keeps(name)) folders.set(name, [own]);
  }
  for (const name of sorted) {
    if (keeps(name)) continue;
    const base = `alerts/${hashedSegment(safeSegment(name), name)}`;
    let candidate = base;
    for (let n = 2; taken.has(caseFold(candidate)); n++) candidate = `${base}-${n}`;
    taken.add(caseFold(candidate));
    folders.set(name, [candidate]);
  }
  // Alerts keeping their paths, by path case ignored: more than one are exact names differing in case.
  const kept = new Map<string, number>();
  for (const name of sorted.filter(keeps)) {
    const path = caseFold(natural.get(name) ?? '');
    kept.set(path, (kept.get(path) ?? 0) + 1);
  }
  for (const name of sorted) {
    const own = folders.get(name);
    const [first] = own ?? [];
    if (own === undefined || first === undefined || !keeps(name) || kept.get(caseFold(first)) !== 1) continue;
    const lower = first.toLowerCase();
    // The lower-case URL too (a common `runbook_url` convention): its own path, case ignored.
    if (lower !== first && isWritablePath(lower)) own.push(lower);
  }
  return new Map(sorted.map((name) => [name, folders.get(name) ?? []]));
}
