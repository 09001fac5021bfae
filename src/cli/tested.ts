import { readFileSync, realpathSync } from 'node:fs';
import { Command } from 'commander';
import { calendarDateOfInstant, compareDates, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import type { Io } from '../io/io.js';
import type { Runbook } from '../model/runbook.js';
import { loadProject, type Project } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import { ReplaceRefused, replaceFile } from '../io/replace-file.js';
import { palette, type Palette } from '../report/ansi.js';
import { concise } from '../report/concise.js';
import { printable } from '../text/terminal-text.js';
import { previousText, refusalMessage } from '../oncall/drill-messages.js';
import { findRunbook } from '../oncall/find-runbook.js';
import { findablesOf } from '../parse/findable.js';
import { candidatesText, contestedText, noMatchText } from '../oncall/match-text.js';
import { recordDrill, type PreviousValue } from '../oncall/record-drill.js';
import { EXIT } from './exit-codes.js';
import { useColor } from './color.js';
import { UsageError } from './usage-error.js';
import { toolInfo } from './version.js';

/** The options of `runbook tested`, as commander hands them over. */
interface TestedOptions {
  readonly date?: string;
  readonly config?: string;
}

/** Rules whose findings mean the frontmatter cannot be edited safely. */
const UNREADABLE_FRONTMATTER = new Set(['yaml-syntax', 'frontmatter-missing', 'unreadable-file']);

/** `runbook tested <id | alert>`: records a drill by setting `last_tested`, changing nothing else in the file. */
export function testedCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('tested')
    .summary('record a drill: set a runbook\'s last_tested to today (or --date)')
    .description(
      'Sets `last_tested` (or the key the config maps it to in `fields`) in the runbook\'s frontmatter. Only the date ' +
        'changes: comments, key order, quoting, line endings and the rest of the file stay byte for byte. The file ' +
        'is replaced atomically. The target is a runbook id, its file, or an alert it answers (any case).',
    )
    .argument('<target>', 'the runbook id (database/primary-down), its file, or an alert name')
    .option('--date <YYYY-MM-DD>', 'the day of the drill (default: today in UTC)')
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .addHelpText(
      'after',
      `
Refused (exit 1, the file untouched): a date in the future, a date before the current one, a
frontmatter that does not parse, a target matching several runbooks or none.
Refused (exit 2, the file untouched): a read-only file, and a file with several hard links (the
atomic replace would split them; the file is never edited in place). The owner and group are kept
where the process may set them (as root, always).

Exit codes:
  0  recorded
  1  refused (the reason is printed)
  2  bad usage (an invalid --date), bad config, a file that cannot be replaced (read-only,
     hard-linked), a target that is one runbook's id or file and another's alert, or the run
     itself failed

Examples:
  $ runbook tested database/primary-down
  $ runbook tested PostgresPrimaryDown --date 2026-11-20`,
    )
    .action(async (target: string, options: TestedOptions) => {
      setExit(await runTested(target, options, io));
    });
}

async function runTested(target: string, options: TestedOptions, io: Io): Promise<number> {
  const today = calendarDateOfInstant(io.now());
  const date = options.date === undefined ? today : parseDateOption(options.date);
  const refused = (message: string): number => {
    io.stderr.write(`runbook: not recorded: ${message}\n`);
    return EXIT.findings;
  };
  if (compareDates(date, today) > 0) return refused(refusalMessage({ code: 'future-date', date, today }, ''));
  const project = await loadProject({ cwd: io.cwd, paths: [], config: options.config, today, git: false }, NODE_SHELL);
  const found = lookUpTarget(target, project, palette(useColor(undefined, io.env, io.stderr.isTTY)));
  if (found.kind === 'refused') {
    io.stderr.write(`runbook: not recorded: ${found.text}`);
    return found.exitCode;
  }
  const { runbook } = found;
  const edit = setLastTested(runbook, project, date);
  if (edit.kind === 'refused') {
    io.stderr.write(edit.details);
    io.stderr.write(`runbook: not recorded: ${edit.message}\n`);
    return edit.exitCode;
  }
  io.stdout.write(`recorded a drill of ${printable(runbook.id)} on ${formatCalendarDate(date)} (was ${previousText(edit.previous)}): ${printable(runbook.file)}\n`);
  return EXIT.ok;
}

/** The runbook a target names (its id, its file, or an alert it answers), or why there is none: the text to print, ending with a line break. */
export type TargetLookup =
  | { readonly kind: 'found'; readonly runbook: Runbook }
  | { readonly kind: 'refused'; readonly exitCode: number; readonly text: string };

/** Looks up the target of `tested` and `drill` among the project's runbooks: one exact match, or a refusal. */
export function lookUpTarget(target: string, project: Project, style: Palette): TargetLookup {
  const result = findRunbook(findablesOf(project.runbooks), target, 'exact');
  if (result.kind === 'ambiguous' && result.by === 'alert-and-id') return { kind: 'refused', exitCode: EXIT.failure, text: contestedText(target, result.candidates) };
  if (result.kind === 'ambiguous') return { kind: 'refused', exitCode: EXIT.findings, text: candidatesText(target, result.candidates, style) };
  if (result.kind === 'none') {
    return { kind: 'refused', exitCode: EXIT.findings, text: noMatchText(target, result.suggestions, 'give the runbook\'s id (its path without `.md`) or an alert it answers') };
  }
  return { kind: 'found', runbook: result.item.runbook };
}

/**
 * What setting `last_tested` did: the value it replaced, or why the file is untouched (`details`:
 * the frontmatter's problems to print first, or nothing; `message`: one line without a prefix).
 */
export type LastTestedEdit =
  | { readonly kind: 'recorded'; readonly previous: PreviousValue }
  | { readonly kind: 'refused'; readonly exitCode: number; readonly details: string; readonly message: string };

/**
 * Sets the runbook's `last_tested` (or the key the config maps it to) to `date`, byte-preserving and
 * atomically: the one edit of `runbook tested` and of a recovered `runbook drill`.
 */
export function setLastTested(runbook: Runbook, project: Project, date: CalendarDate): LastTestedEdit {
  const refused = (message: string, exitCode: number = EXIT.findings, details = ''): LastTestedEdit => ({ kind: 'refused', exitCode, details, message });
  if (runbook.frontmatter.kind !== 'parsed') {
    const diagnostics = project.diagnostics.filter((diagnostic) => diagnostic.file === runbook.file && UNREADABLE_FRONTMATTER.has(diagnostic.ruleId));
    const details = concise({ tool: toolInfo(), files: [runbook.file], diagnostics, rules: [] }, { color: false });
    return refused(`${printable(runbook.file)}: the frontmatter cannot be read (see above); fix it first`, EXIT.findings, details);
  }
  const text = decodeKeepingBom(readFileSync(runbook.path), runbook.file);
  const edit = recordDrill(text, project.config.fields.last_tested, date);
  if (edit.kind === 'refused') return refused(refusalMessage(edit.refusal, runbook.file));
  try {
    replaceFile(realpathSync(runbook.path), new TextEncoder().encode(edit.text));
  } catch (error: unknown) {
    if (!(error instanceof ReplaceRefused)) throw error;
    return refused(`${printable(runbook.file)} ${error.reason}`, EXIT.failure);
  }
  return { kind: 'recorded', previous: edit.previous };
}

function parseDateOption(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (date === undefined) throw new UsageError(`invalid --date \`${text}\`, expected a real day as YYYY-MM-DD (e.g. 2026-11-27)`);
  return date;
}

/** The file's text with its byte order mark kept, so that writing it back gives the same bytes. */
function decodeKeepingBom(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error: unknown) {
    throw new Error(`${file} is not UTF-8 text`, { cause: error });
  }
}
