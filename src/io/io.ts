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
}

/** The real process's io. */
export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY },
    now: () => new Date(),
  };
}
