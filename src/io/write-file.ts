import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader (or a
 * crash) never sees half a file. Throws with the path in the message when it cannot.
 */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, text, { flag: 'wx' }); // never through a link planted at that name
    renameSync(temporary, path);
  } catch (error: unknown) {
    rmSync(temporary, { force: true });
    throw new Error(`cannot write ${path}`, { cause: error });
  }
}
