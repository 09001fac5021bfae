import type { LinkOnTheWay } from '../io/links-on-the-way.js';

/** How a path is shown to the user (relative to the working folder, printable). */
export type ShowPath = (path: string) => string;

/**
 * Why nothing is written through a symlink that leads out of `boundary` (a phrase such as
 * ``the repository folder `.` ``) or nowhere: a cloned repository must not make `init` or `new`
 * write elsewhere on the disk.
 */
export function leavingLinkText(link: LinkOnTheWay, boundary: string, show: ShowPath): string {
  const where = link.real === undefined ? 'leads nowhere (it dangles or loops)' : `leads to ${show(link.real)}, outside ${boundary}`;
  const expected = link.last ? 'a file name that is not a symlink' : 'a real folder, or a symlink to one inside it';
  return `\`${show(link.link)}\` is a symlink to \`${link.target}\` and ${where}; expected ${expected}: nothing is written through it`;
}

/**
 * Why `new` writes no runbook through a symlink under the runbooks folder, even one leading inside
 * it: `check` does not follow folder symlinks, so the runbook would not be found under its id.
 */
export function linkBelowRootText(link: LinkOnTheWay, show: ShowPath): string {
  if (link.last) return `\`${show(link.link)}\` exists (a symlink to \`${link.target}\`), left as it was`;
  return (
    `\`${show(link.link)}\` is a symlink to \`${link.target}\`; \`check\` does not follow folder symlinks, so it would never find ` +
    'a runbook written through it: expected a real folder under the runbooks folder'
  );
}
