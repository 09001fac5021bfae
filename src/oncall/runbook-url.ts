import type { Config } from '../model/config.js';
import { safeIdPath, uniquePaths } from '../model/site-paths.js';

/**
 * Where a reader finds the runbook: its page on the site (`<base_url>/runbooks/<id>/`, the same path
 * `runbook build` gives it) when the config has a `site.base_url`, else its source file.
 * `allIds` are the ids of the whole collection, because the site makes colliding paths unique.
 */
export function runbookUrl(runbook: { readonly id: string; readonly file: string }, allIds: readonly string[], config: Config): string {
  const base = config.site.baseUrl;
  if (base === undefined) return runbook.file;
  const pages = uniquePaths(allIds, (id) => `runbooks/${safeIdPath(id)}`);
  const page = pages.get(runbook.id) ?? `runbooks/${safeIdPath(runbook.id)}`;
  return new URL(`${page}/`, base.endsWith('/') ? base : `${base}/`).href;
}
