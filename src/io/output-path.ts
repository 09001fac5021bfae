import { resolve } from 'node:path';
import type { Config } from '../model/config.js';
import { isInside } from './discover.js';
import { repositoryOf } from './inside-repository.js';
import { linksOnTheWay, type LinkOnTheWay } from './links-on-the-way.js';

/**
 * The folders whose contents a repository may control: the working folder and the repository the
 * config comes with. A symbolic link there on the way to an output folder may have been committed
 * (`site -> .`, `cheatsheets -> /var/www/html`), so no output is written through one.
 */
export function guardedFolders(cwd: string, config: Config): readonly string[] {
  const folders = [resolve(cwd)];
  if (config.source.kind === 'file') folders.push(repositoryOf(config.source.path).folder);
  return folders;
}

/** The first symbolic link on the way to `out` (or `out` itself) inside one of `guarded`; undefined when there is none. */
function guardedLinkTo(out: string, guarded: readonly string[]): LinkOnTheWay | undefined {
  for (const folder of guarded) {
    if (!isInside(out, folder) || out === folder) continue;
    const [link] = linksOnTheWay(folder, out);
    if (link !== undefined) return link;
  }
  return undefined;
}

/** Why `out` may not be written, naming the link; undefined when no guarded link is on the way. */
export function outputLinkRefusal(flag: string, out: string, guarded: readonly string[]): string | undefined {
  const link = guardedLinkTo(out, guarded);
  if (link === undefined) return undefined;
  const leads = link.real === undefined ? 'leads nowhere' : `leads to ${link.real}`;
  const what = link.last ? `${flag} ${out} is a symbolic link` : `${link.link}, on the way to ${flag} ${out}, is a symbolic link`;
  return `${what} (to \`${link.target}\`, which ${leads}) inside the working folder or the repository: a repository can commit such a link, so runbook does not write through it. Name the real folder instead${link.real === undefined ? '' : ` (${flag} ${link.last ? link.real : resolve(link.real, out.slice(link.link.length + 1))})`}, or remove the link`;
}
