import { resolve } from 'node:path';
import type { GitFacts } from '../model/git-facts.js';
import { calendarDateOfInstant, type CalendarDate } from '../model/calendar-date.js';

import { isRefusedBareRepository, runGit } from './git-command.js';

/**
 * Reads what git knows about the runbooks under `root` with one `git log` pass for all files (never
 * one process per file). No git, or not a repository: `none`, which is not an error.
 */
export async function readGitFacts(root: string): Promise<GitFacts> {
  let top: string;
  let shallow: boolean;
  try {
    const { stdout } = await runGit(root, ['rev-parse', '--is-shallow-repository', '--show-toplevel']);
    const [shallowLine, topLine] = stdout.trim().split('\n');
    if (topLine === undefined) return { kind: 'none' };
    shallow = shallowLine === 'true';
    top = topLine;
  } catch (error: unknown) {
    if (isMissingGitOrRepository(error)) return { kind: 'none' };
    if (isRefusedBareRepository(error)) throw new Error(bareRepositoryRefusal(root), { cause: error });
    throw new Error(`git rev-parse failed in ${root}`, { cause: error });
  }
  const { stdout } = await runGit(root, ['-c', 'core.quotePath=false', 'log', '--no-show-signature', '-z', '--format=%x01%ct', '--name-only', '--no-renames', '--', '.'], {
    maxBuffer: 1024 * 1024 * 1024,
  }).catch((error: unknown) => {
    // A repository with no commits yet has no history to read.
    if (/does not have any commits|bad default revision/.test(String((error as { stderr?: unknown }).stderr))) return { stdout: '' };
    throw new Error(`git log failed in ${root}`, { cause: error });
  });
  return { kind: 'repository', shallow, lastEdited: parseLog(stdout, top) };
}

/** Parses `git log -z --format=%x01%ct --name-only`: the first (newest) date seen for each file wins. */
function parseLog(output: string, top: string): ReadonlyMap<string, CalendarDate> {
  const lastEdited = new Map<string, CalendarDate>();
  let current: CalendarDate | undefined;
  for (const token of output.split('\0')) {
    if (token.startsWith('\u0001')) {
      current = calendarDateOfInstant(new Date(Number(token.slice(1)) * 1000));
      continue;
    }
    const name = token.replace(/^\n/, '');
    if (name === '' || current === undefined) continue;
    const path = resolve(top, name);
    if (!lastEdited.has(path)) lastEdited.set(path, current);
  }
  return lastEdited;
}

/** Why the run stops when git finds a bare repository where the runbooks are. */
export function bareRepositoryRefusal(folder: string): string {
  return `git found a bare repository at or above ${folder} (a folder holding HEAD, objects/ and refs/), not the checkout's .git: runbook does not let git read the config of a repository the runbooks folder holds, since it can name programs for git to run. Remove it, or run with --no-git`;
}

function isMissingGitOrRepository(error: unknown): boolean {
  const details = error as { code?: unknown; stderr?: unknown };
  return details.code === 'ENOENT' || /not a git repository/i.test(String(details.stderr));
}
