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
}

/** The real process's io. */
export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY },
    now: () => new Date(),
    stopSignal,
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
