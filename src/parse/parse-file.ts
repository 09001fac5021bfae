import type { Config } from '../model/config.js';
import type { Loaded } from '../model/runbook.js';
import { parseRunbook, type SourceFile } from './runbook.js';

/** One file's parse, or the error its parsing threw (a bug), kept on that file. */
export type Parsed = Loaded | { readonly kind: 'crashed'; readonly file: string; readonly error: unknown };

/**
 * How many threads may parse: the number `--jobs` gave (1: this thread only), or by default one per
 * core, used only when there are enough files to pay for starting the workers.
 */
export type Jobs = { readonly kind: 'given'; readonly count: number } | { readonly kind: 'cores'; readonly count: number };

/**
 * Parses one file (and renders its body when asked); a parse that throws becomes a `crashed` result
 * on that file, so one bad file never stops the others. The same on the main thread and in the
 * parse workers (src/io/parse-worker.ts).
 */
export function parseFile(source: SourceFile, config: Config, render: boolean): Parsed {
  try {
    return parseRunbook(source, config, { render });
  } catch (error: unknown) {
    return { kind: 'crashed', file: source.file, error };
  }
}
