/** The view models of the pages that list runbooks: the index, alert pages, team and service pages. */
import { relativeUrl } from '../model/site-paths.js';
import { teamOf } from '../model/team-lookup.js';
import type { CollectionView, Group } from '../view/collection-view.js';
import { STATUS_ORDER, statusLabel } from '../view/status.js';
import { SHEET_LINK_FROM_TEAM_PAGE } from './cheatsheet-pages.js';
import { rowOf } from './runbook-page.js';
import type { SiteFile } from './search-document.js';
import { page, type Page } from './site-plan.js';
import type { PageRenderer } from './templates.js';

export function indexPage(data: CollectionView, render: PageRenderer, scripts: readonly string[]): SiteFile {
  const counts = STATUS_ORDER.map((kind) => ({ kind, label: statusLabel(kind), count: data.runbooks.filter((entry) => entry.status.kind === kind).length })).filter(
    (entry) => entry.count > 0,
  );
  return render({
    template: 'index',
    path: 'index.html',
    title: 'All runbooks',
    page: 'index',
    scripts,
    data: {
      rows: data.runbooks.map((entry) => rowOf(entry, 'index.html', data)),
      statusCounts: counts,
      teams: data.teams,
      services: data.services,
      severities: data.config.severities,
      statuses: STATUS_ORDER.map((kind) => ({ kind, label: statusLabel(kind) })),
    },
  });
}

export function alertPages(data: CollectionView, render: PageRenderer, scripts: readonly string[]): readonly Page[] {
  const files: Page[] = [];
  for (const alert of data.alerts) {
    for (const path of alert.pages) {
      const href = relativeUrl(path, alert.runbook.page);
      files.push(page(path, () =>
        render({
          template: 'alert',
          path,
          title: alert.name,
          page: 'alert',
          scripts,
          refresh: href,
          data: { alert: alert.name, href, title: alert.runbook.runbook.title, owner: alert.runbook.owner },
        }),
      ));
    }
  }
  const base = data.config.site.baseUrl;
  files.push(page('alerts/index.html', () =>
    render({
      template: 'alerts',
      path: 'alerts/index.html',
      title: 'Alerts',
      page: 'alerts',
      scripts,
      data: {
        urlPattern: `${base === undefined ? 'https://<site>/' : base.endsWith('/') ? base : `${base}/`}alerts/<AlertName>/`,
        alerts: data.alerts.map((alert) => ({
          ...rowOf(alert.runbook, 'alerts/index.html', data),
          name: alert.name,
          alertHref: relativeUrl('alerts/index.html', alert.pages[0] ?? 'alerts/index.html'),
        })),
      },
    }),
  ));
  return files;
}

export function groupPages(data: CollectionView, groups: readonly Group[], folder: string, kindLabel: string, render: PageRenderer, scripts: readonly string[]): readonly Page[] {
  const files = groups.map((group) => page(group.page, () => {
    const team = folder === 'teams' ? teamOf(group.key, data.config) : undefined;
    return render({
      template: 'group',
      path: group.page,
      title: `${kindLabel} ${group.name}`,
      page: folder,
      scripts,
      data: {
        kindLabel,
        name: group.name,
        chat: team?.chat,
        contacts: team?.escalation ?? [],
        cheatsheetHref: folder === 'teams' ? SHEET_LINK_FROM_TEAM_PAGE : undefined,
        recovery: group.recovery === undefined ? undefined : { text: group.recovery.text, over: group.recovery.over === 1 ? '1 runbook' : `${group.recovery.over} runbooks` },
        rows: group.runbooks.map((entry) => rowOf(entry, group.page, data)),
      },
    });
  }));
  const indexPath = `${folder}/index.html`;
  files.push(page(indexPath, () =>
    render({
      template: 'groups',
      path: indexPath,
      title: `${kindLabel}s`,
      page: folder,
      scripts,
      data: { kindLabel: `${kindLabel}s`, groups: groups.map((group) => ({ name: group.name, href: relativeUrl(indexPath, group.page), count: group.runbooks.length })) },
    }),
  ));
  return files;
}

