/**
 * Parsing on several threads: the files a run must parse are handed out in small batches to worker
 * threads (src/io/parse-worker.ts), which parse and render them and send back plain results (never
 * the Markdown trees); the results are put back in the order of the files, whatever finished first.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../model/config.js';
import type { Jobs, Parsed } from '../parse/parse-file.js';
import type { SourceFile } from '../parse/runbook.js';
import type { ParseReply, ParseSetup } from './parse-worker-protocol.js';

/**
 * By default (one thread per core), a worker is started for every this many files to parse, at
 * most: a worker costs about 0.4 s of CPU to start and its parser must warm up, which a few hundred
 * files repay on 2 cores, and fewer do not.
 */
const FILES_PER_DEFAULT_WORKER = 128;

/** With `--jobs` given, a worker is started for every this many files, at most. */
const FILES_PER_GIVEN_WORKER = 8;

/** Files handed to a worker at once, at most: small enough that the threads finish together. */
const MAX_BATCH = 16;

/**
 * Parses `files`, one result per file in their order: on worker threads when `jobs` allows two or
 * more for this many files, else on this thread. Rejects (the run fails) when a worker dies, naming
 * the file it was parsing; a file whose parse throws is a `crashed` result.
 */
export async function parseFiles(files: readonly SourceFile[], config: Config, options: { readonly render: boolean; readonly jobs: Jobs }): Promise<readonly Parsed[]> {
  const { kind, count } = options.jobs;
  const threads = kind === 'given' ? Math.min(count, Math.ceil(files.length / FILES_PER_GIVEN_WORKER)) : Math.min(count, Math.floor(files.length / FILES_PER_DEFAULT_WORKER));
  // From the TypeScript sources (the tests) there is no compiled worker to start: one thread then.
  if (threads < 2 || import.meta.url.endsWith('.ts')) {
    if (files.length === 0) return [];
    // The Markdown and HTML stacks load only when a file must be parsed: a remembered run never needs them.
    const { parseFile } = await import('../parse/parse-file.js');
    return files.map((file) => parseFile(file, config, options.render));
  }
  return parseInWorkers(files, { config, render: options.render }, threads, (setup) => new Worker(new URL('./parse-worker.js', import.meta.url), { workerData: setup }));
}

/** A started worker and the files it was given and has not answered yet (their indexes in the run). */
interface Running {
  readonly worker: Worker;
  pending: number[];
}

/**
 * Parses `files` on `threads` workers made by `start` (each given `setup`): batches are handed out as
 * workers finish theirs. Exported for the tests, which start workers of their own.
 */
export function parseInWorkers(files: readonly SourceFile[], setup: ParseSetup, threads: number, start: (setup: ParseSetup) => Worker): Promise<readonly Parsed[]> {
  if (files.length === 0) return Promise.resolve([]);
  const results: (Parsed | undefined)[] = files.map(() => undefined);
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / (threads * 8))));
  let next = 0;
  let answered = 0;
  return new Promise((resolve, reject) => {
    const running: Running[] = [];
    let settled = false;
    const stopAll = (): void => {
      for (const { worker } of running) void worker.terminate();
    };
    const fail = (entry: Running, what: string, cause?: unknown): void => {
      if (settled) return;
      settled = true;
      stopAll();
      const index = entry.pending[0];
      const file = index === undefined ? 'no file' : (files[index]?.file ?? String(index));
      reject(new Error(`a parse worker ${what} while parsing ${file}`, cause === undefined ? undefined : { cause }));
    };
    const handOut = (entry: Running): void => {
      if (next >= files.length) return;
      const indexes = Array.from({ length: Math.min(batch, files.length - next) }, (_, offset) => next + offset);
      next += indexes.length;
      entry.pending = indexes;
      entry.worker.postMessage({ files: indexes.map((index) => files[index]) });
    };
    for (let thread = 0; thread < threads; thread++) {
      const entry: Running = { worker: start(setup), pending: [] };
      running.push(entry);
      entry.worker.on('message', (reply: ParseReply) => {
        if (settled) return;
        const index = entry.pending.shift();
        if (index === undefined) {
          fail(entry, 'sent a result it was not asked for');
          return;
        }
        results[index] = reply.result;
        answered += 1;
        if (answered === files.length) {
          settled = true;
          stopAll();
          // Every index was answered once: none is left out (parseSources checks the count).
          resolve(results.flatMap((result) => (result === undefined ? [] : [result])));
        } else if (entry.pending.length === 0) handOut(entry);
      });
      entry.worker.on('error', (error: unknown) => {
        fail(entry, 'failed', error);
      });
      entry.worker.on('messageerror', (error: unknown) => {
        fail(entry, 'sent a result that could not be read', error);
      });
      entry.worker.on('exit', (code: number) => {
        if (!settled) fail(entry, `stopped (exit code ${code})`);
      });
      handOut(entry);
    }
  });
}
