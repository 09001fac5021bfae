import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';

/** What one in-process run of the CLI printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main(argv, io)` in-process with captured output, a fixed clock and no colour unless asked. */
export async function runCli(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    env,
    stdout: { write: (text) => (stdout += text), isTTY: false },
    stderr: { write: (text) => (stderr += text), isTTY: false },
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
