import { hashedSegment, safeSegment } from './paths.js';

/**
 * Where each alert's pages are: `alerts/<Name>` (its natural path), plus `alerts/<name>` in lower
 * case for upstream `runbook_url`s written that way. Alerts whose natural paths differ only in case
 * (`DiskFull`, `diskfull`) would share a folder on a file system that ignores case, and the
 * lower-case variant of one would be the other's page; such alerts each get `alerts/<Name>-<hash>`,
 * a path of their own that depends only on their name, and no alias. No alert ever gets a path (or
 * an alias) that is another alert's natural path.
 */

/** An alert's page folders (without `/index.html`): the first is its own, the rest aliases. */
export type AlertFolders = ReadonlyMap<string, readonly string[]>;

/** The page folders of every alert in `names` (duplicates ignored); the same names give the same folders. */
export function alertFolders(names: Iterable<string>): AlertFolders {
  const sorted = [...new Set(names)].sort();
  const natural = new Map(sorted.map((name) => [name, `alerts/${safeSegment(name)}`]));
  const sharing = new Map<string, number>();
  for (const path of natural.values()) sharing.set(path.toLowerCase(), (sharing.get(path.toLowerCase()) ?? 0) + 1);
  const alone = (name: string): boolean => sharing.get((natural.get(name) ?? '').toLowerCase()) === 1;
  // Nobody but an alert alone on its natural path may take that path (in any case).
  const taken = new Set(sharing.keys());
  const folders = new Map<string, string[]>();
  for (const name of sorted) {
    const own = natural.get(name);
    if (own !== undefined && alone(name)) folders.set(name, [own]);
  }
  for (const name of sorted) {
    if (alone(name)) continue;
    const base = `alerts/${hashedSegment(safeSegment(name), name)}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    taken.add(candidate.toLowerCase());
    folders.set(name, [candidate]);
  }
  for (const name of sorted) {
    const own = folders.get(name);
    const [first] = own ?? [];
    if (own === undefined || first === undefined || !alone(name)) continue;
    const lower = `alerts/${safeSegment(name.toLowerCase())}`;
    // The lower-case URL too (a common `runbook_url` convention), unless some other alert owns it.
    if (lower !== first && (lower.toLowerCase() === first.toLowerCase() || !taken.has(lower.toLowerCase()))) {
      taken.add(lower.toLowerCase());
      own.push(lower);
    }
  }
  return new Map(sorted.map((name) => [name, folders.get(name) ?? []]));
}
