import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SourceCommit } from '../cheatsheet/sheet.js';

const run = promisify(execFile);

/**
 * The commit checked out in `folder` (`git rev-parse --short HEAD`), for printing on what was made
 * from it. No git, not a repository, or no commit yet: `unknown`, which is not an error.
 */
export async function readHeadCommit(folder: string): Promise<SourceCommit> {
  try {
    const { stdout } = await run('git', ['-C', folder, 'rev-parse', '--short', 'HEAD']);
    const short = stdout.trim();
    if (!/^[0-9a-f]{4,64}$/.test(short)) throw new Error(`unexpected output \`${short}\`, expected a short commit hash`);
    return { kind: 'known', short };
  } catch (error: unknown) {
    if (isNoCommit(error)) return { kind: 'unknown' };
    throw new Error(`git rev-parse --short HEAD failed in ${folder}`, { cause: error });
  }
}

/** git is missing, the folder is not in a repository, or the repository has no commit yet. */
function isNoCommit(error: unknown): boolean {
  const details = error as { code?: unknown; stderr?: unknown };
  return details.code === 'ENOENT' || /not a git repository|unknown revision|ambiguous argument 'HEAD'|needed a single revision/i.test(String(details.stderr));
}
