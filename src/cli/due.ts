import { Command, Option } from 'commander';
import type { Io } from '../io/io.js';
import { parseDuration, type Duration } from '../model/duration.js';
import { palette } from '../report/ansi.js';
import { loadProject } from '../run/project.js';
import { collectionView } from '../view/collection-view.js';
import { dueList } from '../due/due-list.js';
import { DUE_FORMATS, DUE_RENDERERS, type DueFormat } from '../due/due-formats.js';
import { NODE_SHELL } from './shell.js';
import { EXIT } from './exit-codes.js';
import { useColor } from './color.js';
import { resolveToday } from './today.js';
import { UsageError } from './usage-error.js';

/** The options of `runbook due`, as commander hands them over. */
interface DueOptions {
  readonly within: string;
  readonly team?: string;
  readonly format: DueFormat;
  readonly config?: string;
  readonly today?: string;
  readonly color?: boolean;
}

/** The window when `--within` is not given. */
const DEFAULT_WITHIN = '30d';

/** `runbook due [paths…]`: what falls due for a drill soon, for people, issues, calendars and chat. */
export function dueCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('due')
    .summary('list the runbooks due for a drill soon (text, Markdown, JSON, iCalendar, Slack)')
    .description(
      'Lists the runbooks whose review falls due within a window (default 30 days), those already overdue, and those never ' +
        'tested, grouped by owner team: id, title, severity, last tested, due date, days left or overdue, and the URL ' +
        'when the site\'s base URL is known. Never-tested runbooks have no due date: they are listed as due now, first in their team. ' +
        'A runbook without a readable `last_tested` (missing, or not a date) counts as never tested; `check` says why.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .option('--within <duration>', 'the window: 30d, 6w, 3 months, 1y', DEFAULT_WITHIN)
    .option('--team <id>', "only this owner team's runbooks (its id as the runbooks' owner field writes it)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(DUE_FORMATS).default('text'))
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the day the window starts (default: today in UTC)')
    .option('--color', 'force colours (text)')
    .option('--no-color', 'no colours (also: NO_COLOR=1; none when the output is not a terminal)')
    .addHelpText(
      'after',
      `
Formats:
  text      for a terminal, 80 columns
  markdown  a table per team, for an issue or a wiki page
  json      {"version": 1, "today", "until", "within", "team", "counts",
            "teams": [{"id", "name", "runbooks": [{"id", "title", "file",
            "severity", "state", "lastTested", "due", "daysLeft", "interval",
            "url"}]}]}
            (docs/ci.md describes each field)
  ics       iCalendar: one all-day event per runbook on its due date (overdue
            and never-tested ones on --today); the UID comes from the runbook
            id alone, so a re-import or a subscription updates the event
  slack     a Block Kit message for a Slack incoming webhook:
            curl -X POST -H 'Content-type: application/json' \\
              --data @due.json "$SLACK_WEBHOOK_URL"

The site publishes the same calendar as due.ics (window 90 days), for teams
to subscribe to.

Exit codes:
  0  nothing due or overdue in the window (and nothing never tested)
  1  something is due, overdue or never tested (listed)
  2  bad usage (an unknown --team, a bad --within), bad config, or the run
     itself failed

Examples:
  $ runbook due
  $ runbook due --within 2w --team platform
  $ runbook due --format markdown > due.md
  $ runbook due --format slack > due.json || test $? -eq 1`,
    )
    .action(async (paths: string[], options: DueOptions) => {
      setExit(await runDue(paths, options, io));
    });
}

async function runDue(paths: readonly string[], options: DueOptions, io: Io): Promise<number> {
  const today = resolveToday(options.today, io.now);
  const within = parseWithin(options.within);
  const project = await loadProject({ cwd: io.cwd, paths, config: options.config, today, git: false }, NODE_SHELL);
  const view = collectionView(project.runbooks, project.diagnostics, project.config, today, project.git);
  const selection = dueList(view, { today, within, team: options.team });
  if (selection.kind === 'unknown-team') {
    const known = selection.known.length === 0 ? 'no runbook names an owner' : `expected one of ${selection.known.map((id) => `\`${id}\``).join(', ')}`;
    throw new UsageError(`unknown --team \`${options.team ?? ''}\`: ${known}`);
  }
  const style = palette(options.format === 'text' && useColor(options.color, io.env, io.stdout.isTTY));
  io.stdout.write(DUE_RENDERERS[options.format](selection.list, style));
  return selection.list.counts.total === 0 ? EXIT.ok : EXIT.findings;
}

function parseWithin(text: string): Duration {
  const duration = parseDuration(text);
  if (duration === undefined) throw new UsageError(`invalid --within \`${text}\`, expected a duration such as 30d, 6w, 3 months or 1y`);
  return duration;
}
