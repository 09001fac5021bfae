import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** One thing read at a prompt: a line, Ctrl-C, or the end of input (Ctrl-D, the terminal gone). */
export type TerminalInput = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'interrupt' } | { readonly kind: 'end-of-input' };

/**
 * The terminal of an interactive command (`runbook drill`): its width, lines read after a prompt
 * (Ctrl-C read as an input, not a signal), and a pause while a command of the operator's runs (the
 * terminal back in its normal mode, so the command reads it and Ctrl-C reaches the command).
 */
export interface Terminal {
  /** Columns of the terminal; undefined when it does not say. */
  readonly columns: () => number | undefined;
  /**
   * Prints `prompt` and resolves to the next input. `fresh`: only what is typed after the prompt
   * is shown answers it (a question to run a command): lines typed or pasted ahead, and a line
   * half typed, are dropped (Ctrl-C and the end of input are kept).
   */
  readonly read: (prompt: string, fresh?: boolean) => Promise<TerminalInput>;
  /** Lets go of the terminal until the next `read` (before running a command); lines typed meanwhile are the command's. */
  readonly release: () => void;
  readonly close: () => void;
}

/** The process's terminal (stdin and stdout must be TTYs). */
export function processTerminal(): Terminal {
  return streamTerminal(process.stdin, process.stdout, () => process.stdout.columns);
}

/** A terminal reading `input` and echoing to `output` (the process's, or a test's streams). */
export function streamTerminal(input: Readable, output: Writable, columns: () => number | undefined): Terminal {
  let reader: Interface | undefined;
  const queue: TerminalInput[] = [];
  let waiting: ((input: TerminalInput) => void) | undefined;
  const deliver = (input: TerminalInput): void => {
    if (waiting === undefined) {
      queue.push(input);
      return;
    }
    const resolve = waiting;
    waiting = undefined;
    resolve(input);
  };
  const open = (): Interface => {
    const created = createInterface({ input, output, terminal: true });
    created.on('line', (text) => {
      deliver({ kind: 'line', text });
    });
    created.on('SIGINT', () => {
      output.write('^C\n');
      deliver({ kind: 'interrupt' });
    });
    created.on('close', () => {
      // Closed by `release` or `close` (reader already cleared), or by the input ending.
      if (reader === created) {
        reader = undefined;
        deliver({ kind: 'end-of-input' });
      }
    });
    return created;
  };
  const release = (): void => {
    const current = reader;
    reader = undefined;
    queue.length = 0;
    current?.close();
  };
  return {
    columns,
    read: (prompt, fresh = false) => {
      reader ??= open();
      if (fresh) {
        const kept = queue.filter((queued) => queued.kind !== 'line');
        queue.splice(0, queue.length, ...kept);
        // Ctrl-E, Ctrl-U: readline's edit keys to the end of the line, then deleting all before it.
        reader.write(null, { ctrl: true, name: 'e' });
        reader.write(null, { ctrl: true, name: 'u' });
      }
      reader.setPrompt(prompt);
      reader.prompt();
      const next = queue.shift();
      if (next !== undefined) return Promise.resolve(next);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    release,
    close: release,
  };
}

/** All of stdin as text (`--answers -`): read as a stream, so a pipe left non-blocking by its writer reads whole. */
export async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
