/*
 * A drill: someone followed a runbook's recovery steps, on purpose, and wrote down what happened.
 * `runbook drill` makes one; a record file (`drills/<id>/<YYYY-MM-DD>[-n].md`) keeps it; `check`,
 * the site, the cheat sheets and `due` read it back. These are the values; the file format is in
 * `parse/drill-record.ts` (reading) and `oncall/drill-record-text.ts` (writing).
 */

/**
 * How a drill ended. `recovered`: every step was done or skipped and none failed. `failed`: a step
 * failed (whether or not the operator went on after it). `aborted`: the operator stopped (or pressed
 * Ctrl-C) before the last step, and no step had failed.
 */
export type DrillOutcome = 'recovered' | 'failed' | 'aborted';

export const DRILL_OUTCOMES: readonly DrillOutcome[] = ['recovered', 'failed', 'aborted'];

/** What became of one recovery step in a drill. `not-reached`: the drill stopped before it. */
export type DrillStepStatus = 'done' | 'failed' | 'skipped' | 'not-reached';

export const DRILL_STEP_STATUSES: readonly DrillStepStatus[] = ['done', 'failed', 'skipped', 'not-reached'];

/** One recovery step as drilled. */
export interface DrillStep {
  /** Its number in the runbook's recovery steps, from 1. */
  readonly number: number;
  /** The step's text as plain text, as the runbook said it when drilled. */
  readonly text: string;
  readonly status: DrillStepStatus;
  /** Whole seconds spent on it (0 when not reached). */
  readonly durationSeconds: number;
  /** What the operator wrote about it. */
  readonly note: string | undefined;
  /** The exit code of its command when `--exec` ran it (confirmed by the operator); undefined when not run. */
  readonly exitCode: number | undefined;
  /** The last lines its command printed when run (terminal controls removed). */
  readonly outputTail: readonly string[];
}

/** One drill of one runbook: the content of a drill record file. */
export interface DrillRecord {
  /** The runbook's id. */
  readonly runbook: string;
  /** The commit checked out when the drill ran (the runbook as drilled); undefined outside git. */
  readonly runbookCommit: string | undefined;
  /** Where it ran: `staging`, `prod`, … as the operator named it. */
  readonly environment: string | undefined;
  /** Who ran it. */
  readonly operator: string | undefined;
  /** When it started and ended, as UTC instants `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly started: string;
  readonly ended: string;
  readonly outcome: DrillOutcome;
  /** Whole seconds from start to end of a `recovered` drill; undefined for the others. */
  readonly timeToRecoverSeconds: number | undefined;
  readonly steps: readonly DrillStep[];
}

/** A drill record as read from its file: the record, and where it is. */
export interface DrillRecordFile {
  /** Absolute path. */
  readonly path: string;
  /** As shown to users (relative to the working folder). */
  readonly file: string;
  readonly record: DrillRecord;
}

/** `YYYY-MM-DDTHH:MM:SSZ`: the only form of instant a record holds. */
export const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

/** An instant as a record writes it: UTC, whole seconds. */
export function formatInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The UTC day (`YYYY-MM-DD`) a record's instant falls on: the day of the drill. */
export function dayOfInstant(instant: string): string {
  return instant.slice(0, 10);
}

/**
 * The number of a record among its day's (`2026-11-02.md` is 1, `2026-11-02-2.md` is 2, …), from
 * its file name: what orders two records that started at the same second (file names sort `-10`
 * before `-9`). 1 for a name not of that form.
 */
export function drillRecordNumber(file: string): number {
  const number = /(?:^|[/\\])\d{4}-\d{2}-\d{2}-(\d{1,15})\.md$/.exec(file)?.[1];
  return number === undefined ? 1 : Number(number);
}

/** Oldest first: by `started`, then by {@link drillRecordNumber}, then by file (records of one runbook, or of several). */
export function compareDrillFiles(a: DrillRecordFile, b: DrillRecordFile): number {
  return compareText(a.record.started, b.record.started) || drillRecordNumber(a.file) - drillRecordNumber(b.file) || compareText(a.file, b.file);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
