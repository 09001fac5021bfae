import type { GitFacts } from '../check/rule.js';
import { SHEET_LINK_FROM_TEAM_PAGE, siteCheatSheets } from '../cheatsheet/site-pages.js';
import type { SourceCommit } from '../cheatsheet/sheet.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { formatCalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RenderedBody, Runbook } from '../model/runbook.js';
import { catalogJson } from './catalog.js';
import { relativeUrl } from './paths.js';
import { resolveLinks } from './resolve-links.js';
import { buildSearchIndex } from './search-index.js';
import type { SearchDocument, SiteFile } from './search-document.js';
import { siteData, type Group, type SiteData, type SiteRunbook } from './site-data.js';
import { STATUS_ORDER, statusLabel } from './status.js';
import { compileTemplates, type PageRenderer, type TemplateSet } from './templates.js';

/** The inputs of a site build: plain values, read by the shell. */
export interface SiteInput {
  readonly runbooks: readonly Runbook[];
  /** Each runbook's rendered body, by absolute path (see `parseRunbook` with `render`). */
  readonly bodies: ReadonlyMap<string, RenderedBody>;
  readonly diagnostics: readonly Diagnostic[];
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
  readonly templates: TemplateSet;
  /** Extra scripts on every page (the live-reload client of `serve`). */
  readonly extraScripts?: readonly string[];
  /** The commit the site is built from, printed on the cheat sheets (default: unknown). */
  readonly commit?: SourceCommit;
  /** Called after each runbook page, for progress on a terminal. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Only the site's own files: no inline script, no external anything. `connect-src` for `serve`'s reload events. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The scripts that run the search, in order (see templates/assets/search.js). */
export const SEARCH_SCRIPTS: readonly string[] = ['assets/search-core.js', 'assets/search.js'];

/**
 * Builds the whole site as a list of files, sorted by path: pages, alert redirects, team and
 * service pages, the search index, `catalog.json` and the assets. Pure: same input, same bytes.
 */
export function buildSite(input: SiteInput): readonly SiteFile[] {
  const data = siteData(input.runbooks, input.diagnostics, input.config, input.today, input.git);
  const render = compileTemplates(input.templates, {
    siteTitle: input.config.site.title,
    runbookCount: data.runbooks.length,
    csp: CONTENT_SECURITY_POLICY,
    baseUrl: input.config.site.baseUrl,
  });
  const extra = input.extraScripts ?? [];
  const everyPage = ['assets/site.js', ...extra];
  const files: SiteFile[] = [];
  const searchDocuments: SearchDocument[] = [];
  for (const entry of data.runbooks) {
    const { file, document } = runbookPage(entry, input.bodies.get(entry.runbook.path), data, render, everyPage);
    files.push(file);
    searchDocuments.push(document);
    input.onProgress?.(searchDocuments.length, data.runbooks.length);
  }
  files.push(indexPage(data, render, [...everyPage, ...SEARCH_SCRIPTS]));
  files.push(...alertPages(data, render, everyPage));
  files.push(...groupPages(data, data.teams, 'teams', 'Team', render, everyPage));
  files.push(...groupPages(data, data.services, 'services', 'Service', render, everyPage));
  files.push(...siteCheatSheets(data, { templates: input.templates, today: input.today, commit: input.commit ?? { kind: 'unknown' }, csp: CONTENT_SECURITY_POLICY, scripts: everyPage }));
  files.push(
    render({ template: '404', path: '404.html', title: 'Not found', page: '404', data: {}, scripts: [...everyPage, ...SEARCH_SCRIPTS], absolute: true }),
  );
  files.push(...buildSearchIndex(searchDocuments));
  files.push({ path: 'catalog.json', content: catalogJson(data) });
  for (const [path, content] of input.templates.assets) files.push({ path: `assets/${path}`, content });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function runbookPage(
  entry: SiteRunbook,
  rendered: RenderedBody | undefined,
  data: SiteData,
  render: PageRenderer,
  scripts: readonly string[],
): { file: SiteFile; document: SearchDocument } {
  const { runbook, status, page } = entry;
  const body =
    rendered?.kind === 'rendered'
      ? { html: withoutTitleHeading(resolveLinks(rendered.html, runbook, { pagePath: page, pageOfFile: (path) => data.pageOfFile.get(path) }), runbook.title), text: rendered.text }
      : { html: '', text: '' };
  const team = teamOf(entry, data);
  const contacts = runbook.escalation.length > 0 ? runbook.escalation : (team?.escalation ?? []);
  const banner =
    status.kind === 'stale'
      ? `Stale: the recovery steps were last tested ${status.lastTested ?? '?'} and were due ${status.due ?? '?'}. They may no longer work.`
      : status.kind === 'never-tested'
        ? 'Never tested: these recovery steps have never been exercised.'
        : status.kind === 'incomplete'
          ? 'Incomplete: this runbook has problems.'
          : status.kind === 'due-soon'
            ? `Review due ${status.due ?? ''}.`
            : undefined;
  const lastTested = runbook.lastTested;
  const file = render({
    template: 'runbook',
    path: page,
    title: runbook.title,
    page: 'runbook',
    scripts,
    data: {
      ...rowOf(entry, page, data),
      id: runbook.id,
      file: runbook.file,
      steps: runbook.recovery.source === 'none' ? [] : runbook.recovery.steps,
      contacts,
      contactsFrom: runbook.escalation.length > 0 ? undefined : team?.name,
      chat: team?.chat,
      links: runbook.links,
      banner,
      problems: banner === undefined ? [] : status.problems.map((problem) => ({ ...problem, line: problem.span.start.line, column: problem.span.start.column })),
      lastTestedText: lastTested.kind === 'given' ? (lastTested.value.kind === 'never' ? 'never' : formatCalendarDate(lastTested.value.date)) : undefined,
      lastEdited: entry.lastEdited,
      body: body.html,
    },
  });
  const document: SearchDocument = {
    id: runbook.id,
    url: page,
    title: runbook.title,
    alerts: runbook.alerts.map((alert) => alert.value),
    service: entry.service,
    owner: entry.owner,
    severity: entry.severity?.id,
    status: status.label,
    tags: runbook.tags,
    headings: runbook.headings.map((heading) => heading.text),
    text: body.text,
  };
  return { file, document };
}

/** The body without an opening H1 that repeats the title: the page already shows it as its heading. */
function withoutTitleHeading(html: string, title: string): string {
  const match = /^<h1\b[^>]*>([^<]*)<\/h1>\n?/.exec(html);
  const text = match?.[1]?.replace(/&#x26;|&amp;/g, '&').replace(/&#x3C;|&lt;/g, '<').trim();
  return match !== null && text === title.trim() ? html.slice(match[0].length) : html;
}

function teamOf(entry: SiteRunbook, data: SiteData) {
  const teams = data.config.teams;
  return teams.kind === 'listed' && entry.owner !== undefined ? teams.byId.get(entry.owner) : undefined;
}

/** The fields every listing of a runbook shows, with links relative to `fromPage`. */
function rowOf(entry: SiteRunbook, fromPage: string, data: SiteData) {
  const team = data.teams.find((group) => group.key === entry.owner);
  const service = data.services.find((group) => group.key === entry.service);
  return {
    title: entry.runbook.title,
    href: relativeUrl(fromPage, entry.page),
    alerts: entry.runbook.alerts.map((alert) => alert.value),
    owner: entry.owner,
    service: entry.service,
    teamHref: team === undefined ? undefined : relativeUrl(fromPage, team.page),
    serviceHref: service === undefined ? undefined : relativeUrl(fromPage, service.page),
    severity: entry.severity,
    status: entry.status,
  };
}

function indexPage(data: SiteData, render: PageRenderer, scripts: readonly string[]): SiteFile {
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

function alertPages(data: SiteData, render: PageRenderer, scripts: readonly string[]): readonly SiteFile[] {
  const files: SiteFile[] = [];
  for (const alert of data.alerts) {
    for (const path of alert.pages) {
      const href = relativeUrl(path, alert.runbook.page);
      files.push(
        render({
          template: 'alert',
          path,
          title: alert.name,
          page: 'alert',
          scripts,
          refresh: href,
          data: { alert: alert.name, href, title: alert.runbook.runbook.title, owner: alert.runbook.owner },
        }),
      );
    }
  }
  const base = data.config.site.baseUrl;
  files.push(
    render({
      template: 'alerts',
      path: 'alerts/index.html',
      title: 'Alerts',
      page: 'alerts',
      scripts,
      data: {
        urlPattern: `${base === undefined ? 'https://<site>/' : base.endsWith('/') ? base : `${base}/`}alerts/{{ $labels.alertname }}/`,
        alerts: data.alerts.map((alert) => ({
          ...rowOf(alert.runbook, 'alerts/index.html', data),
          name: alert.name,
          alertHref: relativeUrl('alerts/index.html', alert.pages[0] ?? 'alerts/index.html'),
        })),
      },
    }),
  );
  return files;
}

function groupPages(data: SiteData, groups: readonly Group[], folder: string, kindLabel: string, render: PageRenderer, scripts: readonly string[]): readonly SiteFile[] {
  const files = groups.map((group) => {
    const team = folder === 'teams' && data.config.teams.kind === 'listed' ? data.config.teams.byId.get(group.key) : undefined;
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
        rows: group.runbooks.map((entry) => rowOf(entry, group.page, data)),
      },
    });
  });
  const indexPath = `${folder}/index.html`;
  files.push(
    render({
      template: 'groups',
      path: indexPath,
      title: `${kindLabel}s`,
      page: folder,
      scripts,
      data: { kindLabel: `${kindLabel}s`, groups: groups.map((group) => ({ name: group.name, href: relativeUrl(indexPath, group.page), count: group.runbooks.length })) },
    }),
  );
  return files;
}
