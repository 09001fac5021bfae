/**
 * The site: what it is made of (\`SiteInput\`) and its plan (\`planSite\`): every page, bundle and
 * asset with the function that makes it. The pages' view models are in runbook-page.ts and
 * listing-pages.ts; the engine that makes files on request is site-plan.ts.
 */
import type { CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DrillRecordFile } from '../model/drill.js';
import type { GitFacts } from '../model/git-facts.js';
import type { RenderedBody, Runbook } from '../model/runbook.js';
import type { SourceCommit } from '../model/source-commit.js';
import type { TemplateSet } from '../model/template-set.js';
import { SHEET_STYLESHEET } from '../cheatsheet/html.js';
import { SITE_DUE_PATH, siteDueCalendar } from '../due/due-ics.js';
import { collectionView } from '../view/collection-view.js';
import { catalogJson } from './catalog.js';
import { siteHasDrills } from './drill-section.js';
import { DRILLS_PAGE, drillsPage } from './drills-page.js';
import { siteCheatSheets } from './cheatsheet-pages.js';
import { alertPages, groupPages, indexPage } from './listing-pages.js';
import { runbookPage, searchDocument } from './runbook-page.js';
import { canonicalRender, withVariants } from './runbook-variants.js';
import { buildSearchIndex } from './search-index.js';
import type { SiteFile } from './search-document.js';
import { lazyPlan, page, type Bundle, type Page, type PlanOptions, type SitePlan } from './site-plan.js';
import { compileTemplates } from './templates.js';
import { frameDigest, pageKeys } from './page-input.js';

/** The inputs of a site build: plain values, read by the shell. */
export interface SiteInput {
  readonly runbooks: readonly Runbook[];
  /** Each runbook's rendered body, by absolute path (see `parseRunbook` with `render`). */
  readonly bodies: ReadonlyMap<string, RenderedBody>;
  readonly diagnostics: readonly Diagnostic[];
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
  /** The valid drill records (`Project.drills`); none by default. */
  readonly drills?: readonly DrillRecordFile[];
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
const SEARCH_SCRIPTS: readonly string[] = ['assets/search-core.js', 'assets/search.js'];

/**
 * Builds the whole site as a list of files, sorted by path: pages, alert redirects, team and
 * service pages, the search index, `catalog.json` and the assets. Pure: same input, same bytes.
 */
export function buildSite(input: SiteInput): readonly SiteFile[] {
  return planSite(input).all();
}

/** Plans the site: computes what every page shows (cheap), and renders nothing until asked. */
export function planSite(input: SiteInput, options: PlanOptions = { remember: true }): SitePlan {
  const data = collectionView(input.runbooks, input.diagnostics, input.config, input.today, input.git, undefined, input.drills);
  const drills = siteHasDrills(data);
  const frame = {
    siteTitle: input.config.site.title,
    runbookCount: data.runbooks.length,
    csp: CONTENT_SECURITY_POLICY,
    baseUrl: input.config.site.baseUrl,
    drillsPage: drills,
  };
  // Every page is rendered through `keys.render`, so that each can be keyed by its request (page-input.ts).
  const keys = pageKeys(compileTemplates(input.templates, frame), frameDigest(input.templates, frame));
  const render = keys.render;
  const extra = input.extraScripts ?? [];
  const everyPage = ['assets/site.js', ...extra];
  const runbookPages = data.runbooks.map((entry): Page => page(entry.page, () => runbookPage(entry, input.bodies.get(entry.runbook.path), data, canonicalRender(entry, render), everyPage)));
  const rendered = [
    ...runbookPages,
    page('index.html', () => indexPage(data, render, [...everyPage, ...SEARCH_SCRIPTS])),
    ...alertPages(data, render, everyPage),
    ...groupPages(data, data.teams, 'teams', 'Team', render, everyPage),
    ...groupPages(data, data.services, 'services', 'Service', render, everyPage),
    ...(drills ? [page(DRILLS_PAGE, () => drillsPage(data, render, everyPage))] : []),
    page('404.html', () => render({ template: '404', path: '404.html', title: 'Not found', page: '404', data: {}, scripts: [...everyPage, ...SEARCH_SCRIPTS], absolute: true })),
  ];
  const pages = withVariants(data.runbooks, [
    ...rendered.map((entry) => keys.keyed(entry)),
    { path: 'catalog.json', make: () => catalogJson(data) },
    { path: SITE_DUE_PATH, make: () => siteDueCalendar(data, input.today) },
    ...[...input.templates.assets].map(([path, text]): Page => ({ path: `assets/${path}`, make: () => text })),
  ]);
  const bundles: Bundle[] = [
    { holds: (path) => path.startsWith('search/'), make: () => buildSearchIndex(data.runbooks.map((entry) => searchDocument(entry, input.bodies.get(entry.runbook.path))), { synonyms: input.config.search.synonyms }) },
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

