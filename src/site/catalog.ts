import { dueOf, lastTestedText } from '../view/review.js';
import type { CollectionView, RunbookView } from '../view/collection-view.js';
import { siteHasDrills } from './drill-section.js';

/** Version of the catalog's shape; changes only when the shape does (see docs/site.md). */
const CATALOG_VERSION = 1;

/**
 * `catalog.json`: every runbook as stable, documented data for chat bots and dashboards. URLs are
 * absolute when the config has a `site.base_url`, else relative to the site root. A collection that
 * keeps drill records also gives each runbook its drills (newest first) and typical time to recover.
 */
export function catalogJson(data: CollectionView): string {
  const drills = siteHasDrills(data);
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
    ...(drills ? drillsOf(entry) : {}),
  }));
  return `${JSON.stringify({ version: CATALOG_VERSION, runbooks }, null, 2)}\n`;
}

/** A runbook's drills in the catalog: the fields docs/site.md documents, `null` for what a record leaves out. */
function drillsOf(entry: RunbookView) {
  const { history, typical } = entry.drills;
  return {
    drills: history.map((drill) => ({
      started: drill.started,
      ended: drill.ended,
      outcome: drill.outcome,
      time_to_recover_seconds: drill.timeToRecoverSeconds ?? null,
      environment: drill.environment ?? null,
      operator: drill.operator ?? null,
    })),
    typical_time_to_recover: typical === undefined ? null : { seconds: typical.seconds, over: typical.over },
  };
}
