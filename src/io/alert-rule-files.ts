import { globMatcher } from '../parse/glob.js';
import picomatch from 'picomatch';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Config } from '../model/config.js';
import type { RuleFiles, RuleFileSource } from '../model/rule-file-source.js';
import { displayPath, filesUnder, isInside, skippedFolderOf } from './discover.js';
import { repositoryOf, repositoryPhrase, type Repository } from './inside-repository.js';

/**
 * Who named the rule files, which says where they may be read from; globs are relative to `base`.
 * - `config`: `alerts.rules`, written by the repository (untrusted): every file must really be inside
 *   the `repository` (no absolute path, no `..`, no symlink leading out; nothing in `.git` or
 *   `node_modules`), so a pull request cannot make the run read `/proc/self/environ` or a private key.
 * - `command-line`: `--rules`, typed by the user: a file named without wildcards is read wherever it
 *   is, and a file a glob finds must really be inside the folder the glob searches (a symlink in a
 *   checked-out repository cannot lead out of it).
 */
export type RuleFileScope =
  | { readonly kind: 'config'; readonly base: string; readonly repository: Repository }
  | { readonly kind: 'command-line'; readonly base: string };

/** One file to read, and the folder it must really be inside (none: named by the user, read as is). */
interface Candidate {
  readonly path: string;
  readonly within: string | undefined;
}

/**
 * Finds the files matching `globs` (a glob without wildcards names one file), then reads each once,
 * sorted by path (parsing is the caller's: `parseRuleFileSource`). A file outside its scope is not read and becomes a problem on that
 * path (naming it, never quoting it); a file that cannot be read becomes a problem on that file;
 * only a folder that cannot be listed stops the run.
 */
function readRuleFiles(globs: readonly string[], scope: RuleFileScope, cwd: string): RuleFiles {
  const candidates = new Map<string, Candidate>();
  const unmatched: string[] = [];
  for (const glob of globs) {
    const matched = matchGlob(glob, scope);
    if (matched.length === 0) unmatched.push(glob);
    for (const candidate of matched) if (!candidates.has(candidate.path)) candidates.set(candidate.path, candidate);
  }
  const files = [...candidates.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((candidate) => readRuleFile(candidate, scope, cwd));
  return { files, unmatched };
}

function readRuleFile(candidate: Candidate, scope: RuleFileScope, cwd: string): RuleFileSource {
  const file = displayPath(candidate.path, cwd);
  try {
    if (candidate.within !== undefined && !reallyInside(candidate.path, candidate.within)) {
      return { kind: 'not-read', file, reason: outsideMessage(file, candidate.within, scope, cwd) };
    }
    const skipped = scope.kind === 'config' ? skippedFolderOf(candidate.path, scope.repository.folder) : undefined;
    if (skipped !== undefined) {
      return { kind: 'not-read', file, reason: `\`${file}\` is inside \`${skipped}\`, which holds no rule files (and may hold credentials), so it is not read` };
    }
    return { kind: 'text', file, text: readFileSync(candidate.path, 'utf8') };
  } catch (error: unknown) {
    return { kind: 'not-read', file, reason: `Cannot read the file: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Whether `path` is inside `folder` as written and once every symlink is followed. */
function reallyInside(path: string, folder: string): boolean {
  return isInside(path, folder) && isInside(realpathSync(path), realpathSync(folder));
}

/** Why a file was not read: it is (or leads) outside the folder it must be in. */
function outsideMessage(file: string, within: string, scope: RuleFileScope, cwd: string): string {
  const folder = `\`${displayPath(within, cwd)}\``;
  return scope.kind === 'config'
    ? `\`${file}\` is outside ${repositoryPhrase(scope.repository, displayPath(within, cwd))}, so it is not read: \`alerts.rules\` may only name ` +
        'files inside it, and a symlink must lead inside it too; name other rule files with `runbook coverage --rules`'
    : `\`${file}\` is a symlink leading outside ${folder} (the folder the glob searches), so it is not read; name the file itself with --rules to read it`;
}

/**
 * The files one glob matches: its folder part is walked, the rest matched with picomatch. A
 * config's glob whose folder part leaves the repository is not walked: it names that folder,
 * which is then refused.
 */
function matchGlob(glob: string, scope: RuleFileScope): readonly Candidate[] {
  const scanned = picomatch.scan(glob);
  const start = resolve(scope.base, scanned.base === '' ? '.' : scanned.base);
  const within = (folder: string): string | undefined => (scope.kind === 'config' ? scope.repository.folder : scanned.isGlob ? folder : undefined);
  if (scope.kind === 'config' && !isInside(start, scope.repository.folder)) return [{ path: start, within: scope.repository.folder }];
  if (!scanned.isGlob) return isFile(start) ? [{ path: start, within: within(start) }] : [];
  if (!isFolder(start)) return [];
  const matches = globMatcher(scanned.glob, { dot: false });
  return walk(start)
    .filter((path) => matches(relative(start, path).split(sep).join('/')))
    .map((path) => ({ path, within: within(start) }));
}

/** Every file under `folder` (skipping VCS folders, node_modules, symlinked folders), symlinked files included. */
function walk(folder: string): readonly string[] {
  return filesUnder(folder, {
    linkedFile: isFile,
    unreadable: (current, error) => new Error(`cannot read folder ${current} (looking for alert rule files)`, { cause: error }),
  });
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The rule files of the config's `alerts.rules`, read from inside the config file's repository (see {@link repositoryOf}). */
export function readConfigRuleFiles(config: Config, cwd: string): RuleFiles {
  const base = config.alerts.base;
  const repository: Repository = config.source.kind === 'file' ? repositoryOf(config.source.path) : { folder: base, kind: 'config-folder' };
  return readRuleFiles(config.alerts.rules, { kind: 'config', base, repository }, cwd);
}

/** The rule files of `--rules`, typed by the user, relative to the working folder. */
export function readCommandLineRuleFiles(globs: readonly string[], cwd: string): RuleFiles {
  return readRuleFiles(globs, { kind: 'command-line', base: cwd }, cwd);
}
