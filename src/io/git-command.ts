import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Settings for every git the tool runs. A repository is untrusted input, and git honours the config
 * of the repository it discovers: a folder of the checkout laid out as a bare repository (`HEAD`,
 * `objects/`, `refs/` and a `config` — ordinary files anyone can commit) is discovered before the
 * checkout's own `.git`, and its `gpg.program` with `log.showSignature` ran a program of the
 * repository's on `git log`. So: bare repositories are used only when named explicitly (never
 * discovered), no signature is verified, no file-system monitor or pager is started.
 */
const HARDENED: readonly string[] = [
  '-c', 'safe.bareRepository=explicit',
  '-c', 'log.showSignature=false',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.pager=cat',
  '--no-pager',
];

/** The environment git runs in: never asks for a password, never reads the user's terminal. */
function gitEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

/** Runs `git -C folder <args>` with the hardened settings; rejects like `execFile` (with `code`, `stderr`). */
export async function runGit(folder: string, args: readonly string[], options: { readonly maxBuffer?: number } = {}): Promise<{ readonly stdout: string }> {
  const { stdout } = await run('git', [...HARDENED, '-C', folder, ...args], { env: gitEnvironment(), maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024 });
  return { stdout };
}

/** Whether git refused a bare repository it discovered (see `HARDENED`). */
export function isRefusedBareRepository(error: unknown): boolean {
  return /cannot use bare repository/i.test(String((error as { stderr?: unknown }).stderr));
}
