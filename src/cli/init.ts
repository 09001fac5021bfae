import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { detectCollection } from '../adopt/detect-collection.js';
import { collectionReport, fittedConfig } from '../adopt/fitted-config.js';
import { leavingLinkText } from '../adopt/link-refusal.js';
import { INIT_FILES, initReport, renderInitFile, type InitFile, type InitOutcome, type InitValues } from '../adopt/init-files.js';
import { scanCollection } from '../io/collection-scan.js';
import { createFile } from '../io/create-file.js';
import { displayPath } from '../io/discover.js';
import type { Io } from '../io/io.js';
import { linkLeaving } from '../io/links-on-the-way.js';
import { BUILT_IN_TEMPLATES } from '../io/templates.js';
import { calendarDateOfInstant, formatCalendarDate } from '../model/calendar-date.js';
import { printable, printableLines } from '../text/terminal-text.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { toolInfo } from './version.js';

/** The options of `runbook init`, as commander hands them over. */
interface InitOptions {
  readonly dryRun?: boolean;
  readonly baseUrl?: string;
}

/** `runbook init [dir]`: a config fitted to the runbooks already there (or a starter set), CI workflows, never over an existing file. */
export function initCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('init')
    .summary('set up a repository: a config that fits its runbooks, CI workflows')
    .description(
      'Looks for the runbooks already in the folder (Markdown, by folder names, frontmatter keys and headings actually ' +
        'used) and writes runbook.config.yaml to fit them, saying what it found and why; in a folder without runbooks it ' +
        'writes a config with every key explained and an example runbook that passes `check`. Also writes a GitHub ' +
        'Actions workflow (.github/workflows/runbooks.yml) and a GitLab CI file (.gitlab-ci.yml). A file that already ' +
        'exists is left as it was and listed as skipped, so running init again changes nothing.',
    )
    .argument('[dir]', 'the folder to set up (default: the working folder)')
    .option('--dry-run', 'print what would be written (the config in full) and write nothing')
    .option('--base-url <url>', "the site's absolute URL, for `site.base_url` (asked for on a terminal when not given)")
    .addHelpText(
      'after',
      `
Nothing is written through a symlink leading out of the folder (or dangling): init then writes
nothing and names the link. Vendored and hidden folders, node_modules and .git are not searched.

Exit codes: 0 done (files written or skipped), 2 a bad --base-url, a file could not be written, or
a symlink on the way leads out of the folder.

Examples:
  $ runbook init
  $ runbook init --dry-run
  $ runbook init --base-url https://runbooks.example.com/
  $ runbook init ops/runbooks`,
    )
    .action(async (dir: string | undefined, options: InitOptions) => {
      setExit(await runInit(dir, options, io));
    });
}

async function runInit(dir: string | undefined, options: InitOptions, io: Io): Promise<number> {
  const dryRun = options.dryRun ?? false;
  const baseUrl = options.baseUrl !== undefined ? absoluteUrl(options.baseUrl, '--base-url') : dryRun ? undefined : await askBaseUrl(io);
  const folder = resolve(io.cwd, dir ?? '.');
  const show = (path: string): string => printable(displayPath(path, io.cwd));
  const scan = existsSync(folder) && statSync(folder).isDirectory() ? scanCollection(folder) : undefined;
  const collection = scan === undefined ? undefined : detectCollection(scan.markdown, scan.yaml, scan.skipped);
  // Where runbooks are already, the example is not added (one already there is listed as skipped).
  const files = INIT_FILES.filter((file) => collection === undefined || file.role !== 'example' || existingName(folder, file) !== undefined);
  const configFile = INIT_FILES.find((file) => file.role === 'config');
  const fitting = collection !== undefined && configFile !== undefined && existingName(folder, configFile) === undefined;
  const leaving = files.flatMap((file) => linkLeaving(folder, join(folder, file.target)) ?? []);
  if (leaving.length > 0) {
    const boundary = `the folder being set up \`${show(folder)}\``;
    io.stderr.write(`runbook: nothing written: ${[...new Set(leaving.map((link) => leavingLinkText(link, boundary, show)))].join('\n  ')}\n`);
    return EXIT.failure;
  }
  const version = toolInfo().version;
  const values: InitValues = { today: formatCalendarDate(calendarDateOfInstant(io.now())), version, baseUrl: baseUrl === undefined ? '' : JSON.stringify(baseUrl) };
  if (fitting) {
    io.stdout.write(printableLines(collectionReport(collection)));
    if (scan?.truncated === true) io.stdout.write('  (the folder is large: init stopped walking it before the end, so the collection may be larger than counted here)\n');
  }
  const outcomes = files.map((file) => {
    const text = (): string => (collection !== undefined && file.role === 'config' ? fittedConfig(collection, { version, baseUrl }) : templateText(file, values));
    return initFile(folder, file, text, dryRun);
  });
  io.stdout.write(printableLines(initReport(show(folder), outcomes, { dryRun, runbooks: fitting ? collection.runbooks.length : undefined })));
  return EXIT.ok;
}

/** `text` as an absolute http(s) URL, or a usage error quoting it. */
function absoluteUrl(text: string, where: string): string {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(`${where} \`${printable(text)}\` is not an absolute http(s) URL; expected e.g. \`https://runbooks.example.com/\``);
  }
  return url.href;
}

/** Asks for the site's URL when a person is at the terminal; an empty answer leaves it out. */
async function askBaseUrl(io: Io): Promise<string | undefined> {
  if (io.ask === undefined) return undefined;
  const answer = (await io.ask('The URL the site will be served from (site.base_url), e.g. https://runbooks.example.com/ (Enter to skip): ')).trim();
  return answer === '' ? undefined : absoluteUrl(answer, 'the site URL');
}

function templateText(file: InitFile, values: InitValues): string {
  const templatePath = join(BUILT_IN_TEMPLATES, file.template);
  try {
    return renderInitFile(readFileSync(templatePath, 'utf8'), values);
  } catch (error: unknown) {
    throw new Error(`cannot render the template ${templatePath}`, { cause: error });
  }
}

/** The name under which `file` is already in `folder`, if it is. */
function existingName(folder: string, file: InitFile): string | undefined {
  return [file.target, ...file.alsoExisting].find((name) => existsSync(join(folder, name)));
}

function initFile(folder: string, file: InitFile, text: () => string, dryRun: boolean): InitOutcome {
  const existing = existingName(folder, file);
  if (existing !== undefined) return { kind: 'skipped', target: file.target, existing };
  if (dryRun) return { kind: 'planned', target: file.target, text: file.role === 'config' ? text() : undefined };
  const created = createFile(join(folder, file.target), new TextEncoder().encode(text()));
  return created.kind === 'created' ? { kind: 'written', target: file.target } : { kind: 'skipped', target: file.target, existing: file.target };
}
