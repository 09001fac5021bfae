import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file system calls {@link replaceFile} makes: passed in, so a test can make one of them fail. */
export interface ReplaceSteps {
  /** The permission bits of the existing file. */
  readonly modeOf: (path: string) => number;
  /** Creates `path` (which must not exist) with `data` and `mode`, and flushes it to disk. */
  readonly writeNew: (path: string, data: Uint8Array, mode: number) => void;
  readonly rename: (from: string, to: string) => void;
  /** Removes `path` if it exists. */
  readonly remove: (path: string) => void;
}

/** The real file system. */
export const NODE_STEPS: ReplaceSteps = {
  modeOf: (path) => statSync(path).mode & 0o7777,
  writeNew: (path, data, mode) => {
    const descriptor = openSync(path, 'wx', mode);
    try {
      writeFileSync(descriptor, data);
      fchmodSync(descriptor, mode);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  },
  rename: renameSync,
  remove: (path) => {
    rmSync(path, { force: true });
  },
};

/**
 * Replaces an existing file's contents atomically, keeping its permissions: the new bytes go to a
 * temporary file in the same folder, flushed, then renamed over the file. A failure (or a crash) at
 * any point leaves the original file as it was; on failure the temporary file is removed and the
 * error, with the path, is thrown.
 */
export function replaceFile(path: string, data: Uint8Array, steps: ReplaceSteps = NODE_STEPS): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    steps.writeNew(temporary, data, steps.modeOf(path));
    steps.rename(temporary, path);
  } catch (error: unknown) {
    try {
      steps.remove(temporary);
    } catch (cleanup: unknown) {
      throw new Error(`cannot write ${path} (unchanged), and cannot remove ${temporary}`, { cause: new AggregateError([error, cleanup]) });
    }
    throw new Error(`cannot write ${path} (unchanged)`, { cause: error });
  }
}
