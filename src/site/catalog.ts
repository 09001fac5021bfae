import type { SiteData } from '../view/site-data.js';

/** Version of the catalog's shape; changes only when the shape does (see docs/site.md). */
export const CATALOG_VERSION = 1;

/**
 * `catalog.json`: every runbook as stable, documented data for chat bots and dashboards. URLs are
 * absolute when the config has a `site.base_url`, else relative to the site root.
 */
export function catalogJson(data: SiteData): string {
  const base = data.config.site.baseUrl;
  const absolute = (path: string): string => (base === undefined ? path : new URL(path, base.endsWith('/') ? base : `${base}/`).href);
  const runbooks = data.runbooks.map((entry) => ({
    id: entry.runbook.id,
    title: entry.runbook.title,
    url: absolute(entry.page.replace(/index\.html$/, '')),
    owner: entry.owner ?? null,
    service: entry.service ?? null,
    severity: entry.severity?.id ?? null,
    alerts: entry.runbook.alerts.map((alert) => alert.value),
    status: entry.status.kind,
    last_tested:
      entry.runbook.lastTested.kind === 'given'
        ? entry.runbook.lastTested.value.kind === 'never'
          ? 'never'
          : entry.status.lastTested ?? null
        : null,
    due: entry.status.due ?? null,
    problems: entry.status.problems.filter((problem) => problem.severity !== 'info').length,
  }));
  return `${JSON.stringify({ version: CATALOG_VERSION, runbooks }, null, 2)}\n`;
}
