import { dirname, resolve } from 'node:path';

/**
 * Resolving the links a runbook writes to files next to it (`../db/failover.md#promote`): the one
 * reading of such a link, shared by `check` (does the file, does the heading exist) and the site
 * (which page does it point at), so the two can never disagree about where a link goes.
 */

/** What a relative link names. */
export interface LinkTarget {
  /** Absolute path of the file, decoded and resolved from the folder of the linking file. */
  readonly file: string;
  /** The link has no path (`#step`, `?tab=2`): it names the linking file itself. */
  readonly sameFile: boolean;
  /** What follows the `#`, as written (still percent-encoded); undefined when there is no `#`. */
  readonly fragment: string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether `url` may name a file next to the runbook: not empty, no scheme (`https:`, `mailto:`), not rooted (`/x`). */
export function isRelativeUrl(url: string): boolean {
  return url !== '' && !url.startsWith('/') && !SCHEME.test(url);
}

/** Where the relative link `url`, written in the file at `fromFile`, points: the query is dropped, the path decoded. */
export function linkTarget(url: string, fromFile: string): LinkTarget {
  const hash = url.indexOf('#');
  const path = decodedOrAsWritten((hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, ''));
  return {
    file: path === '' ? fromFile : resolve(dirname(fromFile), path),
    sameFile: path === '',
    fragment: hash === -1 ? undefined : url.slice(hash + 1),
  };
}

/** The percent-decoded text, or the text as written when it holds a malformed escape (`100%.md`). */
export function decodedOrAsWritten(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error: unknown) {
    if (error instanceof URIError) return text;
    throw error;
  }
}
