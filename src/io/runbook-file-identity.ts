/*
 * The runbook file a drill started with, and whether the file at the same path at the end is still
 * it. A drill's steps may change the working tree (a `git checkout`, a hostile command with
 * `--exec`): a runbook replaced by a symlink to a file outside the repository must not have that
 * file's `last_tested` edited when the drill recovers.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isInside } from './discover.js';

/** The runbook file when the drill started: what its path was (a file, or a symlink to one), the file's device and inode, and its bytes. */
export interface RunbookFileIdentity {
  readonly path: string;
  readonly symlinkTo: string | undefined;
  readonly dev: number;
  readonly ino: number;
  readonly bytes: Uint8Array;
}

/** The identity of the runbook file at `path`, now (before the drill's first step). */
export function runbookFileIdentity(path: string): RunbookFileIdentity {
  const link = lstatSync(path);
  const real = realpathSync(path);
  const stats = statSync(real);
  return { path, symlinkTo: link.isSymbolicLink() ? real : undefined, dev: stats.dev, ino: stats.ino, bytes: readFileSync(real) };
}

/**
 * Why the file at the identity's path may no longer be edited (a sentence after the file's name,
 * without a full stop), or undefined when it is the same file: the same kind of path (a regular
 * file, or a symlink leading to the same file), leading inside `root`, and the same file (device and
 * inode) or one with the same bytes (a checkout rewriting it unchanged).
 */
export function runbookFileChange(before: RunbookFileIdentity, root: string): string | undefined {
  const link = lstatSync(before.path, { throwIfNoEntry: false });
  if (link === undefined) return 'no longer exists';
  if (before.symlinkTo === undefined && link.isSymbolicLink()) return 'became a symlink during the drill (it was a file when the drill started): a runbook is never edited through a link that appeared meanwhile';
  if (before.symlinkTo === undefined && !link.isFile()) return 'is no longer a regular file';
  let real: string;
  try {
    real = realpathSync(before.path);
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ELOOP') return 'now leads nowhere';
    throw error;
  }
  if (before.symlinkTo !== undefined && real !== before.symlinkTo) return 'now leads to another file than when the drill started';
  if (!isInside(real, realpathSync(root))) return 'now leads outside the runbooks root';
  const stats = statSync(real);
  if (!stats.isFile()) return 'is no longer a regular file';
  if (stats.dev === before.dev && stats.ino === before.ino) return undefined;
  return Buffer.from(readFileSync(real)).equals(before.bytes) ? undefined : 'was replaced by another file during the drill';
}
