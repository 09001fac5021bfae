import type { FoundFile } from '../model/sources.js';
import { globMatcher } from '../parse/glob.js';
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../model/config.js';
import { namedFolderOnTheWay, SKIPPED_FOLDERS } from './named-folders.js';

/** The run cannot go on: a path the user named does not exist, or nothing was found. */
export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
}

/**
 * Finds the runbook files named by `paths` (files, or folders searched with the config's include and
 * exclude globs), or under the config's root when no paths are given. Sorted by path; no duplicates.
 * Folder symlinks are not followed (no loops); file symlinks are read only when they stay inside the
 * folder being searched and out of the folders never searched (`.git`…). A path named that is, or
 * leads, inside such a folder stops the run. The drills folder (`config.drills.folder`) holds drill
 * records, not runbooks: it is never searched, and a path named inside it is left out. A folder
 * named that holds the root is read as the root (its runbooks only, ids relative to the root).
 */
export function discoverRunbooks(paths: readonly string[], config: Config, cwd: string): readonly FoundFile[] {
  const found = new Map<string, FoundFile>();
  if (paths.length === 0) checkRootFolder(config.root, cwd);
  const starts = paths.length === 0 ? [config.root] : paths.map((path) => resolve(cwd, path));
  const include = globMatcher(config.include, { dot: false });
  const exclude = globMatcher(config.exclude.length > 0 ? config.exclude : ['\0'], { dot: true });
  const records = config.drills.folder;
  for (const start of starts) {
    const stats = statOrThrow(start, cwd);
    refuseSkippedStart(start, cwd);
    // Drill records are not runbooks, also when a path named on the command line is one of them.
    if (isInside(start, records)) continue;
    if (stats.isFile()) {
      const base = isInside(start, config.root) ? config.root : resolve(start, '..');
      if (lstatSync(start).isSymbolicLink() && !symlinkedFileInside(start, base)) {
        throw new DiscoveryError(
          `not reading ${displayPath(start, cwd)}: it is a symlink leading out of ${displayPath(base, cwd)} or into a folder never searched (\`.git\`, \`node_modules\`); expected a symlink to a runbook inside ${displayPath(base, cwd)}`,
        );
      }
      found.set(start, describe(start, toSlashes(relative(base, start)) || basename(start), cwd));
      continue;
    }
    // A named folder that holds the root (`check .` in the config's folder) is read as the root alone,
    // ids relative to it, as a run with no path reads it: not its README, docs or drill records.
    const holdsRoot = start !== config.root && isInside(config.root, start);
    if (holdsRoot) checkRootFolder(config.root, cwd);
    const folder = holdsRoot ? config.root : start;
    const base = isInside(folder, config.root) ? config.root : folder;
    for (const path of walk(folder, records)) {
      const relativePath = toSlashes(relativeTo(base, path));
      if (include(relativePath) && !exclude(relativePath)) found.set(path, describe(path, relativePath, cwd));
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The config's `root` must be a folder: a file there (a typo, or `root:` naming a runbook) would
 * otherwise be read as the only runbook, and git and the site would be pointed at a file.
 */
function checkRootFolder(root: string, cwd: string): void {
  let stats;
  try {
    stats = statSync(root);
  } catch (error: unknown) {
    throw new DiscoveryError(`the runbooks folder ${displayPath(root, cwd)} (the config's \`root\`) does not exist`, { cause: error });
  }
  if (!stats.isDirectory()) throw new DiscoveryError(`the runbooks folder ${displayPath(root, cwd)} (the config's \`root\`) is a file, not a folder`);
}

/**
 * A path named on the command line must not be, or lead into, a folder never searched (`.git`…):
 * a list of changed files from a pull request can name a committed symlink to `.git/config`.
 */
function refuseSkippedStart(start: string, cwd: string): void {
  const asWrittenAndReal: readonly (readonly [string, string])[] = [[start, cwd], [realpathSync(start), realpathSync(cwd)]];
  const skipped = asWrittenAndReal
    .map(([path, folder]) => (isInside(path, folder) ? skippedFolderOf(path, folder) : undefined))
    .find((segment) => segment !== undefined);
  if (skipped !== undefined) {
    throw new DiscoveryError(`not reading ${displayPath(start, cwd)}: it is or leads inside a \`${skipped}\` folder, which is never searched (version control data or dependencies); expected runbooks outside it`);
  }
}

function statOrThrow(path: string, cwd: string) {
  try {
    return statSync(path);
  } catch (error: unknown) {
    throw new DiscoveryError(`no such file or folder: ${displayPath(path, cwd)}`, { cause: error });
  }
}

/** Every file under `folder`, iteratively; skips VCS folders, node_modules, folder symlinks and the drill records' folder. */
function walk(folder: string, records: string): readonly string[] {
  return filesUnder(folder, {
    linkedFile: (path) => symlinkedFileInside(path, folder),
    skippedFolder: (path) => path === records,
    unreadable: (current, error) => new DiscoveryError(`cannot read folder ${current}`, { cause: error }),
  });
}

/**
 * Every file under `folder`, iteratively, skipping VCS folders, node_modules and folder symlinks;
 * a symlink to a file is listed when `linkedFile` accepts it. A folder that cannot be listed is
 * the error `unreadable` makes.
 */
export function filesUnder(
  folder: string,
  policy: {
    readonly linkedFile: (path: string) => boolean;
    readonly unreadable: (folder: string, error: unknown) => Error;
    /** A folder (besides `.git`, `node_modules`…) not to go into. */
    readonly skippedFolder?: (path: string) => boolean;
  },
): readonly string[] {
  const files: string[] = [];
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error: unknown) {
      throw policy.unreadable(current, error);
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && policy.skippedFolder?.(path) !== true) pending.push(path);
      } else if (entry.isFile()) files.push(path);
      else if (entry.isSymbolicLink() && policy.linkedFile(path)) files.push(path);
    }
  }
  return files;
}

/**
 * Whether the symlink `path` leads to a file inside `folder` and, below it, in no folder never
 * searched: with `root: .`, `leak.md -> .git/config` is inside the folder, and in CI `.git/config`
 * holds the checkout's token.
 */
export function symlinkedFileInside(path: string, folder: string): boolean {
  try {
    const stats = statSync(path);
    const real = realpathSync(path);
    const realFolder = realpathSync(folder);
    return stats.isFile() && isInside(real, realFolder) && skippedFolderOf(real, realFolder) === undefined;
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ENOENT' || (error as { code?: unknown }).code === 'ELOOP') return false;
    throw error;
  }
}

/** The first part of `path` below `folder` naming a folder never searched (`.git`, `node_modules`…), if any. */
export function skippedFolderOf(path: string, folder: string): string | undefined {
  return namedFolderOnTheWay(path, folder, SKIPPED_FOLDERS)?.name;
}

/** A found file: its path, as shown, and its id (from its path relative to the base folder, with `/`). */
function describe(path: string, relativePath: string, cwd: string): FoundFile {
  return { path, file: displayPath(path, cwd), id: withoutExtension(relativePath) };
}

/** Markdown extensions removed from ids, including Middleman's `.html.md` and `.md.erb`. */
const MARKDOWN_EXTENSION = /(?:\.html)?\.(?:md|markdown|mdown|mkd|mdx)(?:\.erb)?$/i;

/** A path without its Markdown extension (or, for other files, without its last extension). */
function withoutExtension(path: string): string {
  const stripped = path.replace(MARKDOWN_EXTENSION, '');
  return stripped !== path ? stripped : path.slice(0, path.length - extname(path).length);
}

/** A path as shown to users: relative to `cwd` when inside it, else absolute; always with `/`. */
export function displayPath(path: string, cwd: string): string {
  const relativePath = relativeTo(cwd, path);
  return isBelow(relativePath) ? toSlashes(relativePath) || '.' : toSlashes(path);
}

/** Whether `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  return isBelow(relative(folder, path));
}

/** Whether a path relative to a folder (`path.relative`'s result) stays in it. */
function isBelow(relativePath: string): boolean {
  return relativePath === '' || (relativePath !== '..' && !relativePath.startsWith(`..${sep}`) && !isAbsolute(relativePath));
}

function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** What `path.relative` would resolve away in a POSIX path: an empty, `.` or `..` segment. */
const UNRESOLVED = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * `relative(folder, path)`, taken as the rest of `path` when it is spelled as an absolute `folder`,
 * `/` and plain names (every file discovery finds, on POSIX): both paths resolved again for each of
 * 10,000 files cost more than the rest of a run that changed nothing. Any other path (and every path
 * on Windows, whose roots and separators are many) goes through `relative`.
 */
function relativeTo(folder: string, path: string): string {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  if (sep === '/' && isAbsolute(folder) && path.startsWith(prefix)) {
    const rest = path.slice(prefix.length);
    if (!UNRESOLVED.test(rest)) return rest;
  }
  return relative(folder, path);
}
