import { join, relative, sep } from 'node:path';

/** Folders of version control: never read (in CI, `.git/config` holds the token the checkout used). */
export const VERSION_CONTROL_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn']);

/** Folders never searched for runbooks or rule files: version control data and dependencies. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([...VERSION_CONTROL_FOLDERS, 'node_modules']);

/**
 * The first folder on the way from `folder` down to `path` (which is inside it), `path` itself
 * included, whose name is one of `names`: its name and its absolute path; undefined when none is.
 */
export function namedFolderOnTheWay(path: string, folder: string, names: ReadonlySet<string>): { readonly name: string; readonly path: string } | undefined {
  const parts = relative(folder, path).split(sep);
  const index = parts.findIndex((part) => names.has(part));
  const name = parts[index];
  return name === undefined ? undefined : { name, path: join(folder, ...parts.slice(0, index + 1)) };
}
