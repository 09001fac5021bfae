import type { ReadResult } from '../check/run.js';
import type { Config } from '../model/config.js';
import type { RunCache } from '../model/run-cache.js';
import { sourceIdentity, type ReadSource, type SourceIdentity } from '../model/sources.js';
import type { SourceFile } from '../parse/runbook.js';
import type { ParseFiles } from './shell.js';
import type { Jobs } from '../parse/parse-file.js';

/** How parsing runs: render bodies too, and where parsed files are remembered under which key. */
export interface ParseOptions {
  readonly render: boolean;
  readonly cache: RunCache;
  readonly cacheKey: (source: SourceIdentity, config: Config, render: boolean) => string;
}

/** A file that could not be read, as a result on that file. */
function unreadable(source: ReadSource & { readonly kind: 'unreadable' }): ReadResult {
  return { kind: 'unreadable', file: source.found.file, reason: source.reason, span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
}

/**
 * Parses each read file, or takes it from the cache: the files the cache does not hold are parsed by
 * `parse` (the shell's: on several threads when there are many), and the results come back in the
 * order of `sources`, whatever finished first. A file whose parsing throws (a bug) becomes a result
 * on that file: one bad file never stops the others.
 */
export async function parseSources(parse: ParseFiles, sources: readonly ReadSource[], config: Config, options: ParseOptions & { readonly jobs: Jobs }): Promise<readonly ReadResult[]> {
  const results: (ReadResult | undefined)[] = [];
  const missing: { readonly index: number; readonly key: string; readonly file: SourceFile }[] = [];
  sources.forEach((source, index) => {
    if (source.kind === 'unreadable') {
      results.push(unreadable(source));
      return;
    }
    const key = options.cacheKey(sourceIdentity(source), config, options.render);
    const cached = options.cache.lookup(key);
    results.push(cached);
    if (cached === undefined) missing.push({ index, key, file: sourceFile(source) });
  });
  const parsed = await parse(missing.map((entry) => entry.file), config, { render: options.render, jobs: options.jobs });
  missing.forEach(({ index, key }, at) => {
    const result = parsed[at];
    if (result === undefined) throw new Error(`parsing ${missing.length} files gave ${parsed.length} results`);
    if (result.kind !== 'crashed') options.cache.store(key, result);
    results[index] = result;
  });
  return results.map((result, index) => {
    if (result === undefined) throw new Error(`no result for ${sources[index]?.found.file ?? String(index)}`);
    return result;
  });
}

function sourceFile(source: ReadSource & { readonly kind: 'read' }): SourceFile {
  const { id, file, path } = source.found;
  return { id, file, path, bytes: source.bytes };
}
