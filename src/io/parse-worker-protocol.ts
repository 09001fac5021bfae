import type { Config } from '../model/config.js';
import type { Parsed } from '../parse/parse-file.js';
import type { SourceFile } from '../parse/runbook.js';

/** What every parse worker is started with (its `workerData`). */
export interface ParseSetup {
  readonly config: Config;
  readonly render: boolean;
}

/** A batch of files for a worker to parse. */
export interface ParseBatch {
  readonly files: readonly SourceFile[];
}

/** One file's result, sent back as soon as it is parsed, in the order of its batch. */
export interface ParseReply {
  readonly result: Parsed;
}
