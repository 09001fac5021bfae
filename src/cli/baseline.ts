import { Command } from 'commander';
import { displayPath } from '../io/discover.js';
import type { Io } from '../io/io.js';
import { formatCalendarDate } from '../model/calendar-date.js';
import { applyBaseline, keyText, NEVER_BASELINED_RULES, prunedBaseline, recordBaseline, type Baseline, type BaselineEntry } from '../report/baseline.js';
import { plural } from '../text/plural.js';
import { printable } from '../text/terminal-text.js';
import { readBaselineFile, runFindings, runScope, writeBaselineFile } from './baseline-file.js';
import { NO_CACHE_HELP } from './cache-option.js';
import { checkRun, type CheckRunOptions } from './check.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/** The options of `runbook baseline`, as commander hands them over. */
interface BaselineOptions extends CheckRunOptions {
  readonly prune?: boolean;
}

/** `runbook baseline [paths…]`: wires the command; `setExit` receives the exit code. */
export function baselineCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('baseline')
    .summary('record today\'s problems, so that `check` fails only on new ones')
    .description(
      'Runs the same check as `check` and records every error and warning it finds in the baseline file ' +
        '(`baseline.file` in the config, default runbook-baseline.json beside it), to be committed. `check` then holds those ' +
        'back and fails only on new problems. Time-based findings (stale, never-tested, due-soon) are recorded with an expiry ' +
        '(`baseline.expire_after`, default 90 days), from which day on they count again. With paths, only the entries of those ' +
        'files are recorded again; the others are kept.',
    )
    .argument('[paths...]', 'runbook files or folders (default: the config root)')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml|yml|json above the working folder)')
    .option('--today <YYYY-MM-DD>', 'the date to check staleness against and to count expiries from (default: today in UTC)')
    .option('--prune', 'only remove the entries that no longer match a problem (fixed ones); add nothing')
    .option('--no-cache', NO_CACHE_HELP)
    .option('--no-git', 'do not read the git history (no last-edited dates)')
    .addHelpText('after', baselineHelp)
    .action(async (paths: string[], options: BaselineOptions) => {
      setExit(await runBaseline(paths, options, io));
    });
}

async function runBaseline(paths: readonly string[], options: BaselineOptions, io: Io): Promise<number> {
  const run = await checkRun(paths, options, io);
  const { config, cwd, today } = run.inputs;
  const path = config.baseline.file;
  const shown = printable(displayPath(path, cwd));
  const previous = readBaselineFile(path, cwd);
  const findings = runFindings(run);
  if (options.prune === true) {
    if (previous === undefined) throw new UsageError(`cannot prune ${shown}: there is no such file (record one with \`runbook baseline\`)`);
    // Matched as `check` matches them, infos included (an entry recorded when its rule was an error still holds back its info).
    const outcome = applyBaseline(findings, previous, runScope(run), today);
    writeBaselineFile(path, prunedBaseline(previous, outcome));
    const lines = outcome.unused.map(({ entry, matched }) => `  ${printable(entry.file)}  ${printable(entry.rule)}  ${entry.fingerprint}  ${entry.count - matched} of ${entry.count} no longer found\n`);
    io.stdout.write(
      outcome.unused.length === 0
        ? `${shown}: every entry still matches a problem; nothing to prune\n`
        : `${shown}: ${entryCount(outcome.unused.length)} no longer ${outcome.unused.length === 1 ? 'matches' : 'match'} (fixed), pruned:\n${lines.join('')}`,
    );
    return EXIT.ok;
  }
  // Info never fails a run: recording it would only hide it. Nor is an internal error or an unreadable file recorded: they always count.
  const failing = findings.filter(({ diagnostic }) => diagnostic.severity !== 'info' && !NEVER_BASELINED_RULES.has(diagnostic.ruleId));
  const recorded = recordBaseline(failing, { previous: previous ?? { entries: [] }, scope: runScope(run), today, expireAfter: config.baseline.expireAfter });
  const changed = writeBaselineFile(path, recorded);
  io.stdout.write(`${changed ? 'wrote' : 'unchanged:'} ${shown}: ${recordedSummary(recorded, failing.length)}${previous === undefined ? '' : `; ${changesSince(previous, recorded)}`}\n`);
  return EXIT.ok;
}

function recordedSummary(baseline: Baseline, problems: number): string {
  const expiring = baseline.entries.flatMap((entry) => (entry.expires === undefined ? [] : [formatCalendarDate(entry.expires)])).sort();
  const first = expiring[0];
  return `${plural(problems, 'known problem')} in ${entryCount(baseline.entries.length)}${first === undefined ? '' : ` (${String(expiring.length)} time-based, the first expiring on ${first})`}`;
}

function entryCount(count: number): string {
  return `${String(count)} ${count === 1 ? 'entry' : 'entries'}`;
}

/** `3 new, 1 gone since the last record`: how the baseline's entries moved. */
function changesSince(previous: Baseline, next: Baseline): string {
  const before = new Set(previous.entries.map(keyText));
  const after = new Set(next.entries.map(keyText));
  const added = next.entries.filter((entry: BaselineEntry) => !before.has(keyText(entry))).length;
  const removed = previous.entries.filter((entry: BaselineEntry) => !after.has(keyText(entry))).length;
  return `${String(added)} new, ${String(removed)} gone since the last record`;
}

/** Appended to `baseline --help`. */
function baselineHelp(): string {
  return `
The file is JSON, one entry per line, sorted, keyed by file (relative to the config's folder), rule
and a fingerprint of what the problem is about, with a count when one key stands for several
problems; it survives edits elsewhere in the file. Commit it. See docs/baseline.md.

\`check\` says how many known problems it held back, which count again because their entry expired,
and how many entries no longer match anything (these never fail the run: prune them).
\`check --no-baseline\` reports everything.

Exit codes:
  0  the baseline was written (or pruned)
  2  bad usage, bad config, a broken baseline file, or the run itself failed

Examples:
  $ runbook baseline                           # record every problem of the collection
  $ runbook baseline docs/payments             # record again the entries of one folder only
  $ runbook baseline --prune                   # drop the entries of problems that were fixed
  $ runbook check                              # fails only on problems not in the baseline
`;
}
