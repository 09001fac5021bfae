import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { calendarDateOfInstant, parseCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { dayOfInstant, type DrillRecord } from '../model/drill.js';
import type { Runbook } from '../model/runbook.js';
import type { Io } from '../io/io.js';
import { displayPath } from '../io/discover.js';
import { runGit } from '../io/git-command.js';
import { readHeadCommit } from '../io/head-commit.js';
import { runShellCommand } from '../io/shell-command.js';
import { readStandardInput, type Terminal, type TerminalInput } from '../io/terminal.js';
import { drillRecordFolder, writeDrillRecord, type WrittenRecord } from '../io/drill-record-file.js';
import { runbookFileChange, runbookFileIdentity, type RunbookFileIdentity } from '../io/runbook-file-identity.js';
import { describeError } from '../check/run.js';
import { loadProject, type Project } from '../run/project.js';
import { palette } from '../report/ansi.js';
import { printable, printableLines } from '../text/terminal-text.js';
import { cardOf } from '../oncall/card.js';
import { drillFileText, drillRecordFileName, formatDrillRecord } from '../oncall/drill-record-text.js';
import { drillWidth, type DrillLayout } from '../oncall/drill-screen.js';
import { advance, promptOf, startSession, type DrillPlan, type DrillSession, type Transition } from '../oncall/drill-session.js';
import { previousText } from '../oncall/drill-messages.js';
import { MAX_CONFIRM_ROWS } from '../oncall/visible-command.js';
import { writesColor } from '../oncall/inline-text.js';
import { collectionView, type RunbookView } from '../view/collection-view.js';
import { EXIT } from './exit-codes.js';
import { useColor } from './color.js';
import { NODE_SHELL } from './shell.js';
import { lookUpTarget, setLastTested } from './tested.js';
import { UsageError } from './usage-error.js';

/** The options of `runbook drill`, as commander hands them over. */
interface DrillOptions {
  readonly env?: string;
  readonly operator?: string;
  readonly answers?: string;
  readonly exec?: boolean;
  readonly config?: string;
}

/** How many of a command's last output lines the record keeps. */
const TAIL_LINES = 20;

/** `runbook drill <id | alert>`: a guided, timed drill of a runbook's recovery steps, kept as a record. */
export function drillCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('drill')
    .summary("drill a runbook's recovery steps one at a time, timed, and keep a record")
    .description(
      "Shows the runbook's header, then one recovery step at a time (text, command, what to expect), and asks how it " +
        'went: d done, f failed, s skip, n add a note, q stop, ? help (one key, then Enter). Each step and the whole ' +
        'drill are timed. At the end a drill record is written under the config\'s `drills.folder` ' +
        '(`<folder>/<id>/<YYYY-MM-DD>[-n].md`, never overwriting one), and a recovered drill sets `last_tested` like ' +
        '`runbook tested`. Commands are never run unless --exec is given, and then only each one you confirm.',
    )
    .argument('<target>', 'the runbook id (database/primary-down), its file, or an alert name')
    .option('--env <name>', 'where the drill runs (staging, prod…), kept in the record')
    .option('--operator <name>', "who runs it (default: git's user.name in the runbook's repository, else $USER)")
    .option('--answers <file>', 'answer from a file (or - for stdin), one answer per line: d, f, s, q, `n <note>`; y or n to a --exec question')
    .option('--exec', "offer to run each step's command in your shell ($SHELL, else /bin/sh); each asks first, default no")
    .option('-c, --config <path>', 'config file (default: nearest runbook.config.yaml above the working folder)')
    .addHelpText(
      'after',
      `
Outcome: failed when a step failed (also when you stopped after it); else
aborted when stopped (q, Ctrl-C, or the answers ran out) before the last step;
else recovered. Time to recover: from the start to the last answer. With --exec,
Ctrl-C while a command runs stops the command, not the drill; Ctrl-C at a prompt
ends the drill, with what was answered so far recorded. A command's output is shown without terminal
escape sequences; its exit code and last ${TAIL_LINES} lines are kept in the record.
Before the question, the command is shown with every character visible (␉ a
tab, ␠×N a run of spaces, ↵ a line break, \\uXXXX a hidden character) and the
question says its size; lines typed ahead of the question are dropped. A command
that would take more than ${MAX_CONFIRM_ROWS} lines so is not offered: run it yourself.
Without a terminal, give the answers with --answers.

Exit codes:
  0  recovered: the record is written and last_tested set
  1  failed or aborted (the record is written), or recovered but last_tested
     could not be set (the record is kept; the reason is printed), e.g. as the
     runbook's file was replaced (by a symlink, another file) during the drill
  2  bad usage (no terminal and no --answers), bad config, no such runbook (or
     several), a runbook without numbered steps, a drills folder that is a
     symlink or not a folder on the way (nothing written), a record that could
     not be written at the end (it is printed on stdout, to save by hand), or
     the run failed

Examples:
  $ runbook drill database/primary-down --env staging
  $ runbook drill PostgresPrimaryDown --env staging --exec
  $ printf 'd\\nn slow\\nd\\nf\\n' | runbook drill PostgresPrimaryDown --answers -`,
    )
    .action(async (target: string, options: DrillOptions) => {
      setExit(await runDrill(target, options, io));
    });
}

/** Where answers come from: the terminal, or the lines of --answers. */
interface AnswerSource {
  /** `fresh`: a question to run a command, which only a line typed after it is shown may answer. */
  readonly read: (prompt: string, fresh: boolean) => Promise<TerminalInput>;
  readonly terminal: Terminal | undefined;
}

async function runDrill(target: string, options: DrillOptions, io: Io): Promise<number> {
  const answers = await answerSource(options.answers, io);
  const started = io.now();
  const today = calendarDateOfInstant(started);
  const project = await loadProject({ cwd: io.cwd, paths: [], config: options.config, today, git: false }, NODE_SHELL);
  const refuse = (message: string): number => {
    answers.terminal?.close();
    io.stderr.write(`runbook: no drill: ${message}`);
    return EXIT.failure;
  };
  const found = lookUpTarget(target, project, palette(useColor(undefined, io.env, io.stderr.isTTY)));
  if (found.kind === 'refused') return refuse(found.text);
  const { runbook } = found;
  // A record holds its id with controls made visible (`\u0085` as text), which would never match the runbook again.
  if (drillFileText(runbook.id) !== runbook.id) return refuse(`the runbook id \`${printable(runbook.id)}\` holds a control character or bidi mark, which a drill record cannot hold as it is (the record would count for no runbook); rename ${printable(runbook.file)}\n`);
  const card = cardOf(viewOf(runbook, project, today));
  if (card.steps.length === 0) return refuse(`${printable(runbook.file)} has no numbered recovery steps to drill; write them first (see \`runbook show ${printable(runbook.id)}\`)\n`);
  const folder = drillRecordFolder(project.config, io.cwd, runbook.id);
  if (folder.kind === 'refused') return refuse(`${folder.message}\n`);
  const identity = runbookFileIdentity(runbook.path);
  const repository = dirname(runbook.path);
  const commit = await readHeadCommit(repository);
  const plan: DrillPlan = {
    card,
    runbookCommit: commit.kind === 'known' ? commit.short : undefined,
    environment: options.env,
    operator: options.operator ?? (await gitUserName(repository)) ?? nonEmpty(io.env.USER),
    exec: options.exec === true ? { shell: nonEmpty(io.env.SHELL) ?? '/bin/sh' } : undefined,
  };
  const color = useColor(undefined, io.env, io.stdout.isTTY);
  const layout: DrillLayout = { width: drillWidth(answers.terminal?.columns()), style: { palette: palette(color), color: color && writesColor(palette(color)) } };
  const record = await drive(startSession(plan, layout, started), answers, io);
  answers.terminal?.close();
  return finish(record, { runbook, identity, project, title: card.title }, io);
}

/** Runs the session to its end: prints each screen, reads each answer, runs each confirmed command. */
async function drive(first: Transition, answers: AnswerSource, io: Io): Promise<DrillRecord> {
  let session: DrillSession = first.session;
  io.stdout.write(first.screen);
  while (session.kind === 'running') {
    let next: Transition;
    if (session.waiting === 'run') {
      const command = session.plan.card.steps[session.current.index]?.run ?? '';
      const ran = await runCommand(session.plan.exec?.shell ?? '/bin/sh', command, answers.terminal, io);
      next = advance(session, { kind: 'ran', ...ran }, io.now());
    } else {
      const input = await answers.read(promptOf(session), session.waiting === 'confirm');
      next = advance(session, input, io.now());
    }
    io.stdout.write(next.screen);
    session = next.session;
  }
  return session.record;
}

/** Runs a confirmed command, streaming its output cleaned of terminal controls; its exit code and last lines. */
async function runCommand(shell: string, command: string, terminal: Terminal | undefined, io: Io): Promise<{ readonly exitCode: number; readonly tail: readonly string[] }> {
  terminal?.release();
  const tail: string[] = [];
  const exit = await runShellCommand(shell, command, { cwd: io.cwd, env: io.env, interactive: terminal !== undefined }, (line) => {
    const clean = drillFileText(line.replace(/\r$/, ''));
    io.stdout.write(`  | ${clean}\n`);
    tail.push(clean);
    if (tail.length > TAIL_LINES) tail.shift();
  });
  // Ends the line the terminal may have echoed `^C` on, and sets the output apart from the answer.
  io.stdout.write('\n');
  return { exitCode: exit.exitCode, tail };
}

/** What was drilled: the runbook, its file as it was when the drill started, the project and the title. */
interface Drilled {
  readonly runbook: Runbook;
  readonly identity: RunbookFileIdentity;
  readonly project: Project;
  readonly title: string;
}

/**
 * Writes the record and, for a recovered drill, sets `last_tested`; prints where and what. A record
 * that cannot be written is printed whole on stdout, so the drill is not lost; `last_tested` is set
 * only in the runbook file the drill started with, still inside the root.
 */
function finish(record: DrillRecord, drilled: Drilled, io: Io): number {
  const { runbook, project } = drilled;
  const day = dayOfInstant(record.started);
  const text = formatDrillRecord(record, drilled.title);
  const written = writeRecord(project, io.cwd, record.runbook, text, day);
  if (written.kind === 'refused') {
    io.stderr.write(`runbook: the drill record was not written: ${written.message}\n`);
    io.stdout.write(`\nThe record, to save by hand:\n\n${printableLines(text)}`);
    return EXIT.failure;
  }
  io.stdout.write(`Record: ${printable(displayPath(written.path, io.cwd))}\n`);
  if (record.outcome !== 'recovered') return EXIT.findings;
  const date = parseCalendarDate(day);
  if (date === undefined) throw new Error(`bug: no day in ${record.started}`);
  const kept = 'runbook: the drill record is kept, but last_tested was not set';
  const change = runbookFileChange(drilled.identity, project.config.root);
  if (change !== undefined) {
    io.stderr.write(`${kept}: ${printable(runbook.file)} ${change}; check it, then run \`runbook tested ${printable(runbook.id)} --date ${day}\`\n`);
    return EXIT.findings;
  }
  const edit = setLastTested(runbook, project, date);
  if (edit.kind === 'refused') {
    io.stderr.write(edit.details);
    io.stderr.write(`${kept}: ${edit.message}\n`);
    return EXIT.findings;
  }
  io.stdout.write(`last_tested set to ${day} (was ${previousText(edit.previous)}): ${printable(runbook.file)}\n`);
  return EXIT.ok;
}

/** Writes the record, or says why it was not: a refusal, or the file system failing (full, read-only). */
function writeRecord(project: Project, cwd: string, id: string, text: string, day: string): WrittenRecord {
  try {
    return writeDrillRecord(project.config, cwd, id, text, (taken) => drillRecordFileName(day, taken));
  } catch (error: unknown) {
    return { kind: 'refused', message: printable(describeError(error)) };
  }
}

/** The answers: the lines of --answers (a file, or - for stdin), else the terminal; neither is a usage error. */
async function answerSource(answers: string | undefined, io: Io): Promise<AnswerSource> {
  if (answers === undefined) {
    if (io.terminal === undefined) {
      throw new UsageError(
        'stdin is not a terminal: to script a drill, give the answers with --answers FILE (or --answers - to read them from stdin), one per line: d, f, s, q or `n <note>`',
      );
    }
    const terminal = io.terminal();
    return { read: terminal.read, terminal };
  }
  const lines = await answerLines(answers, io.cwd);
  let next = 0;
  return {
    terminal: undefined,
    read: (prompt) => {
      const line = lines[next];
      next += 1;
      if (line === undefined) return Promise.resolve({ kind: 'end-of-input' });
      io.stdout.write(`${prompt}${printable(line)}\n`);
      return Promise.resolve({ kind: 'line', text: line });
    },
  };
}

async function answerLines(answers: string, cwd: string): Promise<readonly string[]> {
  let text: string;
  try {
    text = answers === '-' ? await readStandardInput() : readFileSync(resolve(cwd, answers), 'utf8');
  } catch (error: unknown) {
    throw new UsageError(`cannot read the answers \`${answers}\``, { cause: error });
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The runbook's view, as `show` computes it (its own diagnostics only). */
function viewOf(runbook: Runbook, project: Project, today: CalendarDate): RunbookView {
  const [view] = collectionView([runbook], project.diagnostics, project.config, today, project.git, project.runbooks.map((each) => each.id)).runbooks;
  if (view === undefined) throw new Error(`bug: no view of ${runbook.file}`);
  return view;
}

/** `git config user.name` in the runbook's repository; undefined when git has none. */
async function gitUserName(folder: string): Promise<string | undefined> {
  try {
    return nonEmpty((await runGit(folder, ['config', 'user.name'])).stdout.trim());
  } catch (error: unknown) {
    // Exit code 1: the key is not set; ENOENT: no git. Anything else is a failure of the run.
    const code = (error as { code?: unknown }).code;
    if (code === 1 || code === 'ENOENT') return undefined;
    throw new Error(`git config user.name failed in ${folder}`, { cause: error });
  }
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
