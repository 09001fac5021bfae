import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';

/**
 * File operations for the site's folders that never follow a symbolic link: a repository may hold a
 * link where the tool expects its own file or folder (`site.runbook-spare -> .`, a link inside a
 * committed site), and following it would read, write or delete outside the output folder.
 */

/** The entry at `path` itself (a link is not followed), or undefined when there is none. */
export function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error: unknown) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Writes `content` into a new file at `path`, replacing whatever entry is there (the entry, not what
 * a link points to: the old name is unlinked and the file created exclusively, which never follows a
 * link and never writes into a file hard-linked elsewhere).
 */
export function writeNewFile(path: string, content: string | Uint8Array): void {
  removeEntry(path);
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
  try {
    writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** Removes the entry at `path`: a folder with everything in it (links inside are removed, not followed), a file, or a link itself. */
export function removeEntry(path: string): void {
  const entry = entryAt(path);
  if (entry === undefined) return;
  if (entry.isDirectory()) rmSync(path, { recursive: true, force: true });
  else unlinkSync(path);
}

/** The text of a regular file at `path`; undefined when there is none, or it is a link, a folder or anything else. */
export function readRegularFile(path: string): string | undefined {
  return readRegular(path)?.toString('utf8');
}

/** Whether the entry at `path` is a regular file holding exactly `content` (a link never is). */
export function holdsBytes(path: string, content: string | Uint8Array): boolean {
  const bytes = readRegular(path);
  return bytes !== undefined && bytes.equals(typeof content === 'string' ? Buffer.from(content) : content);
}

function readRegular(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error: unknown) {
    if (['ENOENT', 'ELOOP', 'ENOTDIR', 'EACCES', 'ENXIO'].includes(codeOf(error) ?? '')) return undefined;
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One entry met while walking a site folder: its path relative to the folder (`/`-separated). */
export interface SiteEntry {
  readonly path: string;
  readonly dirent: Dirent;
}

/**
 * Visits every entry below `folder` without following links; `visit` says whether to descend into a
 * folder. Paths are relative to `folder`, `/`-separated.
 */
export function walkEntries(folder: string, visit: (entry: SiteEntry) => boolean): void {
  const walk = (relative: string): void => {
    for (const dirent of readdirSync(join(folder, relative), { withFileTypes: true })) {
      const path = relative === '' ? dirent.name : `${relative}/${dirent.name}`;
      if (visit({ path, dirent }) && dirent.isDirectory()) walk(path);
    }
  };
  walk('');
}

/** The size of the regular file at `path`; undefined when it is missing or not a regular file. */
export function sizeAt(path: string): number | undefined {
  const entry = entryAt(path);
  return entry?.isFile() === true ? entry.size : undefined;
}

/** An error's `code` (`ENOENT`…), when it has one. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
