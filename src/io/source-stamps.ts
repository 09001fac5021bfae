import type { Stamps } from '../model/run-cache.js';
import type { Stamp } from '../model/run-cache.js';
import { stat, statSync, type BigIntStats } from 'node:fs';
import type { FoundFile } from '../model/sources.js';
import type { SourceIdentity } from '../model/sources.js';

/**
 * A file changed this close before its stamp was taken may change again within the same tick of the
 * file system's clock without its times changing ("racy git"): such a stamp is never trusted.
 */
const RACY_MS = 2_000;

/**
 * The identity of each found file taken from `stamps` where its stat is unchanged; undefined for
 * every file that must be read (new, changed, unstatable, or too recently changed to trust). The
 * files are stat'ed all at once, on libuv's threads: one after the other, 10,000 of them took
 * longer than everything else a run with nothing changed does.
 */
export async function stampedIdentities(found: readonly FoundFile[], stamps: Stamps | undefined): Promise<readonly (SourceIdentity | undefined)[]> {
  return Promise.all(
    found.map(async (file) => {
      const stamp = stamps?.byPath[file.path];
      if (stamps === undefined || stamp === undefined) return undefined;
      const stats = await new Promise<BigIntStats | undefined>((resolve) => {
        stat(file.path, { bigint: true }, (error, result) => {
          resolve(error === null ? result : undefined);
        });
      });
      const line = stats === undefined ? undefined : statLineOf(stats);
      if (line === undefined || line.line !== stamp.stat || line.changedMs >= stamp.takenAt - RACY_MS) return undefined;
      return { id: file.id, file: file.file, path: file.path, digest: stamp.digest };
    }),
  );
}

/** `previous` with new stamps for the files whose digests were just taken from their bytes. */
export function takeStamps(previous: Stamps | undefined, read: readonly SourceIdentity[], now: number): Stamps {
  const byPath: Record<string, Stamp> = { ...previous?.byPath };
  for (const identity of read) {
    const stat = statLine(identity.path);
    if (stat !== undefined && !identity.digest.startsWith('unreadable')) byPath[identity.path] = { stat: stat.line, digest: identity.digest, takenAt: now };
    else Reflect.deleteProperty(byPath, identity.path);
  }
  return { byPath };
}

/** The parts of a file's stat that change when its bytes do, as one line; undefined when it cannot be stat'ed. */
function statLine(path: string): { readonly line: string; readonly changedMs: number } | undefined {
  try {
    return statLineOf(statSync(path, { bigint: true }));
  } catch (error: unknown) {
    if (error instanceof Error) return undefined;
    throw error;
  }
}

function statLineOf(stats: BigIntStats): { readonly line: string; readonly changedMs: number } {
  const line = [stats.size, stats.mtimeNs, stats.ctimeNs, stats.ino, stats.dev].join(' ');
  const changed = stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs;
  return { line, changedMs: Number(changed / 1_000_000n) };
}
