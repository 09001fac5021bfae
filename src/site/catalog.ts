import { dueOf, lastTestedText } from '../view/review.js';
import type { CollectionView } from '../view/collection-view.js';

/** Version of the catalog's shape; changes only when the shape does (see docs/site.md). */
const CATALOG_VERSION = 1;

/**
 * `catalog.json`: every runbook as stable, documented data for chat bots and dashboards. URLs are
 * absolute when the config has a `site.base_url`, else relative to the site root.
 */
export function catalogJson(data: CollectionView): string {
  const runbooks = data.runbooks.map((entry) => ({
    id: entry.runbook.id,
    title: entry.runbook.title,
    url: entry.link,
    owner: entry.owner ?? null,
    service: entry.service ?? null,
    severity: entry.severity?.id ?? null,
    alerts: entry.alerts,
    status: entry.status.kind,
    last_tested: lastTestedText(entry.review) ?? null,
    due: dueOf(entry.review) ?? null,
    problems: entry.status.problems.filter((problem) => problem.severity !== 'info').length,
  }));
  return `${JSON.stringify({ version: CATALOG_VERSION, runbooks }, null, 2)}\n`;
}
