/**
 * The repository a config file comes with, and whether a path stays inside it. A repository is
 * untrusted input (a pull request, a cloned project): the paths its config names are read, and what
 * is read ends up in a published site, so each must lead inside the repository, symlinks and all.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside } from './discover.js';
import { linksOnTheWay, type LinkOnTheWay } from './links-on-the-way.js';
import { namedFolderOnTheWay, VERSION_CONTROL_FOLDERS } from './named-folders.js';

/**
 * The folder a config file's paths must stay in: the git work tree holding the config file (the
 * nearest folder above it with a `.git`, a folder or, for worktrees and submodules, a file), or the
 * config file's own folder when it is in none.
 */
export interface Repository {
  readonly folder: string;
  readonly kind: 'git-work-tree' | 'config-folder';
}

/** The repository `configFile` belongs to (see {@link Repository}); looks only at the file system, never runs git. */
export function repositoryOf(configFile: string): Repository {
  const own = dirname(resolve(configFile));
  for (let folder = own; ; folder = dirname(folder)) {
    if (lstatSync(join(folder, '.git'), { throwIfNoEntry: false }) !== undefined) return { folder, kind: 'git-work-tree' };
    if (dirname(folder) === folder) return { folder: own, kind: 'config-folder' };
  }
}

/** Where a path leads with respect to a repository. */
export type Containment =
  | { readonly kind: 'inside' }
  /** The path as written (made absolute, `..` resolved) is outside the repository. */
  | { readonly kind: 'outside' }
  /** One of its parts is a symlink leading out of the repository, or nowhere. */
  | { readonly kind: 'link-leaving'; readonly link: LinkOnTheWay }
  /** It is, or a symlink on the way leads, inside a version control folder (`folder`, absolute). */
  | { readonly kind: 'version-control'; readonly folder: string };

/**
 * Whether the absolute `path` is inside `repository` as written and once every symlink among the
 * parts of it that exist is followed (a part that does not exist yet leads nowhere else), and
 * outside its version control folders (`.git`).
 */
export function containmentOf(path: string, repository: Repository): Containment {
  if (!isInside(path, repository.folder)) return { kind: 'outside' };
  const links = linksOnTheWay(repository.folder, path);
  const real = realpathSync(repository.folder);
  const leaving = links.find((link) => link.real === undefined || !isInside(link.real, real));
  if (leaving !== undefined) return { kind: 'link-leaving', link: leaving };
  const reals = links.flatMap((link) => (link.real === undefined ? [] : [link.real]));
  const versionControl = [versionControlFolderOf(path, repository.folder), ...reals.map((linked) => versionControlFolderOf(linked, real))];
  const folder = versionControl.find((found) => found !== undefined);
  return folder === undefined ? { kind: 'inside' } : { kind: 'version-control', folder };
}

/** The version control folder (`<folder>/…/.git`) that `path`, inside `folder`, is in, if any. */
export function versionControlFolderOf(path: string, folder: string): string | undefined {
  return namedFolderOnTheWay(path, folder, VERSION_CONTROL_FOLDERS)?.path;
}

/** How a repository is named in messages, e.g. ``the repository `.` (the git work tree holding the config file)``. */
export function repositoryPhrase(repository: Repository, shown: string): string {
  const what = repository.kind === 'git-work-tree' ? 'the git work tree holding the config file' : 'the config file\'s folder, which is in no git work tree';
  return `the repository \`${shown}\` (${what})`;
}
