/**
 * The whole pure pipeline on one file's bytes, as the CLI runs it: parse (with rendering), check,
 * build the site, make the team cheat sheets in every format and the `show` card. Shared by the
 * property tests and the hostile-input tests.
 */
import { runChecks } from '../../src/check/run.js';
import { renderSheetMarkdown } from '../../src/cheatsheet/markdown.js';
import { compileSheetHtml, sheetTemplatesOf } from '../../src/cheatsheet/html.js';
import { cheatSheets } from '../../src/cheatsheet/sheet.js';
import { renderSheetText } from '../../src/cheatsheet/text.js';
import { loadTemplates } from '../../src/io/templates.js';
import type { Config } from '../../src/model/config.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Loaded } from '../../src/model/runbook.js';
import { cardText } from '../../src/oncall/card-text.js';
import { cardOf } from '../../src/oncall/card.js';
import { parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { palette } from '../../src/report/ansi.js';
import { buildSite } from '../../src/site/build-site.js';
import type { SiteFile } from '../../src/site/search-document.js';
import { collectionView } from '../../src/view/collection-view.js';
import { TODAY } from '../helpers.js';

/** A config with teams (so team pages and cheat sheets are made), one of them with a hostile name. */
export const CONFIG: Config = parseConfig(
  [
    'root: runbooks',
    'teams:',
    '  data:',
    '    name: Data',
    '    chat: "#data-oncall"',
    '    escalation:',
    '      - {name: Data on-call, via: pager, target: data-primary}',
    '  "../../<b>":',
    '    name: "<script>x()</script>"',
    'site: {base_url: "https://runbooks.example.com/docs/"}',
  ].join('\n'),
  '/collection/runbook.config.yaml',
);

export const TEMPLATES = loadTemplates(undefined);
const SHEET_HTML = compileSheetHtml(sheetTemplatesOf(TEMPLATES));

/** What the pipeline made of one file. */
export interface PipelineResult {
  readonly text: string | undefined;
  readonly loaded: Loaded;
  readonly diagnostics: readonly Diagnostic[];
  readonly site: readonly SiteFile[];
  /** Cheat sheets (text, Markdown, standalone HTML) and the `show` card, when the file is a runbook. */
  readonly rendered: readonly string[];
}

/** Runs the pipeline on `bytes` read as `runbooks/<id>.md`. */
export function runPipeline(bytes: Uint8Array, config: Config = CONFIG, id = 'fuzzed'): PipelineResult {
  const path = `${config.root}/${id}.md`;
  const file = `runbooks/${id}.md`;
  const loaded = parseRunbook({ id, file, path, bytes }, config, { render: true });
  const diagnostics = runChecks([loaded], { config, today: TODAY, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks' });
  if (loaded.kind !== 'runbook') return { text: undefined, loaded, diagnostics, site: [], rendered: [] };
  const runbooks = [loaded.runbook];
  const site = buildSite({
    runbooks,
    bodies: new Map([[loaded.runbook.path, loaded.body]]),
    diagnostics,
    config,
    today: TODAY,
    git: { kind: 'none' },
    templates: TEMPLATES,
  });
  const data = collectionView(runbooks, diagnostics, config, TODAY, { kind: 'none' });
  const sheets = cheatSheets(data, { kind: 'every-team' }, { today: TODAY, commit: { kind: 'unknown' } });
  const rendered: string[] = [];
  if (sheets.kind === 'sheets') {
    for (const sheet of sheets.sheets) rendered.push(renderSheetText(sheet), renderSheetMarkdown(sheet), SHEET_HTML(sheet, { kind: 'standalone' }));
  }
  const [view] = data.runbooks;
  if (view === undefined) throw new Error('bug: no view of the runbook');
  const card = cardOf(view);
  rendered.push(cardText(card, palette(false)), cardText(card, palette(true)));
  return { text: new TextDecoder().decode(bytes), loaded, diagnostics, site, rendered };
}

/**
 * Problems with where diagnostics point: every diagnostic on the file must have a line of the file
 * (lines counted with any line ending, or with `\n` only, as the YAML parser does) and a column on
 * that line or just after its end. Run-wide diagnostics (on the root) are not located in the file.
 */
export function locationProblems(bytes: Uint8Array, result: PipelineResult): readonly string[] {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const splits = [text.split(/\r\n|\r|\n/), text.split('\n')];
  const problems: string[] = [];
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.file !== 'runbooks/fuzzed.md') continue;
    for (const point of [diagnostic.span.start, diagnostic.span.end]) {
      const { line, column } = point;
      const fits = splits.some((lines) => {
        const content = lines[line - 1];
        return Number.isInteger(line) && Number.isInteger(column) && line >= 1 && column >= 1 && content !== undefined && column <= content.length + 1;
      });
      if (!fits) problems.push(`${diagnostic.ruleId} at ${line}:${column} is not in the file (${splits[0]?.length ?? 0} lines): ${diagnostic.message.slice(0, 200)}`);
    }
  }
  return problems;
}
