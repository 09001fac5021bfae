/**
 * The cheat sheets inside the site: every team page links to its printable sheet at
 * `teams/<team>/cheatsheet/index.html`, with the sheet's stylesheet served from the assets: the
 * paper's (sheet.css) followed by the screen's (screen.css), so that it reads on a phone too.
 */
import type { CalendarDate } from '../model/calendar-date.js';
import type { SiteFile } from './search-document.js';
import type { CollectionView } from '../view/collection-view.js';
import type { TemplateSet } from '../model/template-set.js';
import { compileSheetHtml, SHEET_STYLESHEET, sheetPagePath, sheetTemplatesOf } from '../cheatsheet/html.js';
import { cheatSheets } from '../cheatsheet/sheet.js';
import type { SourceCommit } from '../model/source-commit.js';

/** What the site's sheets need besides the site's data. */
export interface SiteSheetsInput {
  readonly templates: TemplateSet;
  readonly today: CalendarDate;
  readonly commit: SourceCommit;
  /** The site's Content-Security-Policy. */
  readonly csp: string;
  /** Scripts every site page loads (`assets/site.js` wires the print button). */
  readonly scripts: readonly string[];
}

/** The sheet page of every team, and the sheet's stylesheet. */
export function siteCheatSheets(data: CollectionView, input: SiteSheetsInput): readonly SiteFile[] {
  const templates = sheetTemplatesOf(input.templates);
  const render = compileSheetHtml(templates);
  const selected = cheatSheets(data, { kind: 'every-team' }, { today: input.today, commit: input.commit });
  const sheets = selected.kind === 'sheets' ? selected.sheets : [];
  return [
    ...sheets.map((sheet): SiteFile => ({ path: sheetPagePath(sheet), content: render(sheet, { kind: 'site', csp: input.csp, scripts: input.scripts }) })),
    { path: SHEET_STYLESHEET, content: templates.css + screenCss(input.templates) },
  ];
}

/** `templates/cheatsheet/screen.css`: the sheet on a screen of the site (a phone gets one column). */
const SCREEN_CSS = 'screen.css';

function screenCss(set: TemplateSet): string {
  const css = set.cheatsheet.get(SCREEN_CSS);
  if (css === undefined) throw new Error(`template \`cheatsheet/${SCREEN_CSS}\` is missing from the templates folder`);
  return css;
}

/** The link from a team's page to its sheet (relative to the team page). */
export const SHEET_LINK_FROM_TEAM_PAGE = 'cheatsheet/index.html';
