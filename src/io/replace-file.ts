import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What {@link replaceFile} needs to know of the file it replaces. */
export interface FileFacts {
  /** The permission bits. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** How many names (hard links) the file has. */
  readonly links: number;
  /** Whether it is writable: a write bit is set and this process may write it. */
  readonly writable: boolean;
}

/** The owner and group to give the new file; undefined when this process may not set them. */
export type Owner = { readonly uid: number; readonly gid: number } | undefined;

/** The file system calls {@link replaceFile} makes: passed in, so a test can make one of them fail. */
export interface ReplaceSteps {
  readonly factsOf: (path: string) => FileFacts;
  /** Creates `path` (which must not exist) with `data`, `mode` and `owner`, and flushes it to disk. */
  readonly writeNew: (path: string, data: Uint8Array, mode: number, owner: Owner) => void;
  readonly rename: (from: string, to: string) => void;
  /** Removes `path` if it exists. */
  readonly remove: (path: string) => void;
}

/** The process's own ids, to know whose owner and group it may keep. */
export interface ProcessIds {
  readonly uid: number;
  readonly groups: readonly number[];
}

/** The real file system. */
export const NODE_STEPS: ReplaceSteps = {
  factsOf: (path) => {
    const stats = statSync(path);
    const mode = stats.mode & 0o7777;
    return { mode, uid: stats.uid, gid: stats.gid, links: stats.nlink, writable: (mode & 0o222) !== 0 && mayWrite(path) };
  },
  writeNew: (path, data, mode, owner) => {
    const descriptor = openSync(path, 'wx', mode);
    try {
      writeFileSync(descriptor, data);
      if (owner !== undefined) fchownSync(descriptor, owner.uid, owner.gid);
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

/** The file cannot be replaced as it is (read-only, or one of several hard links); it was left untouched. */
export class ReplaceRefused extends Error {
  override readonly name = 'ReplaceRefused';
  constructor(
    readonly path: string,
    /** Why, as a phrase that follows the file's name. */
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
  }
}

/**
 * Replaces an existing file's contents atomically, keeping its permissions, and its owner and group
 * where this process may set them (as root, always): the new bytes go to a temporary file in the
 * same folder, flushed, then renamed over the file. A failure (or a crash) at any point leaves the
 * original file as it was; on failure the temporary file is removed and the error, with the path, is
 * thrown. A read-only file, or one with several hard links (a rename would split them), is refused
 * with {@link ReplaceRefused} before anything is written: the file is never edited in place.
 */
export function replaceFile(path: string, data: Uint8Array, steps: ReplaceSteps = NODE_STEPS, ids: ProcessIds = processIds()): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let facts: FileFacts;
  try {
    facts = steps.factsOf(path);
  } catch (error: unknown) {
    throw new Error(`cannot write ${path} (unchanged)`, { cause: error });
  }
  const refusal = replaceRefusal(facts);
  if (refusal !== undefined) throw new ReplaceRefused(path, refusal);
  try {
    steps.writeNew(temporary, data, facts.mode, ownerToKeep(facts, ids));
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

/** Why a file with these facts is not replaced, as a phrase following its name; undefined when it may be. */
export function replaceRefusal(facts: FileFacts): string | undefined {
  if (!facts.writable) {
    return `is read-only (mode ${facts.mode.toString(8).padStart(4, '0')}); expected a file you may write: make it writable (chmod u+w) to change it`;
  }
  if (facts.links > 1) {
    return (
      `has ${facts.links} hard links; replacing it would give this name a new file and leave the other names with the old text: ` +
      'expected a file with one link (copy it over itself to break the link)'
    );
  }
  return undefined;
}

/** The original's owner and group when this process may give them to a file: as root, or when they are its own. */
export function ownerToKeep(facts: Pick<FileFacts, 'uid' | 'gid'>, ids: ProcessIds): Owner {
  const allowed = ids.uid === 0 || (facts.uid === ids.uid && ids.groups.includes(facts.gid));
  return allowed ? { uid: facts.uid, gid: facts.gid } : undefined;
}

function processIds(): ProcessIds {
  const uid = process.geteuid?.() ?? -1;
  const groups = [process.getegid?.(), ...(process.getgroups?.() ?? [])].filter((id): id is number => id !== undefined);
  return { uid, groups };
}

/** Whether this process may write `path` (root may write any file; a read-only file system lets no one). */
function mayWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return false;
    throw error;
  }
}
