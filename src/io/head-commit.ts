import type { SourceCommit } from '../model/source-commit.js';
import { isRefusedBareRepository, runGit } from './git-command.js';
import { bareRepositoryRefusal } from './git.js';

/**
 * The commit checked out in `folder` (`git rev-parse --short HEAD`), for printing on what was made
 * from it. No git, not a repository, or no commit yet: `unknown`, which is not an error.
 */
export async function readHeadCommit(folder: string): Promise<SourceCommit> {
  try {
    const { stdout } = await runGit(folder, ['rev-parse', '--short', 'HEAD']);
    const short = stdout.trim();
    if (!/^[0-9a-f]{4,64}$/.test(short)) throw new Error(`unexpected output \`${short}\`, expected a short commit hash`);
    return { kind: 'known', short };
  } catch (error: unknown) {
    if (isNoCommit(error)) return { kind: 'unknown' };
    if (isRefusedBareRepository(error)) throw new Error(bareRepositoryRefusal(folder), { cause: error });
    throw new Error(`git rev-parse --short HEAD failed in ${folder}`, { cause: error });
  }
}

/** git is missing, the folder is not in a repository, or the repository has no commit yet. */
function isNoCommit(error: unknown): boolean {
  const details = error as { code?: unknown; stderr?: unknown };
  return details.code === 'ENOENT' || /not a git repository|unknown revision|ambiguous argument 'HEAD'|needed a single revision/i.test(String(details.stderr));
}
