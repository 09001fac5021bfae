import { readFileSync, statSync } from 'node:fs';
import type { ReadResult } from '../check/run.js';
import type { Config } from '../model/config.js';
import { parseRunbook } from '../parse/runbook.js';
import type { FoundFile } from './discover.js';
import { cacheKey, NO_CACHE, type ParseCache } from './parse-cache.js';

/**
 * Reads and parses each found file. A file that cannot be read, or whose parsing throws (a bug),
 * becomes a result on that file: one bad file never stops the others.
 */
export function readRunbooks(
  files: readonly FoundFile[],
  config: Config,
  options: { readonly render: boolean; readonly cache: ParseCache } = { render: false, cache: NO_CACHE },
): readonly ReadResult[] {
  return files.map((found): ReadResult => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(found.path);
    } catch (error: unknown) {
      const code = (error as { code?: unknown }).code;
      return {
        kind: 'unreadable',
        file: found.file,
        reason: `cannot read the file (${typeof code === 'string' ? code : 'error'}): ${error instanceof Error ? error.message : String(error)}`,
        span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      };
    }
    try {
      const source = { id: found.id, file: found.file, path: found.path, bytes };
      const key = cacheKey(source, config, options.render);
      const cached = options.cache.lookup(key);
      if (cached !== undefined) return cached;
      const loaded = parseRunbook(source, config, options);
      options.cache.store(key, loaded);
      return loaded;
    } catch (error: unknown) {
      return { kind: 'crashed', file: found.file, error };
    }
  });
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
