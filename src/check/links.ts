import { dirname, resolve } from 'node:path';
import type { BodyLink, Runbook } from '../model/runbook.js';

/** A relative link of the body, resolved: the absolute target path and the anchor, if any. */
export interface ResolvedLink {
  readonly link: BodyLink;
  /** Absolute path of the target file; the runbook itself for `#anchor` links. */
  readonly target: string;
  readonly anchor: string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The body links of a runbook that point at files next to it: not URLs with a scheme, not
 * site-absolute (`/manual/…`), not templated (`{{< ref >}}`, `<%= %>`), which cannot be checked here.
 */
export function relativeLinks(runbook: Runbook): readonly ResolvedLink[] {
  const resolved: ResolvedLink[] = [];
  for (const link of runbook.bodyLinks) {
    const url = link.url.trim();
    if (url === '' || SCHEME.test(url) || url.startsWith('/') || /\{\{|\{%|<%|\$\{/.test(url)) continue;
    const hash = url.indexOf('#');
    const pathPart = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
    const anchor = hash === -1 ? undefined : url.slice(hash + 1);
    const decoded = safeDecode(pathPart);
    const target = decoded === '' ? runbook.path : resolve(dirname(runbook.path), decoded);
    resolved.push({ link, target, anchor: anchor === undefined || anchor === '' ? undefined : safeDecode(anchor) });
  }
  return resolved;
}

/** Absolute paths of link targets that are not runbooks of this run: the shell checks which exist. */
export function linkTargets(runbooks: readonly Runbook[]): readonly string[] {
  const known = new Set(runbooks.map((runbook) => runbook.path));
  const targets = new Set<string>();
  for (const runbook of runbooks) {
    for (const { target } of relativeLinks(runbook)) if (!known.has(target)) targets.add(target);
  }
  return [...targets].sort();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error: unknown) {
    if (error instanceof URIError) return text;
    throw error;
  }
}
