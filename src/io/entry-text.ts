/**
 * How the site's shell code names an entry or a failure in a note or an error message: what kind of
 * entry it is, why this process may not write in it, and an error in a few words.
 */
import { accessSync, constants, type Stats } from 'node:fs';
import { codeOf } from './site-entries.js';

/** Why this process may not write in `path` (an error code), or undefined when it may. */
export function accessError(path: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error: unknown) {
    return describe(error);
  }
}

/** `a symbolic link`, `a file`, `a folder` or `a special file`, for a message about `entry`. */
export function kindOf(entry: Stats): string {
  return entry.isSymbolicLink() ? 'a symbolic link' : entry.isFile() ? 'a file' : entry.isDirectory() ? 'a folder' : 'a special file';
}

/** An error's code (`EACCES`), or its message when it has none. */
export function describe(error: unknown): string {
  return codeOf(error) ?? (error instanceof Error ? error.message : String(error));
}
