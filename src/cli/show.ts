import { Command } from 'commander';
import type { Io } from '../io/io.js';
import { loadProject } from '../io/project.js';
import { palette } from '../report/ansi.js';
import { cardOf } from '../oncall/card.js';
import { ambiguousJson, foundJson, noneJson, type ShowJson } from '../oncall/card-json.js';
import { cardText } from '../oncall/card-text.js';
import { findRunbook } from '../oncall/find-runbook.js';
import { findablesOf } from '../oncall/findable.js';
import { candidatesText, noMatchText } from '../oncall/match-text.js';
import { runbookUrl } from '../oncall/runbook-url.js';
import { EXIT } from './check.js';
import { useColor } from './color.js';
import { resolveToday } from './today.js';

/** The options of `runbook show`, as commander hands them over. */
interface ShowOptions {
  readonly json?: boolean;
  readonly config?: string;
  readonly today?: string;
  readonly color?: boolean;
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

Exit codes:
  0  one runbook found and shown
  1  several runbooks match (listed), or none (the closest names are suggested)
  2  bad usage, bad config, or the run itself failed

Examples:
  $ runbook show PostgresPrimaryDown
  $ runbook show database/primary-down
  $ runbook show primary db down
  $ runbook show PostgresPrimaryDown --json | jq -r '.runbook.steps[].run'`,
    )
    .action(async (words: string[], options: ShowOptions) => {
      setExit(await runShow(words.join(' '), options, io));
    });
}

async function runShow(query: string, options: ShowOptions, io: Io): Promise<number> {
  const today = resolveToday(options.today, io.now);
  const project = await loadProject({ cwd: io.cwd, paths: [], config: options.config, today, git: false });
  const result = findRunbook(findablesOf(project.runbooks), query, 'search');
  const json = options.json === true;
  const print = (document: ShowJson): void => {
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  };
  const style = palette(!json && useColor(options.color, io.env, io.stdout.isTTY));
  switch (result.kind) {
    case 'found': {
      const runbook = result.item.runbook;
      const card = cardOf(runbook, {
        config: project.config,
        today,
        diagnostics: project.diagnostics.filter((diagnostic) => diagnostic.file === runbook.file),
        url: runbookUrl(runbook, project.runbooks.map((each) => each.id), project.config),
      });
      if (json) print(foundJson(query, result.by, card));
      else io.stdout.write(cardText(card, style));
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
