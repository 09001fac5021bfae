import type { Io } from '../io/io.js';
import { cacheFolder, openCache } from '../io/run-cache.js';
import { NO_CACHE, type RunCache } from '../model/run-cache.js';

/** The run cache (parsed files, run records, stamps) a command uses: none with `--no-cache`, else the one `RUNBOOK_CACHE_DIR`/XDG/HOME names. */
export function parseCacheFor(io: Io, enabled: boolean): RunCache {
  const folder = enabled ? cacheFolder(io.env) : undefined;
  return folder === undefined ? NO_CACHE : openCache(folder, (line) => {
    io.stderr.write(line);
  });
}

/** Help text of `--no-cache`, the same on every command that reads runbooks. */
export const NO_CACHE_HELP = 'parse every file again (default: reuse results of unchanged files from ~/.cache/runbook or $RUNBOOK_CACHE_DIR)';

/** `build --no-cache`: also rebuild when nothing changed, and rewrite every file of the site. */
export const BUILD_NO_CACHE_HELP = 'parse, render and write everything again (default: reuse unchanged results, write only changed files)';
