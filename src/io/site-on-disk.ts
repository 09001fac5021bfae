/**
 * What a site folder on disk holds, checked without trusting it: its marker, verified against the
 * sizes of the files it lists, and whether anything in it is a link. A folder beside `--out` may
 * have been committed to the repository by anyone, so nothing it says is taken on its word.
 */
import { join } from 'node:path';
import { entryAt, readRegularFile, sizeAt, walkEntries } from './site-entries.js';
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
