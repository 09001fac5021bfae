/**
 * The HTML cheat sheet, made for paper: one self-contained file (inline CSS, no script, nothing
 * loaded from anywhere), or the same sheet as a page of the site, where the CSP forbids inline
 * styles and scripts, so the CSS is linked and the site's script wires a print button.
 */
import Handlebars from 'handlebars';
import { relativeUrl, rootPrefix } from '../model/site-paths.js';
import type { TemplateSet } from '../model/template-set.js';
import { blocksHtml, inlinesHtml, isWebUrl } from './prose-html.js';
import { commitText, moreBlocksNote, moreStepsNote, NO_STEPS_NOTE, proseNote, type CheatSheet, type SheetRunbook } from './sheet.js';

/** The sheet's template files (`templates/cheatsheet/`): the page and its print stylesheet. */
export interface SheetTemplates {
  /** `sheet.hbs`. */
  readonly page: string;
  /** `sheet.css`. */
  readonly css: string;
}

/** The names of the files in `templates/cheatsheet/`. */
const SHEET_TEMPLATE_FILES = { page: 'sheet.hbs', css: 'sheet.css' } as const;

/** Where the site serves the sheet's stylesheet. */
export const SHEET_STYLESHEET = 'assets/cheatsheet.css';

/** The standalone file allows its own inline style and nothing else: no script, no request. */
export const STANDALONE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Which of the two documents to make. */
export type HtmlVariant =
  | { readonly kind: 'standalone' }
  | {
      readonly kind: 'site';
      /** The site's Content-Security-Policy. */
      readonly csp: string;
      /** Scripts every site page loads, as site paths (`assets/site.js`). */
      readonly scripts: readonly string[];
    };

/** Compiled sheet templates: a function from a sheet to its HTML. */
export type SheetHtmlRenderer = (sheet: CheatSheet, variant: HtmlVariant) => string;

/**
 * Compiles the sheet template once, in its own Handlebars environment. Every value is escaped; the
 * triple-brace values are the stylesheet, which comes from the templates folder, and runbook text
 * made HTML by prose-html.ts, which escapes every text in it.
 */
export function compileSheetHtml(templates: SheetTemplates): SheetHtmlRenderer {
  if (/<\/style/i.test(templates.css)) throw new Error(`templates/cheatsheet/${SHEET_TEMPLATE_FILES.css} must not contain \`</style\``);
  const template = Handlebars.create().compile(templates.page, { strict: false, preventIndent: true });
  return (sheet, variant) => template(context(sheet, variant, templates.css));
}

/** Where the site variant of a sheet goes: `teams/<team>/cheatsheet/index.html`. */
export function sheetPagePath(sheet: CheatSheet): string {
  return sheet.page.replace(/index\.html$/, 'cheatsheet/index.html');
}

function context(sheet: CheatSheet, variant: HtmlVariant, css: string): Readonly<Record<string, unknown>> {
  const path = sheetPagePath(sheet);
  const site = variant.kind === 'site';
  return {
    site,
    csp: variant.kind === 'site' ? variant.csp : STANDALONE_CSP,
    css: site ? undefined : css,
    stylesheet: site ? relativeUrl(path, SHEET_STYLESHEET) : undefined,
    scripts: variant.kind === 'site' ? variant.scripts.map((script) => rootPrefix(path) + script) : [],
    backHref: '../index.html',
    title: `${sheet.name}: on-call cheat sheet`,
    kindLabel: sheet.kind === 'team' ? 'Team' : 'Service',
    name: sheet.name,
    isService: sheet.kind === 'service',
    teams: sheet.teams.map((team) => ({ ...team, contacts: team.contacts.map((contact, index) => ({ ...contact, number: index + 1 })) })),
    count: `${sheet.runbooks.length} runbook${sheet.runbooks.length === 1 ? '' : 's'}, most severe first`,
    runbooks: sheet.runbooks.map((runbook) => runbookContext(runbook, site ? path : undefined)),
    generated: sheet.generated,
    commit: commitText(sheet.commit),
    command: site ? 'runbook build' : 'runbook cheatsheet',
  };
}

function runbookContext(runbook: SheetRunbook, sitePath: string | undefined): Readonly<Record<string, unknown>> {
  return {
    ...runbook,
    steps: runbook.steps.map((step) => ({
      textHtml: inlinesHtml(step.textInlines),
      run: step.run?.replace(/\s+$/, ''),
      expectHtml: step.expectInlines === undefined ? undefined : inlinesHtml(step.expectInlines),
    })),
    prose: runbook.prose === undefined ? undefined : { note: proseNote(runbook.prose), html: blocksHtml(runbook.prose.blocks) },
    noSteps: NO_STEPS_NOTE,
    more: runbook.moreSteps > 0 ? moreStepsNote(runbook.moreSteps) : runbook.prose !== undefined && runbook.prose.moreBlocks > 0 ? moreBlocksNote(runbook.prose.moreBlocks) : undefined,
    // Standalone, a path in the repository is printed as a path: a link to it would lead nowhere.
    href: sitePath !== undefined ? relativeUrl(sitePath, runbook.link.page) : isWebUrl(runbook.link.url) ? runbook.link.url : undefined,
    // Inside the site the link is relative (it works offline); paper gets the URL to type.
    printedUrl: sitePath === undefined ? undefined : runbook.link.url,
  };
}

/** The sheet's files from a template set; a missing one is a broken templates folder. */
export function sheetTemplatesOf(set: TemplateSet): SheetTemplates {
  const page = set.cheatsheet.get(SHEET_TEMPLATE_FILES.page);
  const css = set.cheatsheet.get(SHEET_TEMPLATE_FILES.css);
  if (page === undefined || css === undefined) {
    const missing = page === undefined ? SHEET_TEMPLATE_FILES.page : SHEET_TEMPLATE_FILES.css;
    throw new Error(`template \`cheatsheet/${missing}\` is missing from the templates folder`);
  }
  return { page, css };
}
