import type { BodyLink, Runbook } from '../model/runbook.js';
import { decodedOrAsWritten, isRelativeUrl, linkTarget } from '../parse/link-target.js';

/** A relative link of the body, resolved: the absolute target path and the anchor, if any. */
export interface ResolvedLink {
  readonly link: BodyLink;
  /** Absolute path of the target file; the runbook itself for `#anchor` links. */
  readonly target: string;
  readonly anchor: string | undefined;
}

/**
 * The body links of a runbook that point at files next to it: not URLs with a scheme, not
 * site-absolute (`/manual/…`), not templated (`{{< ref >}}`, `<%= %>`), which cannot be checked here.
 */
export function relativeLinks(runbook: Runbook): readonly ResolvedLink[] {
  const resolved: ResolvedLink[] = [];
  for (const link of runbook.bodyLinks) {
    const url = link.url.trim();
    if (!isRelativeUrl(url) || /\{\{|\{%|<%|\$\{/.test(url)) continue;
    const { file, fragment } = linkTarget(url, runbook.path);
    resolved.push({ link, target: file, anchor: fragment === undefined || fragment === '' ? undefined : decodedOrAsWritten(fragment) });
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
