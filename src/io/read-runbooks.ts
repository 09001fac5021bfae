import { readFileSync, statSync } from 'node:fs';
import type { ReadResult } from '../check/run.js';
import type { Config } from '../model/config.js';
import { parseRunbook } from '../parse/runbook.js';
import type { FoundFile } from './discover.js';
import { cacheKey, NO_CACHE, type RunCache } from './run-cache.js';
import { bytesDigest, type SourceIdentity } from './run-memo.js';

/** A found file after reading: its bytes and their digest, or why it could not be read. */
export type ReadSource =
  | { readonly kind: 'read'; readonly found: FoundFile; readonly bytes: Uint8Array; readonly digest: string }
  | { readonly kind: 'unreadable'; readonly found: FoundFile; readonly reason: string };

/** Reads every found file once; a file that cannot be read is a result, not an error. */
export function readSources(files: readonly FoundFile[]): readonly ReadSource[] {
  return files.map((found): ReadSource => {
    try {
      const bytes = readFileSync(found.path);
      return { kind: 'read', found, bytes, digest: bytesDigest(bytes) };
    } catch (error: unknown) {
      const code = (error as { code?: unknown }).code;
      return { kind: 'unreadable', found, reason: `cannot read the file (${typeof code === 'string' ? code : 'error'}): ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}

/** What identifies a read file in a run's key. */
export function sourceIdentity(source: ReadSource): SourceIdentity {
  const { id, file, path } = source.found;
  return { id, file, path, digest: source.kind === 'read' ? source.digest : `unreadable: ${source.reason}` };
}

/**
 * Parses each read file (or takes it from the cache). A file whose parsing throws (a bug) becomes a
 * result on that file: one bad file never stops the others.
 */
export function parseSources(
  sources: readonly ReadSource[],
  config: Config,
  options: { readonly render: boolean; readonly cache: RunCache } = { render: false, cache: NO_CACHE },
): readonly ReadResult[] {
  return sources.map((source): ReadResult => {
    if (source.kind === 'unreadable') {
      return { kind: 'unreadable', file: source.found.file, reason: source.reason, span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
    }
    try {
      const key = cacheKey(sourceIdentity(source), config, options.render);
      const cached = options.cache.lookup(key);
      if (cached !== undefined) return cached;
      const { id, file, path } = source.found;
      const loaded = parseRunbook({ id, file, path, bytes: source.bytes }, config, options);
      options.cache.store(key, loaded);
      return loaded;
    } catch (error: unknown) {
      return { kind: 'crashed', file: source.found.file, error };
    }
  });
}

/** Reads and parses each found file (see `readSources`, `parseSources`). */
export function readRunbooks(
  files: readonly FoundFile[],
  config: Config,
  options: { readonly render: boolean; readonly cache: RunCache } = { render: false, cache: NO_CACHE },
): readonly ReadResult[] {
  return parseSources(readSources(files), config, options);
}

/** Which of `paths` exist on disk (files or folders). */
export function existingPaths(paths: readonly string[]): ReadonlySet<string> {
  const existing = new Set<string>();
  for (const path of paths) {
    try {
      statSync(path);
      existing.add(path);
    } catch (error: unknown) {
      const code = (error as { code?: unknown }).code;
      // A path no file can have (a NUL byte, too long) does not exist either.
      const impossible = code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE' || code === 'ENAMETOOLONG';
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && !impossible) throw new Error(`cannot check whether ${path} exists`, { cause: error });
    }
  }
  return existing;
}
