import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { leavingLinkText, linkBelowRootText } from '../adopt/link-refusal.js';
import { newRunbookValues, renderNewRunbook, type NewRunbookValues } from '../adopt/new-runbook.js';
import { idKey, parseRunbookId } from '../adopt/runbook-id.js';
import { RULES } from '../check/registry.js';
import { loadConfig } from '../io/config-file.js';
import { createFile } from '../io/create-file.js';
import { discoverRunbooks, displayPath, isInside } from '../io/discover.js';
import { repositoryOf } from '../io/inside-repository.js';
import type { Io } from '../io/io.js';
import { linkLeaving, linksOnTheWay } from '../io/links-on-the-way.js';
import { BUILT_IN_TEMPLATES } from '../io/templates.js';
import type { Config } from '../model/config.js';
import { parseRunbook } from '../parse/runbook.js';
import { printable } from '../text/terminal-text.js';
import { EXIT } from './exit-codes.js';

interface NewOptions {
  readonly title?: string;
  readonly owner?: string;
  readonly service?: string;
  readonly severity?: string;
  readonly alert?: readonly string[];
  readonly config?: string;
}

/** The built-in template for new runbooks; a config may name its own (`new.template`). */
const BUILT_IN_NEW_TEMPLATE = join(BUILT_IN_TEMPLATES, 'new', 'runbook.md.hbs');

/** `runbook new <id>`: a new runbook from a template, never tested, its sections ready to fill. */
export function newCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('new')
    .summary('create a runbook from a template, with the required sections ready to fill')
    .description(
      'Creates <root>/<id>.md from the template (the config\'s `new.template`, else the built-in one) with ' +
        '`last_tested: never` and every required section holding a TODO, so that `check` lists what is left to ' +
        'write. --owner and --severity are checked against the config; a field left out is written as TODO. ' +
        'Never overwrites: an existing file, or an id that clashes with one in another case, is refused. Never ' +
        'writes through a symlink: a folder or file name under the runbooks folder that is one, or a runbooks ' +
        'folder leading out of the repository, is refused.',
    )
    .argument('<id>', 'the new runbook\'s id: its path under the runbooks folder without `.md` (database/primary-down)')
    .option('--title <text>', 'the title (default: from the id)')
    .option('--owner <team>', 'the owning team, one of the config\'s teams')
    .option('--service <name>', 'the service the runbook is about')
    .option('--severity <level>', 'one of the config\'s severities')
    .option('--alert <names...>', 'alerts the runbook answers')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .addHelpText(
      'after',
      `
Exit codes:
  0  created (the path is printed)
  1  refused: the file exists, the id is invalid, an option names an unknown team or severity,
     or a symlink is on the way (the message names it)
  2  bad config, an invalid template, or the file could not be written

Examples:
  $ runbook new database/replica-lag --owner data --service orders-db --severity high --alert PostgresReplicationLag
  $ runbook new payments/refund-stuck`,
    )
    .action((id: string, options: NewOptions) => {
      setExit(runNew(id, options, io));
    });
}

function runNew(text: string, options: NewOptions, io: Io): number {
  const refused = (reasons: readonly string[]): number => {
    io.stderr.write(`runbook: not created: ${reasons.map(printable).join('\n  ')}\n`);
    return EXIT.findings;
  };
  const config = loadConfig(io.cwd, options.config, RULES.map((rule) => rule.id));
  const parsed = parseRunbookId(text, config);
  if (parsed.kind === 'invalid') return refused([parsed.reason]);
  const path = join(config.root, parsed.relativePath);
  const file = displayPath(path, io.cwd);
  const link = linkInTheWay(path, config, io.cwd);
  if (link !== undefined) return refused([link]);
  const clash = clashingRunbook(parsed.id, config, io.cwd);
  if (clash !== undefined) return refused([`${clash} already has the id \`${parsed.id}\` (ids differing only in case clash)`]);
  const result = newRunbookValues(
    { id: parsed.id, title: options.title, owner: options.owner, service: options.service, severity: options.severity, alerts: options.alert ?? [] },
    config,
  );
  if (result.kind === 'refused') return refused(result.reasons);
  const rendered = render(result.values, config);
  const created = createFile(path, new TextEncoder().encode(rendered));
  if (created.kind === 'exists') return refused([`${file} exists, left as it was`]);
  const unfilled = result.values.unfilled.length === 0 ? '' : `; fill in ${result.values.unfilled.map((key) => `\`${key}\``).join(', ')} (written as TODO)`;
  io.stdout.write(`created ${printable(file)} (id ${printable(parsed.id)}, never tested)${unfilled}\nNext: write the TODOs, run \`runbook check\`, drill the recovery steps, then \`runbook tested ${printable(parsed.id)}\`.\n`);
  return EXIT.ok;
}

/**
 * Why the runbook may not be written at `path` because of a symlink: the runbooks folder leads out of
 * the repository (see `repositoryOf`), or a folder under it, or the file name, is a symlink.
 */
function linkInTheWay(path: string, config: Config, cwd: string): string | undefined {
  const show = (shown: string): string => displayPath(shown, cwd);
  const repository = config.source.kind === 'file' ? repositoryOf(config.source.path).folder : cwd;
  const leaving = isInside(config.root, repository) ? linkLeaving(repository, path) : undefined;
  if (leaving !== undefined) return leavingLinkText(leaving, `the repository folder \`${show(repository)}\``, show);
  const [below] = linksOnTheWay(config.root, path);
  return below === undefined ? undefined : linkBelowRootText(below, show);
}

/** The file of an existing runbook whose id equals `id` but for case or Unicode form, if any. */
function clashingRunbook(id: string, config: Config, cwd: string): string | undefined {
  if (!existsSync(config.root)) return undefined;
  return discoverRunbooks([], config, cwd).find((found) => found.id !== id && idKey(found.id) === idKey(id))?.file;
}

/** The template rendered with the values, checked to give a frontmatter that parses. */
function render(values: NewRunbookValues, config: Config): string {
  const templatePath = config.newRunbook.template ?? BUILT_IN_NEW_TEMPLATE;
  let text: string;
  try {
    text = renderNewRunbook(readFileSync(templatePath, 'utf8'), values);
  } catch (error: unknown) {
    throw new Error(`cannot render the template ${templatePath}`, { cause: error });
  }
  const bytes = new TextEncoder().encode(text);
  const loaded = parseRunbook({ id: values.id, file: templatePath, path: templatePath, bytes }, config);
  const frontmatter = loaded.kind === 'runbook' ? loaded.runbook.frontmatter : undefined;
  if (frontmatter?.kind !== 'parsed' || frontmatter.problems.some((problem) => problem.kind === 'duplicate-key')) {
    throw new Error(`the template ${templatePath} does not give a runbook whose frontmatter parses (a YAML frontmatter between \`---\` lines)`);
  }
  return text;
}
