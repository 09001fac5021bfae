import type { GitFacts } from '../model/git-facts.js';
import { SHEET_LINK_FROM_TEAM_PAGE, siteCheatSheets } from './cheatsheet-pages.js';
import { SHEET_STYLESHEET } from '../cheatsheet/html.js';
import type { SourceCommit } from '../model/source-commit.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { BodyPiece, RenderedBody, Runbook } from '../model/runbook.js';
import { catalogJson } from './catalog.js';
import { relativeUrl } from '../model/site-paths.js';
import { teamOf } from '../model/team-lookup.js';
import { lastTestedOf } from '../view/review.js';
import { resolveLinks } from './resolve-links.js';
import { buildSearchIndex } from './search-index.js';
import type { SearchDocument, SiteFile } from './search-document.js';
import { collectionView, type Group, type CollectionView, type RunbookView } from '../view/collection-view.js';
import { STATUS_ORDER, statusLabel } from '../view/status.js';
import { compileTemplates, type PageRenderer } from './templates.js';
import type { TemplateSet } from '../model/template-set.js';

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
  return planSite(input).all();
}

/** How a plan keeps what it made. */
export interface PlanOptions {
  /**
   * Keep every page made, so that asking again costs nothing (`serve`); false for a build, which
   * asks for each file once and writes it, so that the site is never in memory whole.
   */
  readonly remember: boolean;
}

/** A site whose files are made when asked for: `serve` renders only the pages a browser requests. */
export interface SitePlan {
  /** The content of the file at `path` (made on first request), or undefined when the site has none. */
  file(path: string): SiteFile['content'] | undefined;
  /** The path of every file (makes the bundles, which are made whole). */
  paths(): readonly string[];
  /** Every file, sorted by path. */
  all(): readonly SiteFile[];
}

/** A file that is made only when asked for. */
interface Page {
  readonly path: string;
  readonly make: () => SiteFile['content'];
}

/** Files made together (the search index, the cheat sheets), when any path they may hold is asked for. */
interface Bundle {
  readonly holds: (path: string) => boolean;
  readonly make: () => readonly SiteFile[];
}

/** Plans the site: computes what every page shows (cheap), and renders nothing until asked. */
export function planSite(input: SiteInput, options: PlanOptions = { remember: true }): SitePlan {
  const data = collectionView(input.runbooks, input.diagnostics, input.config, input.today, input.git);
  const render = compileTemplates(input.templates, {
    siteTitle: input.config.site.title,
    runbookCount: data.runbooks.length,
    csp: CONTENT_SECURITY_POLICY,
    baseUrl: input.config.site.baseUrl,
  });
  const extra = input.extraScripts ?? [];
  const everyPage = ['assets/site.js', ...extra];
  const runbookPages = data.runbooks.map((entry): Page => page(entry.page, () => runbookPage(entry, input.bodies.get(entry.runbook.path), data, render, everyPage)));
  const pages: Page[] = [
    ...runbookPages,
    page('index.html', () => indexPage(data, render, [...everyPage, ...SEARCH_SCRIPTS])),
    ...alertPages(data, render, everyPage),
    ...groupPages(data, data.teams, 'teams', 'Team', render, everyPage),
    ...groupPages(data, data.services, 'services', 'Service', render, everyPage),
    page('404.html', () => render({ template: '404', path: '404.html', title: 'Not found', page: '404', data: {}, scripts: [...everyPage, ...SEARCH_SCRIPTS], absolute: true })),
    { path: 'catalog.json', make: () => catalogJson(data) },
    ...[...input.templates.assets].map(([path, text]): Page => ({ path: `assets/${path}`, make: () => text })),
  ];
  const bundles: Bundle[] = [
    { holds: (path) => path.startsWith('search/'), make: () => buildSearchIndex(data.runbooks.map((entry) => searchDocument(entry, input.bodies.get(entry.runbook.path)))) },
    {
      holds: (path) => path.endsWith('/cheatsheet/index.html') || path === SHEET_STYLESHEET,
      make: () => siteCheatSheets(data, { templates: input.templates, today: input.today, commit: input.commit ?? { kind: 'unknown' }, csp: CONTENT_SECURITY_POLICY, scripts: everyPage }),
    },
  ];
  let done = 0;
  const runbookPaths = new Set(runbookPages.map((entry) => entry.path));
  return lazyPlan(pages, bundles, options, (path) => {
    if (runbookPaths.has(path)) input.onProgress?.(++done, runbookPages.length);
  });
}

/** Makes each page on request (at most once when remembering) and each bundle at most once. */
function lazyPlan(pages: readonly Page[], bundles: readonly Bundle[], options: PlanOptions, onMade: (path: string) => void): SitePlan {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const made = new Map<string, SiteFile['content']>();
  const bundleFiles = bundles.map((bundle) => ({ bundle, files: undefined as ReadonlyMap<string, SiteFile['content']> | undefined }));
  const filesOf = (entry: (typeof bundleFiles)[number]): ReadonlyMap<string, SiteFile['content']> => {
    entry.files ??= new Map(entry.bundle.make().map((file) => [file.path, file.content]));
    return entry.files;
  };
  const file = (path: string): SiteFile['content'] | undefined => {
    const page = byPath.get(path);
    if (page !== undefined) {
      let text = made.get(path);
      if (text === undefined) {
        text = page.make();
        if (options.remember) made.set(path, text);
        onMade(path);
      }
      return text;
    }
    for (const entry of bundleFiles) {
      if (entry.bundle.holds(path)) {
        const text = filesOf(entry).get(path);
        if (text !== undefined) return text;
      }
    }
    return undefined;
  };
  const paths = (): readonly string[] => {
    const all = new Set(byPath.keys());
    for (const entry of bundleFiles) for (const path of filesOf(entry).keys()) all.add(path);
    return [...all].sort();
  };
  return {
    file,
    paths,
    all: () => paths().map((path) => ({ path, content: file(path) ?? '' })),
  };
}

/** What the search index knows of one runbook. */
function searchDocument(entry: RunbookView, rendered: RenderedBody | undefined): SearchDocument {
  const { runbook } = entry;
  return {
    id: runbook.id,
    url: entry.page,
    title: runbook.title,
    alerts: runbook.alerts.map((alert) => alert.value),
    service: entry.service,
    owner: entry.owner,
    severity: entry.severity?.id,
    status: entry.status.label,
    tags: runbook.tags,
    headings: runbook.headings.map((heading) => heading.text),
    text: rendered?.kind === 'rendered' ? rendered.text : '',
  };
}

function runbookPage(
  entry: RunbookView,
  rendered: RenderedBody | undefined,
  data: CollectionView,
  render: PageRenderer,
  scripts: readonly string[],
): SiteFile {
  const { runbook, status, page } = entry;
  const body =
    rendered?.kind === 'rendered'
      ? resolveLinks(withoutTitleHeading(rendered.pieces, runbook.title), runbook, { pagePath: page, pageOfFile: (path) => data.pageOfFile.get(path) })
      : '';
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
  const review = entry.review;
  return render({
    template: 'runbook',
    path: page,
    title: runbook.title,
    page: 'runbook',
    scripts,
    data: {
      ...rowOf(entry, page, data),
      id: runbook.id,
      file: runbook.file,
      steps: entry.steps,
      contacts: entry.escalation.contacts,
      contactsFrom: entry.escalation.source === 'runbook' ? undefined : teamOf(entry.owner, data.config)?.name,
      chat: entry.team?.chat,
      links: runbook.links,
      banner,
      problems: banner === undefined ? [] : status.problems.map((problem) => ({ ...problem, line: problem.span.start.line, column: problem.span.start.column })),
      lastTestedText: review.kind === 'never-tested' ? 'never' : lastTestedOf(review),
      lastEdited: entry.lastEdited,
      body,
    },
  });
}

/** The body without an opening H1 that repeats the title: the page already shows it as its heading. */
function withoutTitleHeading(pieces: readonly BodyPiece[], title: string): readonly BodyPiece[] {
  const [first, ...rest] = pieces;
  return first?.kind === 'opening-h1' && first.text.trim() === title.trim() ? rest : pieces;
}

/** The fields every listing of a runbook shows, with links relative to `fromPage`. */
function rowOf(entry: RunbookView, fromPage: string, data: CollectionView) {
  const team = data.teams.find((group) => group.key === entry.owner);
  const service = data.services.find((group) => group.key === entry.service);
  return {
    title: entry.runbook.title,
    href: relativeUrl(fromPage, entry.page),
    alerts: entry.alerts,
    owner: entry.owner,
    service: entry.service,
    teamHref: team === undefined ? undefined : relativeUrl(fromPage, team.page),
    serviceHref: service === undefined ? undefined : relativeUrl(fromPage, service.page),
    severity: entry.severity,
    status: entry.status,
  };
}

function indexPage(data: CollectionView, render: PageRenderer, scripts: readonly string[]): SiteFile {
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

function alertPages(data: CollectionView, render: PageRenderer, scripts: readonly string[]): readonly Page[] {
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

function groupPages(data: CollectionView, groups: readonly Group[], folder: string, kindLabel: string, render: PageRenderer, scripts: readonly string[]): readonly Page[] {
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

/** A page at `path` that `render` makes when asked for. */
function page(path: string, make: () => SiteFile): Page {
  return { path, make: () => make().content };
}
