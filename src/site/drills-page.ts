/** The Drills page (`drills/index.html`): the collection's recent drills and what falls due next, linked from every page's navigation when the collection keeps drill records. */
import type { CollectionView } from '../view/collection-view.js';
import { drillRow } from './drill-section.js';
import { rowOf } from './runbook-page.js';
import type { SiteFile } from './search-document.js';
import type { PageRenderer } from './templates.js';

/**
 * The Drills page. A fixed top-level folder no runbook, alert, team or service page can take: those
 * are all under folders of their own (`runbooks/`, `alerts/`, `teams/`, `services/`).
 */
export const DRILLS_PAGE = 'drills/index.html';

/** The Drills page: recent drills and what falls due next. */
export function drillsPage(data: CollectionView, render: PageRenderer, scripts: readonly string[]): SiteFile {
  const { recent, dueNext, dueCount, count } = data.drills;
  return render({
    template: 'drills',
    path: DRILLS_PAGE,
    title: 'Drills',
    page: 'drills',
    scripts,
    data: {
      recent: recent.map(({ entry, drill }) => ({ ...drillRow(drill), ...rowOf(entry, DRILLS_PAGE, data) })),
      recentNote: count > recent.length ? `The last ${recent.length} of ${count} drills.` : undefined,
      due: dueNext.map(({ entry, due, daysLeft }) => ({ ...rowOf(entry, DRILLS_PAGE, data), due, daysLeft: daysLeftText(daysLeft), overdue: daysLeft < 0 })),
      dueNote: dueCount > dueNext.length ? `The first ${dueNext.length} of ${dueCount} runbooks with a due date.` : undefined,
    },
  });
}

/** `3 days overdue`, `due today`, `1 day`, `12 days`. */
function daysLeftText(days: number): string {
  if (days === 0) return 'due today';
  const count = Math.abs(days);
  const text = `${count} day${count === 1 ? '' : 's'}`;
  return days < 0 ? `${text} overdue` : text;
}
