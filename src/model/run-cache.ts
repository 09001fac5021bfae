import type { Loaded } from './runbook.js';
import type { RunRecord } from './sources.js';

/**
 * What a file looked like when its digest was taken: like git's index, a file whose size, times,
 * inode and device are unchanged is taken to have unchanged bytes, so a run over unchanged runbooks
 * reads none of them. Only an accelerator, used to find a remembered run: a run that has to parse
 * reads every file and digests its bytes again (`loadProjectFrom`).
 */
export interface Stamp {
  readonly stat: string;
  readonly digest: string;
  /** When the digest was taken (ms since the epoch). */
  readonly takenAt: number;
}

/** Path → stamp. */
export interface Stamps {
  readonly byPath: Readonly<Record<string, Stamp>>;
}

/**
 * What this user's build left in an output folder (see `writeSite`), kept in the cache, outside any
 * repository: `out` itself may be committed, so its marker is trusted only while it is the very file
 * recorded here (same digest of its text, device, inode and change time), and a file of it only
 * while it is the very inode this build made or took. Numbers are decimal strings (inodes and
 * nanoseconds exceed 2^53).
 */
export interface SiteRecord {
  /** SHA-256 of the marker's text. */
  readonly marker: string;
  /** The device of the marker and of every file of the site. */
  readonly dev: string;
  readonly ino: string;
  /** The marker's change time, nanoseconds. */
  readonly ctime: string;
  /** Site path → inode. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * A content-addressed cache of parsed runbooks, so unchanged files are not parsed again. It is only
 * ever an accelerator: an entry that is missing, unreadable, corrupted or from other code is
 * recomputed, never trusted, and a cache that cannot be written is simply not used.
 */
export interface RunCache {
  lookup(key: string): Loaded | undefined;
  store(key: string, loaded: Loaded): void;
  /** A whole run's diagnostics (see `RunRecord`). */
  lookupRun(key: string): RunRecord | undefined;
  storeRun(key: string, record: RunRecord): void;
  /** What the files of one folder looked like when their digests were taken (see `Stamps`). */
  lookupStamps(key: string): Stamps | undefined;
  storeStamps(key: string, stamps: Stamps): void;
  /** What a build left in an output folder (see `SiteRecord`), by the folder's real path. */
  lookupSite(out: string): SiteRecord | undefined;
  storeSite(out: string, record: SiteRecord): void;
}

/** No cache: every file is parsed. */
export const NO_CACHE: RunCache = {
  lookup: () => undefined,
  store: () => undefined,
  lookupRun: () => undefined,
  storeRun: () => undefined,
  lookupStamps: () => undefined,
  storeStamps: () => undefined,
  lookupSite: () => undefined,
  storeSite: () => undefined,
};

/**
 * Keeps the entries this process used in memory, in front of `cache`: for `serve`, which loads every
 * runbook again on each save. Entries of files that changed are dropped at the next load.
 */
export function inMemory(cache: RunCache): RunCache {
  let current = new Map<string, Loaded>();
  let previous = new Map<string, Loaded>();
  return {
    lookup(key) {
      const loaded = current.get(key) ?? previous.get(key) ?? cache.lookup(key);
      if (loaded !== undefined) current.set(key, loaded);
      return loaded;
    },
    store(key, loaded) {
      current.set(key, loaded);
      cache.store(key, loaded);
    },
    lookupRun: (key) => cache.lookupRun(key),
    lookupStamps: (key) => cache.lookupStamps(key),
    storeStamps: (key, stamps) => {
      cache.storeStamps(key, stamps);
    },
    lookupSite: (out) => cache.lookupSite(out),
    storeSite: (out, record) => {
      cache.storeSite(out, record);
    },
    storeRun(key, record) {
      // A run ends by storing its record: what it did not use is dropped at the end of the next one.
      cache.storeRun(key, record);
      previous = current;
      current = new Map();
    },
  };
}
