import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What {@link createFile} did: created the file, or left the one already there alone. */
export type Created = { readonly kind: 'created' } | { readonly kind: 'exists' };

/** The file system calls {@link createFile} makes: passed in, so a test can make one of them fail. */
export interface CreateSteps {
  /** Creates `path` (which must not exist) with `data`, and flushes it to disk. */
  readonly writeNew: (path: string, data: Uint8Array) => void;
  /** Makes `to` a second name of `from`; fails with `EEXIST` when `to` exists, never replacing it. */
  readonly link: (from: string, to: string) => void;
  /** Removes `path` if it exists. */
  readonly remove: (path: string) => void;
}

/** The real file system. */
export const NODE_CREATE_STEPS: CreateSteps = {
  writeNew: (path, data) => {
    const descriptor = openSync(path, 'wx', 0o666);
    try {
      writeFileSync(descriptor, data);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  },
  link: linkSync,
  remove: (path) => {
    rmSync(path, { force: true });
  },
};

/**
 * Creates a new file atomically and never over an existing one: the bytes go to a temporary file
 * beside it, flushed, which is then hard-linked under the final name (a link, unlike a rename, fails
 * when the name is taken, even by a file that appeared a moment ago). A reader or a crash never sees
 * half a file. Folders are created as needed. Throws, with the path, when it cannot write.
 */
export function createFile(path: string, data: Uint8Array, steps: CreateSteps = NODE_CREATE_STEPS): Created {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let result: Created;
  try {
    mkdirSync(dirname(path), { recursive: true });
    steps.writeNew(temporary, data);
    result = linkOrExists(steps, temporary, path);
  } catch (error: unknown) {
    removeAfterFailure(steps, temporary, path, error);
    throw new Error(`cannot create ${path}`, { cause: error });
  }
  try {
    steps.remove(temporary);
  } catch (error: unknown) {
    throw new Error(`created ${path}, but cannot remove the temporary file ${temporary}`, { cause: error });
  }
  return result;
}

function linkOrExists(steps: CreateSteps, from: string, to: string): Created {
  try {
    steps.link(from, to);
    return { kind: 'created' };
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'EEXIST') return { kind: 'exists' };
    throw error;
  }
}

function removeAfterFailure(steps: CreateSteps, temporary: string, path: string, error: unknown): void {
  try {
    steps.remove(temporary);
  } catch (cleanup: unknown) {
    throw new Error(`cannot create ${path}, and cannot remove ${temporary}`, { cause: new AggregateError([error, cleanup]) });
  }
}
