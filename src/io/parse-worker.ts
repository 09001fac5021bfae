/**
 * A parse worker (started by src/io/parse-pool.ts): parses and renders each file of every batch it
 * is sent, and sends back one plain result per file, in order. The Markdown trees die here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inspect } from 'node:util';
import { parseFile } from '../parse/parse-file.js';
import type { ParseBatch, ParseReply, ParseSetup } from './parse-worker-protocol.js';

const setup = workerData as ParseSetup;
const port = parentPort;
if (port === null) throw new Error('parse-worker.js runs as a worker thread, started by parse-pool.js');

port.on('message', ({ files }: ParseBatch) => {
  for (const file of files) {
    const result = parseFile(file, setup.config, setup.render);
    try {
      port.postMessage({ result } satisfies ParseReply);
    } catch (error: unknown) {
      // Only a crash's error can hold what does not cross threads (a function, a symbol): its message does.
      if (result.kind !== 'crashed') throw error;
      port.postMessage({ result: { ...result, error: clonable(result.error) } } satisfies ParseReply);
    }
  }
});

/** The error with its message and cause chain as plain `Error`s (what `internal-error` reports of it). */
function clonable(error: unknown): unknown {
  return error instanceof Error ? new Error(error.message, error.cause === undefined ? undefined : { cause: clonable(error.cause) }) : inspect(error);
}
