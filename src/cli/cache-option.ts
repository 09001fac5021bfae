import { repositoryHoldingCache } from '../io/cache-in-repository.js';
import type { Io } from '../io/io.js';
import { cacheFolder, openCache } from '../io/run-cache.js';
import { NO_CACHE, type RunCache } from '../model/run-cache.js';
import { printable } from '../text/terminal-text.js';

/** The options of a command that say which cache it may use: `--no-cache`, and `--config` (whose repository the cache must be outside). */
export interface CacheOptions {
  readonly cache: boolean;
  readonly config?: string;
}

/**
 * The run cache (parsed files, run records, stamps) a command uses: none with `--no-cache`, else the
 * one `RUNBOOK_CACHE_DIR`/XDG/HOME names, unless that folder is inside the working folder or a
 * repository, where a commit could plant entries: then none, and a note on stderr says so.
 */
export function parseCacheFor(io: Io, options: CacheOptions): RunCache {
  const folder = options.cache ? cacheFolder(io.env) : undefined;
  if (folder === undefined) return NO_CACHE;
  const holder = repositoryHoldingCache(folder, io.cwd, options.config);
  if (holder !== undefined) {
    io.stderr.write(
      `runbook: note: not using the cache in ${printable(folder)}: it is inside the repository ${printable(holder)}, where a commit could plant entries; set RUNBOOK_CACHE_DIR outside it\n`,
    );
    return NO_CACHE;
  }
  return openCache(folder, (line) => {
    io.stderr.write(line);
  });
}

/** Help text of `--no-cache`, the same on every command that reads runbooks. */
export const NO_CACHE_HELP = 'parse every file again (default: reuse results of unchanged files from ~/.cache/runbook or $RUNBOOK_CACHE_DIR)';

/** `build --no-cache`: also rebuild when nothing changed, and rewrite every file of the site. */
export const BUILD_NO_CACHE_HELP = 'parse, render and write everything again (default: reuse unchanged results, write only changed files)';
