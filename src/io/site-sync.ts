/**
 * Folder sync for `writeSite`: brings a working folder (the old spare, or an empty one) to exactly
 * the site's files, writing only those whose bytes changed. Nothing in the folder is trusted or
 * followed: every entry that is not a wanted regular file or folder is removed.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { holdsBytes, removeEntry, walkEntries, writeNewFile } from './site-entries.js';
import { writtenFile, type Manifest, type WrittenFile } from './site-marker.js';

/** What a sync did: files written, kept (already holding the wanted bytes) and removed, and every file written there. */
export interface Synced {
  readonly written: number;
  readonly kept: number;
  readonly removed: number;
  readonly files: Manifest;
}

/**
 * Brings `work` to exactly `paths`: removes every entry that is not a wanted file or folder (links,
 * the old marker, and anything but regular files and folders included), keeps a regular file that
 * already holds the wanted bytes (when `reuse`), and writes every other file new.
 */
export function syncFolder(work: string, paths: readonly string[], contentOf: (path: string) => string | Uint8Array, reuse: boolean): Synced {
  const desired = new Set(paths);
  const wantedFolders = new Set<string>();
  for (const path of paths) for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) wantedFolders.add(folder);
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
  for (const path of paths) {
    const content = contentOf(path);
    files.set(path, writtenFile(content));
    if (reuse && present.has(path) && holdsBytes(join(work, path), content)) {
      kept++;
      continue;
    }
    if (!present.has(path)) ensureFolder(work, dirname(path), folders);
    writeNewFile(join(work, path), content);
    written++;
  }
  return { written, kept, removed, files };
}

function ensureFolder(work: string, folder: string, made: Set<string>): void {
  if (folder === '.' || made.has(folder)) return;
  mkdirSync(join(work, folder), { recursive: true });
  made.add(folder);
}
