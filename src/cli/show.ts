import { Command } from 'commander';
import type { ReadResult } from '../check/run.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { Runbook } from '../model/runbook.js';
import type { RunCache } from '../model/run-cache.js';
import type { Io } from '../io/io.js';
import { readProjectInputs } from '../io/project-inputs.js';
import type { FoundFile } from '../model/sources.js';
import { loadProject, type Project } from '../run/project.js';
import type { RunShell } from '../run/shell.js';
import { NODE_SHELL } from './shell.js';
import { palette } from '../report/ansi.js';
import { jsonText } from '../report/json-text.js';
import { cardOf } from '../oncall/card.js';
import { ambiguousJson, foundJson, noneJson, type ShowJson } from '../oncall/card-json.js';
import { cardText } from '../oncall/card-text.js';
import { findRunbook, isNamedBy } from '../oncall/find-runbook.js';
import { fileNameAlert } from '../parse/alert-claims.js';
import { mayAnswerAlert } from '../parse/findable.js';
import { findablesIn, scanSources, type FindableFile } from '../run/find-scan.js';
import { candidatesText, noMatchText } from '../oncall/match-text.js';
import { collectionView } from '../view/collection-view.js';
import { EXIT } from './exit-codes.js';
import { useColor } from './color.js';
import { resolveToday } from './today.js';
import { parseCacheFor } from './cache-option.js';

/** The options of `runbook show`, as commander hands them over. */
interface ShowOptions {
  readonly json?: boolean;
  readonly config?: string;
  readonly today?: string;
  readonly color?: boolean;
  readonly full?: boolean;
}

/** `runbook show <alert | id | words>`: one runbook, for the person who was just paged. */
export function showCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('show')
    .summary('show the runbook for an alert: status, whom to call, recovery steps')
    .description(
      'Finds one runbook and prints its title, status, owner, escalation contacts, numbered recovery steps with their ' +
        'commands, and its URL. The query is tried as an alert name (any case), then as an id or file path, then as ' +
        'the exact title, then as words of the titles, alert names and ids (prefixes and small typos allowed).',
    )
    .argument('<query...>', 'an alert name, a runbook id, or words of the title')
    .option('--json', 'print the runbook (or the matches, or the suggestions) as JSON')
    .option('--full', 'also print the whole runbook, every section in order (Diagnosis commands included)')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the date the status is computed for (default: today in UTC)')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours (also: NO_COLOR=1; none when the output is not a terminal)')
    .addHelpText(
      'after',
      `
When several runbooks match and none matches clearly better (the same alert in two runbooks, or
words that fit several titles), nothing is shown: a numbered list of the matches (title, id,
alerts) is printed instead and the exit code is 1. Run again with an alert name or an id.

To stay instant on large collections, show looks the runbooks up by their frontmatter and reads
only the one it shows in full. The status and the problems it prints are that runbook's own:
checks that compare runbooks with each other (the same alert or id in two runbooks, anchors of
links into other runbooks) are not run. For the full picture run \`runbook check\`.

Exit codes:
  0  one runbook found and shown
  1  several runbooks match (listed), or none (the closest names are suggested)
  2  bad usage, bad config, or the run itself failed

Examples:
  $ runbook show PostgresPrimaryDown
  $ runbook show database/primary-down
  $ runbook show primary db down
  $ runbook show KubePodCrashLooping --full
  $ runbook show PostgresPrimaryDown --json | jq -r '.runbook.steps[].run'`,
    )
    .action(async (words: string[], options: ShowOptions) => {
      setExit(await runShow(words.join(' '), options, io));
    });
}

async function runShow(query: string, options: ShowOptions, io: Io): Promise<number> {
  const today = resolveToday(options.today, io.now);
  const { inputs, sources } = await scanSources({ cwd: io.cwd, paths: [], config: options.config, today, git: false }, NODE_SHELL);
  const config = inputs.config;
  // An alert is looked up among the runbooks that may answer it (and the one the query names by id or
  // file, which an alert of that name must not take over); only if none does are all of them read.
  // With `alerts.from_file_name` a runbook answers the alert it is named after without writing it.
  const namedAfter = (id: string): boolean => config.alerts.fromFileName && fileNameAlert(id)?.toLowerCase() === query.trim().toLowerCase();
  const likely = sources.filter((source) => mayAnswerAlert(source.text, query) || isNamedBy(source, query) || namedAfter(source.id));
  const likelyFindables = await findablesIn(likely, config, NODE_SHELL);
  const byAlert = findRunbook(likelyFindables, query, 'search');
  const all = async (): Promise<readonly FindableFile[]> => (likely.length === sources.length ? likelyFindables : findablesIn(sources, config, NODE_SHELL));
  const result = byAlert.kind !== 'none' && byAlert.by === 'alert' ? byAlert : findRunbook(await all(), query, 'search');
  const json = options.json === true;
  const print = (document: ShowJson): void => {
    io.stdout.write(jsonText(document));
  };
  const style = palette(!json && useColor(options.color, io.env, io.stdout.isTTY));
  switch (result.kind) {
    case 'found': {
      const { runbook, project } = await loadOne(result.item, { configPath: options.config, today, cwd: io.cwd, collection: inputs.found, cache: parseCacheFor(io, options.config === undefined ? { cache: true } : { cache: true, config: options.config }) });
      const ids = sources.map((each) => each.id);
      const [view] = collectionView([runbook], project.diagnostics, project.config, today, project.git, ids, project.drills).runbooks;
      if (view === undefined) throw new Error(`bug: no view of ${runbook.file}`);
      const card = cardOf(view);
      const text = sources.find((source) => source.path === result.item.path)?.text;
      const full = options.full === true ? { blocks: text === undefined ? undefined : (await import('../parse/body-blocks.js')).bodyBlocks(text) } : undefined;
      if (json) print(foundJson(query, result.by, card, full?.blocks));
      else io.stdout.write(cardText(card, style, full));
      return EXIT.ok;
    }
    case 'ambiguous':
      if (json) print(ambiguousJson(query, result.candidates));
      else io.stdout.write(candidatesText(query, result.candidates, style));
      return EXIT.findings;
    case 'none':
      if (json) print(noneJson(query, result.suggestions));
      else io.stderr.write(`runbook: ${noMatchText(query, result.suggestions, 'try fewer or other words of the title')}`);
      return EXIT.findings;
  }
}

/**
 * The found runbook read in full and checked on its own (collection rules see only this file). The
 * collection's ids are those of the runbooks the lookup found, not searched for again.
 */
async function loadOne(
  item: { readonly path: string; readonly file: string },
  run: { readonly configPath: string | undefined; readonly today: CalendarDate; readonly cwd: string; readonly collection: readonly FoundFile[]; readonly cache: RunCache },
): Promise<{ readonly runbook: Runbook; readonly project: Project }> {
  const shell: RunShell = { ...NODE_SHELL, readInputs: (request) => readProjectInputs({ ...request, collection: run.collection }) };
  // The file as `check` parsed it, from the cache when it holds it: then the parser is not even loaded.
  const project = await loadProject({ cwd: run.cwd, paths: [item.path], config: run.configPath, today: run.today, git: false, cache: run.cache }, shell);
  const [read] = project.results;
  return { runbook: runbookOf(read, item.file), project };
}

/** The runbook of a read result; the file changed into something that is none since it was found. */
function runbookOf(read: ReadResult | undefined, file: string): Runbook {
  if (read?.kind === 'runbook') return read.runbook;
  if (read?.kind === 'unreadable') throw new Error(`cannot show ${file}: ${read.reason}`);
  throw new Error(`cannot show ${file}: reading it failed`, { cause: read?.error });
}
