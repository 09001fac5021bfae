import { lstatSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isInside } from './discover.js';

/** A symlink met on the way from a folder down to a path that is about to be written. */
export interface LinkOnTheWay {
  /** The symlink's own (absolute) path. */
  readonly link: string;
  /** What the link says it points to, as written in it. */
  readonly target: string;
  /** Where it leads, every link resolved; undefined when it dangles or loops. */
  readonly real: string | undefined;
  /** Whether the link is the path itself rather than a folder on the way to it. */
  readonly last: boolean;
}

/**
 * Every symlink among the parts of `path` below `folder` (which `path` must be inside) that exist,
 * from the top down. The first part that does not exist ends the walk: what follows is created as a
 * real folder or file.
 */
export function linksOnTheWay(folder: string, path: string): readonly LinkOnTheWay[] {
  if (!isInside(path, folder)) throw new Error(`${path} is not inside ${folder}`);
  const parts = relative(folder, path).split(sep).filter((part) => part !== '');
  const links: LinkOnTheWay[] = [];
  let current = folder;
  for (const [index, part] of parts.entries()) {
    current = join(current, part);
    const stats = lstatIfAny(current);
    if (stats === undefined) break;
    if (stats.isSymbolicLink()) links.push({ link: current, target: readlinkSync(current), real: realPathIfAny(current), last: index === parts.length - 1 });
    else if (!stats.isDirectory()) break;
  }
  return links;
}

/**
 * The first symlink on the way from `folder` to `path` that leads out of `folder` (its real path is
 * outside the folder's real path) or nowhere (it dangles or loops); undefined when there is none.
 */
export function linkLeaving(folder: string, path: string): LinkOnTheWay | undefined {
  const links = linksOnTheWay(folder, path);
  if (links.length === 0) return undefined;
  const inside = realpathSync(folder);
  return links.find((link) => link.real === undefined || !isInside(link.real, inside));
}

function lstatIfAny(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error: unknown) {
    if (isMissing(error)) return undefined;
    throw new Error(`cannot look at ${path}`, { cause: error });
  }
}

function realPathIfAny(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    if (isMissing(error) || code === 'ELOOP') return undefined;
    throw new Error(`cannot resolve the symlink ${path}`, { cause: error });
  }
}

/** The path, or a folder on the way, does not exist (or is a file, so nothing can be under it). */
function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
