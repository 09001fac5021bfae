import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** How a command ended: its exit code (128 + the signal's number when a signal stopped it). */
export interface CommandExit {
  readonly exitCode: number;
}


/**
 * Runs `command` with `shell -c`, its output (stdout and stderr, merged) handed to `onLine` a line
 * at a time as it comes (the last line without its line break when it has none). The terminal stays
 * the command's (`stdin: 'inherit'` when `interactive`, else nothing to read). Ctrl-C (SIGINT) while
 * it runs stops the command, not this process: it is passed on, and the command's exit is reported.
 */
export function runShellCommand(
  shell: string,
  command: string,
  options: { readonly cwd: string; readonly env: Readonly<Record<string, string | undefined>>; readonly interactive: boolean },
  onLine: (line: string) => void,
): Promise<CommandExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(shell, ['-c', command], { cwd: options.cwd, env: { ...options.env }, stdio: [options.interactive ? 'inherit' : 'ignore', 'pipe', 'pipe'] });
    const passOn = (): void => {
      child.kill('SIGINT');
    };
    process.on('SIGINT', passOn);
    const flushes = [child.stdout, child.stderr].map((stream) => linesOf(stream, onLine));
    child.on('error', (error) => {
      process.off('SIGINT', passOn);
      reject(new Error(`cannot run ${shell}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', passOn);
      for (const flush of flushes) flush();
      resolve({ exitCode: code ?? 128 + (signal === null ? 0 : constants.signals[signal]) });
    });
  });
}

/** Hands each line of `stream` to `onLine` as it completes; returns what hands over the unfinished last one. */
function linesOf(stream: Readable, onLine: (line: string) => void): () => void {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (pending + decoder.write(chunk)).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  return () => {
    const rest = pending + decoder.end();
    pending = '';
    if (rest !== '') onLine(rest);
  };
}
