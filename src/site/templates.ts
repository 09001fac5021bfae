import Handlebars from 'handlebars';
import { rootPrefix } from '../model/site-paths.js';
import { breakableNameHtml } from './name-breaks.js';
import { commandHtml } from './command-html.js';
import type { SiteFile } from './search-document.js';
import type { TemplateSet } from '../model/template-set.js';

export type { TemplateSet };

/** Everything the layout shows around a page. */
export interface PageFrame {
  readonly siteTitle: string;
  readonly runbookCount: number;
  readonly csp: string;
  readonly baseUrl: string | undefined;
  /** Whether the site has a Drills page to link to (the collection keeps drill records). */
  readonly drillsPage?: boolean;
}

/** One page to render: which template, where it goes, and its data. */
export interface PageRequest {
  readonly template: string;
  readonly path: string;
  readonly title: string;
  /** `data-page` on `<body>`, for scripts and styles. */
  readonly page: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly scripts?: readonly string[];
  readonly refresh?: string;
  /** `<link rel="canonical">`: the page's own URL, on a page also written at other paths (a runbook's lower-case variant). */
  readonly canonical?: string;
  /** Use absolute URLs from the base URL (the 404 page, served at any path). */
  readonly absolute?: boolean;
}

/** Compiled templates: a function from a page request to a site file. */
export type PageRenderer = (request: PageRequest) => SiteFile;

/**
 * Compiles a template set once (in its own Handlebars environment: no global state) and returns the
 * page renderer. Every value is HTML-escaped unless a template uses triple braces, which the
 * built-in templates do only for the sanitised body and the page content.
 */
export function compileTemplates(set: TemplateSet, frame: PageFrame): PageRenderer {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('breakable', (name: unknown) => new handlebars.SafeString(breakableNameHtml(String(name))));
  handlebars.registerHelper('command', (command: unknown) => new handlebars.SafeString(commandHtml(String(command))));
  for (const [name, text] of set.partials) handlebars.registerPartial(name, text);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, text] of set.pages) compiled.set(name, handlebars.compile(text, { strict: false, preventIndent: true }));
  const templateOf = (name: string): Handlebars.TemplateDelegate => {
    const template = compiled.get(name);
    if (template === undefined) throw new Error(`template \`${name}.hbs\` is missing from the templates folder`);
    return template;
  };
  const layout = templateOf('layout');
  return (request) => {
    const root = request.absolute === true && frame.baseUrl !== undefined ? ensureSlash(frame.baseUrl) : request.absolute === true ? '/' : rootPrefix(request.path);
    const common = { root, siteTitle: frame.siteTitle, runbookCount: frame.runbookCount, drillsPage: frame.drillsPage === true };
    const content = templateOf(request.template)({ ...common, ...request.data });
    const html = layout({
      ...common,
      content,
      csp: frame.csp,
      pageTitle: request.title,
      page: request.page,
      scripts: request.scripts ?? [],
      refresh: request.refresh,
      canonical: request.canonical,
    });
    return { path: request.path, content: html };
  };
}

function ensureSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
