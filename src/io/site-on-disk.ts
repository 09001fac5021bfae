/**
 * What a site folder on disk holds, checked without trusting it: its marker, verified against the
 * sizes of the files it lists, and whether anything in it is a link. A folder beside `--out` may
 * have been committed to the repository by anyone, so nothing it says is taken on its word.
 */
import { createHash } from 'node:crypto';
import { lstatSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import type { RunCache, SiteRecord } from '../model/run-cache.js';
import { codeOf, entryAt, readRegularFile, sizeAt, walkEntries } from './site-entries.js';
import { parseMarker, SITE_MARKER, type Marker } from './site-marker.js';

/**
 * The marker of `folder` when, as far as a cheap check tells, the folder is the complete site it
 * describes: every file it lists is a regular file of the size it lists. One `lstat` a file.
 */
export function verifiedMarker(folder: string): Marker | undefined {
  if (entryAt(folder)?.isDirectory() !== true) return undefined;
  const text = readRegularFile(join(folder, SITE_MARKER));
  const marker = text === undefined ? undefined : parseMarker(text);
  if (marker === undefined) return undefined;
  for (const [path, file] of marker.files) if (sizeAt(join(folder, path)) !== file.size) return undefined;
  return marker;
}

/** Whether any entry below `folder` is a link or anything but a regular file or folder. */
export function holdsLink(folder: string): boolean {
  let found = false;
  walkEntries(folder, ({ dirent }) => {
    if (!dirent.isDirectory() && !dirent.isFile()) found = true;
    return !found;
  });
  return found;
}

/** A marker this user's build wrote, still as written: its content, the record of its site, and its change time. */
export interface KnownMarker {
  readonly marker: Marker;
  readonly record: SiteRecord;
  readonly dev: bigint;
  /** The marker's change time (nanoseconds): every file the build left there is older. */
  readonly written: bigint;
}

/**
 * The marker of `out` when `cache` remembers writing it (see `SiteRecord`): the marker on disk is a
 * regular file of the recorded digest, device, inode and change time. A marker committed to the
 * repository, copied, pulled, rewritten or touched is none of these: then nothing of `out` is trusted.
 */
export function knownMarker(out: string, cache: RunCache): KnownMarker | undefined {
  const record = cache.lookupSite(out);
  if (record === undefined) return undefined;
  const path = join(out, SITE_MARKER);
  const stats = bigStats(path);
  if (stats?.isFile() !== true || String(stats.dev) !== record.dev || String(stats.ino) !== record.ino || String(stats.ctimeNs) !== record.ctime) return undefined;
  const text = readRegularFile(path);
  if (text === undefined || markerDigest(text) !== record.marker) return undefined;
  const marker = parseMarker(text);
  return marker === undefined ? undefined : { marker, record, dev: stats.dev, written: stats.ctimeNs };
}

/**
 * Remembers in `cache` the site just swapped into `out` (see `SiteRecord`): its marker (`text`, as
 * on disk now) and each file's inode.
 */
export function rememberSite(out: string, cache: RunCache, text: string, inodes: ReadonlyMap<string, bigint>): void {
  const stats = bigStats(join(out, SITE_MARKER));
  if (stats?.isFile() !== true) return;
  const files = Object.fromEntries([...inodes].map(([path, ino]) => [path, String(ino)]));
  cache.storeSite(out, { marker: markerDigest(text), dev: String(stats.dev), ino: String(stats.ino), ctime: String(stats.ctimeNs), files });
}

/**
 * Whether every file `known`'s marker lists is, as far as a cheap check tells, the very file the
 * build left: a regular file of the recorded device, inode and size (an edit in place that keeps the
 * size is not seen: `--no-cache` rebuilds). One `lstat` a file.
 */
export function holdsKnownFiles(out: string, known: KnownMarker): boolean {
  const left = { dev: known.dev, inodes: known.record.files };
  for (const [path, file] of known.marker.files) if (!isFileLeft(bigStats(join(out, path)), left, path, file.size)) return false;
  return true;
}

/**
 * Whether `stats` are those of the very file a build of this user left at `path` (see `SiteRecord`):
 * a regular file of the recorded device and inode, of `size` bytes.
 */
export function isFileLeft(stats: BigIntStats | undefined, left: { readonly dev: bigint; readonly inodes: Readonly<Record<string, string>> }, path: string, size: number): stats is BigIntStats {
  return stats?.isFile() === true && stats.dev === left.dev && stats.size === BigInt(size) && Object.hasOwn(left.inodes, path) && left.inodes[path] === String(stats.ino);
}

function markerDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The entry at `path` itself, with nanosecond times; undefined when there is none. */
export function bigStats(path: string): BigIntStats | undefined {
  try {
    return lstatSync(path, { bigint: true });
  } catch (error: unknown) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}
