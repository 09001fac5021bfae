import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How much the cache keeps: entries written in the last `maxAgeDays`, at most `maxBytes` in all; looked at once every `everyHours`. */
interface CacheLimits {
  readonly maxAgeDays: number;
  readonly maxBytes: number;
  readonly everyHours: number;
}

/**
 * The cache's bounds: an entry not rewritten for 30 days goes (a run that still needs it parses
 * the file again and writes it back), and the whole stays under 512 MiB (1,000 generated runbooks
 * take 26 MB), oldest entries first. Pruning runs at most once a day, on the first write of a run.
 */
const CACHE_LIMITS: CacheLimits = { maxAgeDays: 30, maxBytes: 512 * 1024 * 1024, everyHours: 24 };

/** The file in the cache's format folder whose age says when it was last pruned. */
const PRUNED_MARKER = '.pruned';

/** What pruning did. */
export type Pruned = { readonly kind: 'not-due' } | { readonly kind: 'pruned'; readonly removed: number; readonly kept: number; readonly bytes: number };

interface Entry {
  readonly path: string;
  readonly modified: number;
  readonly size: number;
}

/**
 * Bounds the cache's format folder `formatFolder` (`<cache>/v4`): removes entries (`*.json`, and
 * `*.tmp` a failed write left) older than the limit, then the oldest until the rest fits. Reads
 * only the folder's own layout (subfolders of files, no symlink followed) and removes only those
 * files, never anything else a shared `RUNBOOK_CACHE_DIR` may hold. Removing an entry can never
 * change a result: every entry is only an accelerator. A file another process removes first is
 * skipped; any other error ends pruning quietly (the cache stays as it was, only bigger).
 */
export function pruneCache(formatFolder: string, now: Date, limits: CacheLimits = CACHE_LIMITS): Pruned {
  const marker = join(formatFolder, PRUNED_MARKER);
  try {
    const last = statOrUndefined(marker)?.mtimeMs;
    if (last !== undefined && now.getTime() - last < limits.everyHours * 3_600_000) return { kind: 'not-due' };
    const entries = entriesUnder(formatFolder);
    const oldest = now.getTime() - limits.maxAgeDays * 86_400_000;
    const young = entries.filter((entry) => entry.modified >= oldest);
    const byAge = [...young].sort((a, b) => b.modified - a.modified || (a.path < b.path ? -1 : 1));
    const kept: Entry[] = [];
    let bytes = 0;
    for (const entry of byAge) {
      if (bytes + entry.size > limits.maxBytes) break;
      kept.push(entry);
      bytes += entry.size;
    }
    const keep = new Set(kept.map((entry) => entry.path));
    const gone = entries.filter((entry) => !keep.has(entry.path));
    for (const entry of gone) rmSync(entry.path, { force: true });
    writeFileSync(marker, '');
    utimesSync(marker, now, now);
    return { kind: 'pruned', removed: gone.length, kept: kept.length, bytes };
  } catch (error: unknown) {
    if (error instanceof Error) return { kind: 'not-due' };
    throw error;
  }
}

/** The cache's files: `<formatFolder>/<folder>/<name>.json` (or `.tmp`), read without following a symlink. */
function entriesUnder(formatFolder: string): readonly Entry[] {
  const entries: Entry[] = [];
  for (const folder of readdirSync(formatFolder, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const path = join(formatFolder, folder.name);
    for (const file of readdirSync(path, { withFileTypes: true })) {
      if (!file.isFile() || !/\.(?:json|tmp)$/.test(file.name)) continue;
      const stats = statOrUndefined(join(path, file.name));
      if (stats !== undefined) entries.push({ path: join(path, file.name), modified: stats.mtimeMs, size: stats.size });
    }
  }
  return entries;
}

/** A file's stat, or undefined when it is gone (another run pruned or replaced it first). */
function statOrUndefined(path: string): { readonly mtimeMs: number; readonly size: number } | undefined {
  try {
    return statSync(path);
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}
