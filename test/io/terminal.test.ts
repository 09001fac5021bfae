import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamTerminal, type TerminalInput } from '../../src/io/terminal.js';

/** The terminal of `runbook drill` on streams: what answers a question to run a command. */

function terminal(): { input: PassThrough; read: (prompt: string, fresh?: boolean) => Promise<TerminalInput>; close: () => void } {
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  const opened = streamTerminal(input, output, () => 80);
  return { input, read: opened.read, close: opened.close };
}

/** Whether `promise` is still pending after the streams had their turn. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (await Promise.race([promise, new Promise((resolve) => setTimeout(() => { resolve(marker); }, 50))])) === marker;
}

describe('a terminal', () => {
  it('answers a prompt with a line typed ahead', async () => {
    const { input, read, close } = terminal();
    const first = read('> ');
    input.write('d\ns\n');
    expect(await first).toEqual({ kind: 'line', text: 'd' });
    expect(await read('> ')).toEqual({ kind: 'line', text: 's' });
    close();
  });

  it('drops lines typed or pasted ahead of a question to run a command (and a half-typed one): only a line after it answers', async () => {
    const { input, read, close } = terminal();
    const first = read('> ');
    input.write('d\ny\ny\nye');
    expect(await first).toEqual({ kind: 'line', text: 'd' });
    const question = read('Run the command above (1 line, 9 characters) in /bin/sh? [y/N] ', true);
    expect(await pending(question)).toBe(true);
    input.write('s\n');
    expect(await question).toEqual({ kind: 'line', text: 's' });
    close();
  });

  it('keeps the end of input queued ahead of a question', async () => {
    const { input, read } = terminal();
    const first = read('> ');
    input.end('d\ny\n');
    expect(await first).toEqual({ kind: 'line', text: 'd' });
    expect(await read('Run? [y/N] ', true)).toEqual({ kind: 'end-of-input' });
  });
});
