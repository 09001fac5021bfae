import { createInterface } from 'node:readline/promises';
import { processTerminal, type Terminal } from './terminal.js';

/** A stream the CLI writes to, and whether a person is watching it. */
export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
}

/**
 * Everything the CLI takes from its process: passed in, so that `main(argv, io)` runs the same in
 * tests (in memory) as from the real bin.
 */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The clock; only the shell reads it. */
  readonly now: () => Date;
  /**
   * For long-running commands (`serve`): a signal aborted when they should stop (Ctrl+C, or a test).
   * A function, so that only those commands take over Ctrl+C.
   */
  readonly stopSignal?: () => AbortSignal;
  /**
   * Asks the person at the terminal and resolves to their answer (`init` asks for the site's URL).
   * Absent when stdin is not a terminal, so that nothing ever waits on a pipe or in CI.
   */
  readonly ask?: (question: string) => Promise<string>;
  /** The terminal for an interactive command (`drill`); absent when stdin is not a terminal, like `ask`. */
  readonly terminal?: () => Terminal;
}

/** The real process's io. */
export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: outputStream(process.stdout),
    stderr: outputStream(process.stderr),
    now: () => new Date(),
    stopSignal,
    ...(process.stdin.isTTY ? { ask, terminal: processTerminal } : {}),
  };
}

/** Asks on stderr (stdout may be a report) and reads one line from the terminal. */
async function ask(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

/**
 * A process stream that stops writing once its reader has gone (`runbook check | head`): Node
 * ignores SIGPIPE and raises EPIPE instead, which unhandled would crash the run with a stack trace.
 * Any other error of the stream is rethrown.
 */
function outputStream(stream: NodeJS.WriteStream): OutputStream {
  let readerGone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  return {
    write: (text) => {
      if (!readerGone) stream.write(text);
    },
    isTTY: stream.isTTY,
  };
}

/** Aborted on the first SIGINT or SIGTERM, so `serve` can close its server and watchers. */
function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}
