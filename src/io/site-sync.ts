/**
 * Folder sync for `writeSite`: brings a working folder (the old spare, or an empty one) to exactly
 * the site's files, writing only those whose bytes changed. Nothing in the folder is trusted or
 * followed: every entry that is not a wanted regular file or folder is removed.
 */
import { linkSync, mkdirSync, type BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeOf, holdsBytes, removeEntry, walkEntries, writeNewFile } from './site-entries.js';
import { writtenFile, type Manifest, type WrittenFile } from './site-marker.js';
import { bigStats, isFileLeft } from './site-on-disk.js';

/** What a sync did: files written, kept (already holding the wanted bytes, or taken from the site before) and removed, and every file written there. */
export interface Synced {
  readonly written: number;
  readonly kept: number;
  readonly removed: number;
  readonly files: Manifest;
  /** The latest change time (`ctime`, nanoseconds) of the files in the folder: its marker must be written later (see `SiteBefore.written`). */
  readonly latest: bigint;
  /** Each file's inode, for the record of the site (see `SiteRecord`). */
  readonly inodes: ReadonlyMap<string, bigint>;
}

/** The site to sync to: its paths, each file's content (made when asked for) and input digest (see `SitePlan.input`). */
export interface SyncSource {
  readonly paths: readonly string[];
  content(path: string): string | Uint8Array;
  input(path: string): string | undefined;
}

/**
 * The site before (`out`, while this user's cache remembers writing its marker: see `siteBefore`)
 * and its dependency record: a file whose recorded input equals the new one is taken from there by
 * hard link, neither made nor read, while it is the very inode the build that wrote it left.
 */
export interface SiteBefore {
  readonly folder: string;
  readonly files: Manifest;
  /** The device of the site's files, and each file's inode, as the build that wrote it recorded them (`SiteRecord`). */
  readonly dev: bigint;
  readonly inodes: Readonly<Record<string, string>>;
  /**
   * The change time of its marker (nanoseconds), written after every file of the site (`writeSite`
   * makes it later than every file's): a file changed since (a `ctime` as late: any write, link or
   * chmod) is not taken.
   */
  readonly written: bigint;
}

/** Errors of `link` that mean "no hard link here" (another file system, one without links, a cap on links): the file is written instead. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'EACCES', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * Brings `work` to exactly the source's paths: removes every entry that is not a wanted file or
 * folder (links, the old marker, and anything but regular files and folders included); takes a file
 * from `before` by hard link (unless `work` already holds that very file) when its recorded input
 * equals the new one (the file is not made) or its recorded digest and size equal the new bytes'
 * (it is neither written nor read); keeps a regular file of `work` that already holds the wanted
 * bytes (when `reuse`); writes every other file new. Every file is recorded with its input: the next
 * build's dependency record.
 */
export function syncFolder(work: string, source: SyncSource, reuse: boolean, before: SiteBefore | undefined): Synced {
  const desired = new Set(source.paths);
  const wantedFolders = new Set<string>();
  for (const path of source.paths) for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) wantedFolders.add(folder);
  let removed = 0;
  const present = new Set<string>();
  walkEntries(work, ({ path, dirent }) => {
    if (dirent.isDirectory() && wantedFolders.has(path)) return true;
    if (dirent.isFile() && desired.has(path)) {
      present.add(path);
      return false;
    }
    removeEntry(join(work, path));
    removed++;
    return false;
  });
  let written = 0;
  let kept = 0;
  const folders = new Set<string>();
  const files = new Map<string, WrittenFile>();
  const inodes = new Map<string, bigint>();
  let latest = 0n;
  const changed = (path: string, stats: BigIntStats | undefined): void => {
    if (stats === undefined) return;
    if (stats.ctimeNs > latest) latest = stats.ctimeNs;
    inodes.set(path, stats.ino);
  };
  for (const path of source.paths) {
    const input = source.input(path);
    const recorded = before?.files.get(path);
    const link = (): boolean => {
      if (before === undefined || recorded === undefined) return false;
      const stats = linkFrom(before, work, path, recorded.size, present.has(path), () => {
        ensureFolder(work, dirname(path), folders);
      });
      changed(path, stats);
      return stats !== undefined;
    };
    // The same input as the file before: not even made.
    const unchanged = input !== undefined && recorded?.input === input && link();
    if (unchanged) {
      files.set(path, recorded);
      kept++;
      continue;
    }
    const content = source.content(path);
    const file = { ...writtenFile(content), ...(input === undefined ? {} : { input }) };
    // The same bytes as the file before (by its recorded digest): not written, nor read.
    if (recorded?.digest === file.digest && recorded.size === file.size && link()) {
      files.set(path, file);
      kept++;
      continue;
    }
    const target = join(work, path);
    if (reuse && present.has(path) && holdsBytes(target, content)) {
      kept++;
    } else {
      if (!present.has(path)) ensureFolder(work, dirname(path), folders);
      writeNewFile(target, content);
      written++;
    }
    changed(path, bigStats(target));
    files.set(path, file);
  }
  return { written, kept, removed, files, latest, inodes };
}

/**
 * Puts `before`'s file at `path` into `work` by hard link, when it is still the very file the build
 * that wrote `before` left there (a regular file of the recorded device, inode and size, not changed
 * since the marker was written), and gives its stats once there; undefined when it must be made
 * instead. Being that inode, it cannot be another file reached through a link in a folder of
 * `before`, a copy, or a file replaced or rewritten in place. Nothing is followed: `link` takes the
 * entry itself, and every entry is examined with `lstat`.
 */
function linkFrom(before: SiteBefore, work: string, path: string, size: number, present: boolean, makeFolder: () => void): BigIntStats | undefined {
  const source = join(before.folder, path);
  const stats = bigStats(source);
  if (!isFileLeft(stats, before, path, size) || stats.ctimeNs >= before.written) return undefined;
  const target = join(work, path);
  if (present) {
    const mine = bigStats(target);
    if (mine?.isFile() === true && mine.dev === stats.dev && mine.ino === stats.ino) return mine;
    removeEntry(target);
  } else makeFolder();
  try {
    linkSync(source, target);
  } catch (error: unknown) {
    if (NO_LINK.has(codeOf(error) ?? '')) return undefined;
    throw error;
  }
  return bigStats(target);
}

function ensureFolder(work: string, folder: string, made: Set<string>): void {
  if (folder === '.' || made.has(folder)) return;
  mkdirSync(join(work, folder), { recursive: true });
  made.add(folder);
}
