import { readFileSync, statSync } from 'node:fs';
import type { FoundFile, ReadSource } from '../model/sources.js';
import { bytesDigest } from './run-memo.js';

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
