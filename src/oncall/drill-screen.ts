/*
 * What `runbook drill` prints, as text: the runbook's header, one step at a time, the keys, and the
 * outcome. Prose is wrapped to the terminal's width; commands are never wrapped (so they can be
 * copied); every piece of runbook text goes through `printable` (in the wrappers).
 */
import { textInline } from '../model/prose.js';
import { printable } from '../text/terminal-text.js';
import type { DrillRecord } from '../model/drill.js';
import type { Card, CardStep } from './card.js';
import { statusSentence } from './card-text.js';
import { spokenSeconds } from './drill-record-text.js';
import { inlineLines, type InlineStyle } from './inline-text.js';
import { commandSize, MAX_CONFIRM_ROWS, screenRows, visibleCommandLines } from './visible-command.js';
import { commandLines, wrap } from './wrap.js';

/** How the drill is laid out: columns of the terminal and the styles (identity without colour). */
export interface DrillLayout {
  readonly width: number;
  readonly style: InlineStyle;
}

/** Columns when the terminal does not say, and the fewest the text is wrapped to. */
const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;

/** The width to wrap to for a terminal of `columns` (undefined: unknown). */
export function drillWidth(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, Math.floor(columns));
}

const LABEL_WIDTH = 10;

/** The header fields of the plan: the card and who drills where (a structural subset of `DrillPlan`). */
interface HeaderPlan {
  readonly card: Card;
  readonly environment: string | undefined;
  readonly operator: string | undefined;
  readonly exec: { readonly shell: string } | undefined;
}

/** The runbook's header: title, id and severity, owner, alerts, when last tested, who drills where. */
export function headerText(plan: HeaderPlan, layout: DrillLayout): string {
  const { card } = plan;
  const { palette } = layout.style;
  const lines: string[] = [...paragraph(`Drill: ${card.title}`, layout).map(palette.bold)];
  const facts = [card.id, card.severity].filter((fact): fact is string => fact !== undefined);
  lines.push(...paragraph(facts.join(' · '), layout).map(palette.dim), '');
  const row = (label: string, value: string): void => {
    lines.push(...wrap(value, { first: label.padEnd(LABEL_WIDTH), rest: ' '.repeat(LABEL_WIDTH) }, layout.width));
  };
  row('Owner', card.owner === undefined ? 'not given' : card.owner.name === card.owner.id ? card.owner.id : `${card.owner.name} (${card.owner.id})`);
  row('Alerts', card.alerts.length === 0 ? 'none' : card.alerts.join(', '));
  row('Tested', statusSentence(card.review, card.status));
  if (plan.environment !== undefined) row('Where', plan.environment);
  if (plan.operator !== undefined) row('Operator', plan.operator);
  const count = `${card.steps.length} recovery step${card.steps.length === 1 ? '' : 's'}`;
  const commands =
    plan.exec === undefined
      ? 'Commands are shown, never run: run them yourself (or drill with --exec).'
      : `--exec: a step's command runs in ${plan.exec.shell} only when you answer y.`;
  lines.push('', ...paragraph(`${count}, timed. ${commands}`, layout));
  return `${lines.join('\n')}\n`;
}

/**
 * How a step's command is offered with `--exec`: not at all (shown to copy, as without `--exec`),
 * for a yes or no under its visible form, or not, as its visible form is too long to check on screen.
 */
export type CommandOffer = 'none' | 'confirm' | 'too-long';

const COMMAND_INDENT = '    ';

/** Whether `command` may be offered to run: its visible form fits in {@link MAX_CONFIRM_ROWS} lines of the terminal. */
export function commandOffer(command: string, layout: Pick<DrillLayout, 'width'>): 'confirm' | 'too-long' {
  return screenRows(visibleCommandLines(command), COMMAND_INDENT, layout.width) <= MAX_CONFIRM_ROWS ? 'confirm' : 'too-long';
}

/**
 * One step: its number of the total, the time so far, its text, its command and what to expect, then
 * the keys. A command offered to run comes last, in its visible form, for the question just under it.
 */
export function stepText(step: CardStep, index: number, total: number, elapsedSeconds: number, layout: DrillLayout, offer: CommandOffer): string {
  const { palette } = layout.style;
  const title = `Step ${index + 1}/${total}`;
  const lines = ['', `${palette.bold(title)}${palette.dim(` · ${clock(elapsedSeconds)} into the drill`)}`];
  const text = step.textInlines.length === 0 && step.text === '' ? textInline('(no description)') : step.textInlines;
  lines.push(...inlineLines(text, layout.style, { first: '  ', rest: '  ' }, layout.width));
  if (step.run !== undefined && offer !== 'confirm') lines.push(...commandLines(step.run, COMMAND_INDENT).map(palette.cyan));
  if (step.expect !== undefined) {
    const expect = step.expectInlines ?? textInline(step.expect);
    lines.push(...inlineLines(expect, layout.style, { first: '  expect: ', styledFirst: `  ${palette.dim('expect:')} `, rest: '          ' }, layout.width));
  }
  if (step.run !== undefined && offer === 'confirm') return `${[...lines, ...visibleCommandLines(step.run).map((line) => palette.cyan(COMMAND_INDENT + line))].join('\n')}\n`;
  if (step.run !== undefined && offer === 'too-long') {
    lines.push(...paragraph(`--exec: this command is too long to confirm on screen (${commandSize(step.run)}): run it yourself, or shorten the step.`, layout));
  }
  return `${lines.join('\n')}\n${keysText(layout)}`;
}

/** The question under a command offered to run: its size, so nothing of it goes unseen, and the shell. */
export function confirmQuestion(command: string, shell: string): string {
  return `Run the command above (${commandSize(command)}) in ${printable(shell)}? [y/N] `;
}

/** The keys, shown with every step. */
export function keysText(layout: DrillLayout): string {
  return `${paragraph('d done · f failed · s skip · n note · q stop · ? help', layout).map(layout.style.palette.dim).join('\n')}\n`;
}

/** What each key does, for `?`. */
export function helpText(layout: DrillLayout, exec: boolean): string {
  const rows: readonly (readonly [string, string])[] = [
    ['d', 'done: the step worked as written'],
    ['f', 'failed: it did not (the drill will be recorded as failed)'],
    ['s', 'skip: not done in this drill (does not fail it)'],
    ['n', 'note: add a note to this step (`n <text>`, or `n` then the text); several are kept'],
    ['q', 'stop: end the drill here; it is recorded as aborted (so is Ctrl-C)'],
    ['?', 'this help'],
  ];
  const lines = rows.flatMap(([key, what]) => wrap(what, { first: `  ${key}  `, rest: '     ' }, layout.width));
  const after = exec
    ? "A step's command runs only when you answer y to its question; after it, Enter takes the suggested answer (d when it exited with 0, f otherwise)."
    : 'Commands are never run by the drill: run each yourself, then answer.';
  return `${[...lines, ...paragraph(`Type the key, then Enter. ${after}`, layout)].join('\n')}\n`;
}

/** The answer when a command ran: its exit code and the answer Enter takes. */
export function ranText(ran: { readonly exitCode: number }, layout: DrillLayout): string {
  const { palette } = layout.style;
  const suggestion = ran.exitCode === 0 ? 'd (done)' : 'f (failed)';
  const exit = ran.exitCode === 0 ? palette.green('exit code 0') : palette.red(`exit code ${ran.exitCode}`);
  return `${labelled(exit, `exit code ${ran.exitCode}`, `: Enter takes ${suggestion}, or answer with a key.`, layout)}${keysText(layout)}`;
}

export function notRunText(layout: DrillLayout): string {
  return `${paragraph('Not run. Answer when you have done the step yourself:', layout).join('\n')}\n${keysText(layout)}`;
}

export function noteText(note: string, layout: DrillLayout): string {
  return note === '' ? 'No note added.\n' : `${paragraph('Note added. Now answer the step:', layout).join('\n')}\n`;
}

export function unknownAnswerText(text: string, layout: DrillLayout): string {
  return `${paragraph(`Unknown answer \`${text}\`. Type one key, then Enter:`, layout).join('\n')}\n${keysText(layout)}`;
}

/** The outcome: recovered and in how long, failed at which steps, or aborted where. */
export function endText(record: DrillRecord, layout: DrillLayout): string {
  const { palette } = layout.style;
  const reached = record.steps.filter((step) => step.status !== 'not-reached').length;
  const failed = record.steps.filter((step) => step.status === 'failed').map((step) => step.number);
  const skipped = record.steps.filter((step) => step.status === 'skipped').length;
  const lasted = spokenSeconds((Date.parse(record.ended) - Date.parse(record.started)) / 1000);
  const skippedText = skipped === 0 ? '' : ` (${skipped} skipped)`;
  switch (record.outcome) {
    case 'recovered':
      return `\n${labelled(palette.bold(palette.green('Recovered')), 'Recovered', `: every step done${skippedText}. Time to recover: ${lasted}.`, layout)}`;
    case 'failed':
      return `\n${labelled(palette.bold(palette.red('Failed')), 'Failed', `: step${failed.length === 1 ? '' : 's'} ${failed.join(', ')} failed${reached < record.steps.length ? `; stopped after ${reached} of ${record.steps.length} steps` : ''}. The drill took ${lasted}.`, layout)}`;
    case 'aborted':
      return `\n${labelled(palette.bold(palette.yellow('Aborted')), 'Aborted', `: ${reached} of ${record.steps.length} steps answered, after ${lasted}.`, layout)}`;
  }
}

/** `text` wrapped after a label that is measured plain and printed styled; ends with a line break. */
function labelled(styled: string, plain: string, text: string, layout: DrillLayout): string {
  const [first = '', ...rest] = wrap(text.replace(/^:\s*/, ''), { first: `${plain}: `, rest: '' }, layout.width);
  return `${[styled + first.slice(plain.length), ...rest].join('\n')}\n`;
}

function paragraph(text: string, layout: Pick<DrillLayout, 'width'>): readonly string[] {
  return wrap(text, { first: '', rest: '' }, layout.width);
}

/** Seconds as `m:ss` (or `h:mm:ss`). */
function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
