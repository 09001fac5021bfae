import type { ReadResult } from '../check/run.js';
import type { Config } from '../model/config.js';
import type { RunCache } from '../model/run-cache.js';
import { sourceIdentity, type ReadSource, type SourceIdentity } from '../model/sources.js';
import { parseRunbook } from '../parse/runbook.js';

/** How parsing runs: render bodies too, and where parsed files are remembered under which key. */
export interface ParseOptions {
  readonly render: boolean;
  readonly cache: RunCache;
  readonly cacheKey: (source: SourceIdentity, config: Config, render: boolean) => string;
}

/**
 * Parses each read file (or takes it from the cache). A file whose parsing throws (a bug) becomes a
 * result on that file: one bad file never stops the others.
 */
export function parseSources(sources: readonly ReadSource[], config: Config, options: ParseOptions): readonly ReadResult[] {
  return sources.map((source): ReadResult => {
    if (source.kind === 'unreadable') {
      return { kind: 'unreadable', file: source.found.file, reason: source.reason, span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
    }
    try {
      const key = options.cacheKey(sourceIdentity(source), config, options.render);
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
