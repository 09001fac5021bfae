/*
 * A drill as a state machine, without a terminal: the operator's answers (and the results of the
 * commands the shell ran) go in, the text to show and, at the end, the drill record come out.
 * `runbook drill` (cli/drill.ts) only reads lines, runs confirmed commands and writes the record.
 */
import { formatInstant, type DrillOutcome, type DrillRecord, type DrillStep } from '../model/drill.js';
import type { Card } from './card.js';
import { commandOffer, confirmQuestion, endText, headerText, helpText, keysText, noteText, notRunText, ranText, stepText, unknownAnswerText, type DrillLayout } from './drill-screen.js';

/** What the drill is of, and how it runs: fixed before the first step. */
export interface DrillPlan {
  /** The runbook as `show` sees it: its header and recovery steps. */
  readonly card: Card;
  readonly runbookCommit: string | undefined;
  readonly environment: string | undefined;
  readonly operator: string | undefined;
  /** With `--exec`: the shell a confirmed step's command runs in; undefined: commands are never run. */
  readonly exec: { readonly shell: string } | undefined;
}

/** One thing that happened: a line the operator entered, Ctrl-C, input that ended, or a command that ran. */
export type SessionInput =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'interrupt' }
  | { readonly kind: 'end-of-input' }
  | { readonly kind: 'ran'; readonly exitCode: number; readonly tail: readonly string[] };

/** What a command that ran left: its exit code and its last lines of output. */
export interface Ran {
  readonly exitCode: number;
  readonly tail: readonly string[];
}

/** The step being drilled: when it was shown, its notes, and its command's result if it ran. */
export interface CurrentStep {
  /** Index into the plan's steps. */
  readonly index: number;
  readonly shownAt: Date;
  readonly notes: readonly string[];
  readonly ran: Ran | undefined;
}

/**
 * What the session waits for: an answer (`d f s n q ?`), the text of a note, a yes or no to run
 * the step's command, or the command's result (the shell runs it and sends `ran`).
 */
export type Waiting = 'answer' | 'note' | 'confirm' | 'run';

export type DrillSession =
  | {
      readonly kind: 'running';
      readonly plan: DrillPlan;
      readonly layout: DrillLayout;
      readonly started: Date;
      readonly finished: readonly DrillStep[];
      readonly current: CurrentStep;
      readonly waiting: Waiting;
    }
  | { readonly kind: 'ended'; readonly record: DrillRecord };

/** A session after an input, and the text to print for it. */
export interface Transition {
  readonly session: DrillSession;
  readonly screen: string;
}

type Running = Extract<DrillSession, { kind: 'running' }>;

/** An answer to a step, as typed: one key (or its word), a note with its text on the same line. */
export type DrillAnswer =
  | { readonly kind: 'done' | 'failed' | 'skip' | 'stop' | 'help' | 'empty' }
  | { readonly kind: 'note'; readonly text: string | undefined }
  | { readonly kind: 'unknown'; readonly text: string };

const KEYS: Readonly<Record<string, DrillAnswer['kind']>> = {
  d: 'done',
  done: 'done',
  f: 'failed',
  fail: 'failed',
  failed: 'failed',
  s: 'skip',
  skip: 'skip',
  q: 'stop',
  quit: 'stop',
  stop: 'stop',
  '?': 'help',
  h: 'help',
  help: 'help',
};

/** Reads one answer line: `d`, `f`, `s`, `q`, `?` (or their words, any case), `n` or `n <note>`. */
export function parseAnswer(line: string): DrillAnswer {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  const note = /^(?:n|note)(?:\s+(.*))?$/is.exec(text);
  if (note !== null) return { kind: 'note', text: note[1]?.trim() === '' ? undefined : note[1]?.trim() };
  const kind = Object.hasOwn(KEYS, text.toLowerCase()) ? KEYS[text.toLowerCase()] : undefined;
  if (kind === undefined || kind === 'note' || kind === 'unknown') return { kind: 'unknown', text };
  return { kind };
}

/** Whether a confirmation line says to run the command: only `y` or `yes` (any case); the default is no. */
export function confirms(line: string): boolean {
  return /^(?:y|yes)$/i.test(line.trim());
}

/** Starts a drill at `now`: the header, then the first step (or the question to run its command). */
export function startSession(plan: DrillPlan, layout: DrillLayout, now: Date): Transition {
  const session: Running = { kind: 'running', plan, layout, started: now, finished: [], current: { index: 0, shownAt: now, notes: [], ran: undefined }, waiting: 'answer' };
  if (plan.card.steps.length === 0) return end(session, now, 'stopped', headerText(plan, layout));
  return show(session, now, headerText(plan, layout));
}

/** The prompt to print before reading the line the session waits for. */
export function promptOf(session: Running): string {
  if (session.waiting === 'note') return 'note> ';
  if (session.waiting === 'confirm') {
    return confirmQuestion(session.plan.card.steps[session.current.index]?.run ?? '', session.plan.exec?.shell ?? '');
  }
  const ran = session.current.ran;
  if (ran === undefined) return '> ';
  return ran.exitCode === 0 ? '[Enter: d] > ' : '[Enter: f] > ';
}

/** The session after one input at `now`. */
export function advance(session: DrillSession, input: SessionInput, now: Date): Transition {
  if (session.kind === 'ended') return { session, screen: '' };
  if (input.kind === 'interrupt' || input.kind === 'end-of-input') {
    const why = input.kind === 'interrupt' ? 'Stopped (Ctrl-C).' : 'The input ended before the last step.';
    return end(session, now, 'stopped', `${why}\n`);
  }
  if (input.kind === 'ran') {
    if (session.waiting !== 'run') throw new Error(`bug: a command result while waiting for ${session.waiting}`);
    const ran = { exitCode: input.exitCode, tail: input.tail };
    return { session: { ...session, current: { ...session.current, ran }, waiting: 'answer' }, screen: ranText(ran, session.layout) };
  }
  switch (session.waiting) {
    case 'run':
      throw new Error('bug: a line while a command runs');
    case 'confirm':
      if (confirms(input.text)) return { session: { ...session, waiting: 'run' }, screen: '' };
      return { session: { ...session, waiting: 'answer' }, screen: notRunText(session.layout) };
    case 'note':
      return { session: addNote(session, input.text.trim()), screen: noteText(input.text.trim(), session.layout) };
    case 'answer':
      return answer(session, parseAnswer(input.text), now);
  }
}

function answer(session: Running, given: DrillAnswer, now: Date): Transition {
  const { layout } = session;
  switch (given.kind) {
    case 'done':
      return finishStep(session, 'done', now);
    case 'failed':
      return finishStep(session, 'failed', now);
    case 'skip':
      return finishStep(session, 'skipped', now);
    case 'stop':
      return end(session, now, 'stopped', 'Stopped.\n');
    case 'help':
      return { session, screen: helpText(layout, session.plan.exec !== undefined) };
    case 'note':
      if (given.text === undefined) return { session: { ...session, waiting: 'note' }, screen: '' };
      return { session: addNote(session, given.text), screen: noteText(given.text, layout) };
    case 'empty': {
      const ran = session.current.ran;
      if (ran !== undefined) return finishStep(session, ran.exitCode === 0 ? 'done' : 'failed', now);
      return { session, screen: keysText(layout) };
    }
    case 'unknown':
      return { session, screen: unknownAnswerText(given.text, layout) };
  }
}

function addNote(session: Running, note: string): Running {
  return note === '' ? session : { ...session, current: { ...session.current, notes: [...session.current.notes, note] }, waiting: 'answer' };
}

function finishStep(session: Running, status: 'done' | 'failed' | 'skipped', now: Date): Transition {
  const finished = [...session.finished, drilledStep(session, status, seconds(session.current.shownAt, now))];
  const next: Running = { ...session, finished, current: { index: session.current.index + 1, shownAt: now, notes: [], ran: undefined }, waiting: 'answer' };
  if (next.current.index >= session.plan.card.steps.length) return end(next, now, 'finished', '');
  return show(next, now, '');
}

/** The step on screen, and what the session waits for first: a confirmation when its command may run. */
function show(session: Running, now: Date, before: string): Transition {
  const { plan, layout, current } = session;
  const step = plan.card.steps[current.index];
  if (step === undefined) throw new Error(`bug: no step ${current.index + 1}`);
  const offer = plan.exec === undefined || step.run === undefined ? 'none' : commandOffer(step.run, layout);
  const screen = before + stepText(step, current.index, plan.card.steps.length, seconds(session.started, now), layout, offer);
  return { session: { ...session, waiting: offer === 'confirm' ? 'confirm' : 'answer' }, screen };
}

function drilledStep(session: Running, status: DrillStep['status'], durationSeconds: number): DrillStep {
  const { current } = session;
  const step = session.plan.card.steps[current.index];
  return {
    number: current.index + 1,
    text: step?.text ?? '',
    status,
    durationSeconds,
    note: current.notes.length === 0 ? undefined : current.notes.join('; '),
    exitCode: current.ran?.exitCode,
    outputTail: current.ran?.tail ?? [],
  };
}

/**
 * The drill's outcome: `failed` when a step failed (also when the operator stopped after it: a step
 * that did not work is what a drill is there to find), else `aborted` when it stopped before the
 * end, else `recovered`.
 */
export function outcomeOf(steps: readonly DrillStep[], how: 'finished' | 'stopped'): DrillOutcome {
  if (steps.some((step) => step.status === 'failed')) return 'failed';
  return how === 'stopped' ? 'aborted' : 'recovered';
}

function end(session: Running, now: Date, how: 'finished' | 'stopped', before: string): Transition {
  const { plan } = session;
  const stopped = how === 'stopped';
  // The step on screen when the drill stopped was not finished: not reached, with what it gathered.
  const rest = plan.card.steps.slice(session.finished.length).map((step, offset): DrillStep => {
    const number = session.finished.length + offset + 1;
    const current = offset === 0 && stopped ? drilledStep(session, 'not-reached', 0) : undefined;
    return current ?? { number, text: step.text, status: 'not-reached', durationSeconds: 0, note: undefined, exitCode: undefined, outputTail: [] };
  });
  const steps = [...session.finished, ...rest];
  const outcome = outcomeOf(steps, how);
  const started = formatInstant(session.started);
  const ended = formatInstant(now);
  const record: DrillRecord = {
    runbook: plan.card.id,
    runbookCommit: plan.runbookCommit,
    environment: plan.environment,
    operator: plan.operator,
    started,
    ended,
    outcome,
    timeToRecoverSeconds: outcome === 'recovered' ? (Date.parse(ended) - Date.parse(started)) / 1000 : undefined,
    steps,
  };
  return { session: { kind: 'ended', record }, screen: before + endText(record, session.layout) };
}

/** Whole seconds from `from` to `to`. */
function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}
