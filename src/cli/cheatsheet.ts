import { dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { compileSheetHtml, sheetTemplatesOf } from '../cheatsheet/html.js';
import { isTextFormat, SHEET_FORMATS, TEXT_RENDERERS, type SheetFormat } from '../cheatsheet/formats.js';
import { cheatSheets, type CheatSheet, type SheetSelection } from '../cheatsheet/sheet.js';
import type { SourceCommit } from '../model/source-commit.js';
import { findChromium, printPdfs, type PaperFormat } from '../io/chromium.js';
import { displayPath } from '../io/discover.js';
import { readHeadCommit } from '../io/head-commit.js';
import type { Io } from '../io/io.js';
import { commonFolder } from '../io/project-inputs.js';
import { loadProject } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import { configuredTemplates } from '../io/templates.js';
import { writeFileAtomic } from '../io/write-file.js';
import { guardedFolders, outputLinkRefusal } from '../io/output-path.js';
import { OutputError } from '../io/site-output.js';
import type { Config } from '../model/config.js';
import { collectionView } from '../view/collection-view.js';
import { EXIT } from './exit-codes.js';
import { resolveToday } from './today.js';
import { UsageError } from './usage-error.js';

/** The options of `runbook cheatsheet`, as commander hands them over. */
interface CheatsheetOptions {
  readonly team?: string;
  readonly service?: string | true;
  readonly format: SheetFormat;
  readonly paper: PaperFormat;
  readonly out?: string;
  readonly baseUrl?: string;
  readonly config?: string;
  readonly today?: string;
  readonly git: boolean;
}

/** Where sheets are written when `--out` is not given. */
const DEFAULT_OUT = 'cheatsheets';

/** `runbook cheatsheet [paths…]`: printable one-or-two-page sheets per team or service. */
export function cheatsheetCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('cheatsheet')
    .summary('print-ready cheat sheets: per team (or service), most severe runbook first')
    .description(
      'Makes one cheat sheet per team (or per service with --service): the team, its chat and escalation contacts, then ' +
        'every runbook most severe first with its alerts, status (stale ones flagged with their last-tested date), its recovery ' +
        'steps with their commands and what to expect (as many as the two pages hold, at least five), and where the full runbook is. Made for paper: a team of ten runbooks ' +
        'fits on two printed pages, A4 or Letter.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .addOption(new Option('--team <team>', 'only the sheet of this team (its id, or its name)').conflicts('service'))
    .option('--service [service]', 'sheets per service instead of per team; with a name, only that service')
    .addOption(new Option('-f, --format <format>', 'output format').choices(SHEET_FORMATS).default('html'))
    .addOption(new Option('--paper <size>', 'paper size of --format pdf').choices(['A4', 'Letter']).default('A4'))
    .option('-o, --out <dir>', `folder the sheets are written to (default: ${DEFAULT_OUT}/)`)
    .option('--base-url <url>', 'absolute URL the site is served from (links to the full runbooks; default: site.baseUrl)')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the date statuses are computed for and printed on the sheet (default: today in UTC)')
    .option('--no-git', 'do not ask git which commit the sheets are made from (printed as `unknown`)')
    .addHelpText(
      'after',
      `
Output:
  <out>/<team>.<format>      one file per sheet, written atomically (default out: ${DEFAULT_OUT}/);
                             <service>.<format> with --service
  stdout                     with --format md or txt, one sheet selected (--team T or --service S)
                             and no --out: the sheet is printed, for pasting into chat
  html                       one self-contained file: inline CSS, no script, nothing loaded from anywhere;
                             print it from any browser (the site has the same sheet, with a print button,
                             at teams/<team>/cheatsheet/)
  md, txt                    for chat and terminals; txt wraps prose at 80 columns, commands stay whole
  pdf                        printed by headless Chromium (CHROMIUM_PATH, or /usr/bin/chromium); without
                             Chromium it fails with exit 2: use --format html and print from a browser

Each sheet ends with the date it was made (--today, else the clock's date) and the commit of the
runbooks (git rev-parse --short HEAD, \`unknown\` without git), so a printout says how old it is.

Exit codes: 0 written, 2 bad usage, no such team or service, no Chromium for pdf, or the run failed.

Examples:
  $ runbook cheatsheet                                # cheatsheets/<team>.html for every team
  $ runbook cheatsheet --team platform --format pdf --paper Letter
  $ runbook cheatsheet --team platform --format md    # to stdout, for chat
  $ runbook cheatsheet --service --format txt --out sheets`,
    )
    .action(async (paths: string[], options: CheatsheetOptions) => {
      setExit(await runCheatsheet(paths, options, io));
    });
}

async function runCheatsheet(paths: readonly string[], options: CheatsheetOptions, io: Io): Promise<number> {
  const today = resolveToday(options.today, io.now);
  if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) throw new UsageError(`invalid --base-url \`${options.baseUrl}\`, expected an absolute URL`);
  const chromium = options.format === 'pdf' ? findChromium(io.env) : undefined;
  if (chromium?.kind === 'missing') {
    io.stderr.write(
      `runbook cheatsheet: --format pdf needs Chromium, which was not found (looked at ${chromium.looked.join(', ')}). ` +
        'Install it (apt-get install chromium) or set CHROMIUM_PATH, or use --format html and print the file from a browser.\n',
    );
    return EXIT.failure;
  }
  const project = await loadProject({ cwd: io.cwd, paths, config: options.config, today, git: options.git }, NODE_SHELL);
  const config: Config = options.baseUrl === undefined ? project.config : { ...project.config, site: { ...project.config.site, baseUrl: options.baseUrl } };
  const commit: SourceCommit = options.git ? await readHeadCommit(commonFolder(project.found.map((file) => dirname(file.path)))) : { kind: 'unknown' };
  const selection = selectionOf(options);
  const selected = cheatSheets(collectionView(project.runbooks, project.diagnostics, config, today, project.git, undefined, project.drills), selection, { today, commit });
  if (selected.kind === 'not-found') {
    const available = selected.available.length === 0 ? 'there are none' : `expected one of ${selected.available.map((name) => `\`${name}\``).join(', ')}`;
    throw new UsageError(`no runbooks of ${selected.of} \`${selected.wanted}\`: ${available}`);
  }
  if (selected.sheets.length === 0) {
    throw new UsageError(`no runbook names ${selection.kind === 'every-team' ? 'an owner (team)' : 'a service'}, so there is no sheet to make`);
  }
  const contents = await render(selected.sheets, options, config, chromium?.kind === 'found' ? chromium.path : undefined);
  const single = selection.kind === 'team' || selection.kind === 'service';
  const [only] = contents;
  if (isTextFormat(options.format) && options.out === undefined && single && only !== undefined) {
    io.stdout.write(typeof only.content === 'string' ? only.content : new TextDecoder().decode(only.content));
    return EXIT.ok;
  }
  const out = resolve(io.cwd, options.out ?? DEFAULT_OUT);
  const refusal = outputLinkRefusal('--out', out, guardedFolders(io.cwd, config));
  if (refusal !== undefined) throw new OutputError(refusal);
  for (const { sheet, content } of contents) writeFileAtomic(join(out, `${sheet.slug}.${options.format}`), content);
  const names = contents.map(({ sheet }) => `${sheet.slug}.${options.format}`).join(', ');
  io.stderr.write(`wrote ${contents.length} cheat sheet${contents.length === 1 ? '' : 's'} to ${displayPath(out, io.cwd)}/: ${names}\n`);
  return EXIT.ok;
}

function selectionOf(options: CheatsheetOptions): SheetSelection {
  if (options.team !== undefined) return { kind: 'team', wanted: options.team };
  if (options.service === true) return { kind: 'every-service' };
  if (options.service !== undefined) return { kind: 'service', wanted: options.service };
  return { kind: 'every-team' };
}

/** Every sheet in the chosen format. */
async function render(
  sheets: readonly CheatSheet[],
  options: CheatsheetOptions,
  config: Config,
  chromium: string | undefined,
): Promise<readonly { readonly sheet: CheatSheet; readonly content: string | Uint8Array }[]> {
  const format = options.format;
  if (isTextFormat(format)) return sheets.map((sheet) => ({ sheet, content: TEXT_RENDERERS[format](sheet) }));
  const html = compileSheetHtml(sheetTemplatesOf(configuredTemplates(config)));
  const documents = sheets.map((sheet) => html(sheet, { kind: 'standalone' }));
  if (format === 'html') return sheets.map((sheet, index) => ({ sheet, content: documents[index] ?? '' }));
  if (chromium === undefined) throw new Error('bug: --format pdf without Chromium');
  const pdfs = await printPdfs(chromium, documents, options.paper);
  return sheets.map((sheet, index) => ({ sheet, content: pdfs[index] ?? new Uint8Array() }));
}
