/**
 * Drills as every output shows them: a runbook's drill history and its typical time to recover, a
 * team's median time to recover, the collection's recent drills and what falls due next. Computed
 * once from the drill records (valid ones only: `check` reports the others), so the site, the
 * catalog, the cheat sheets and `show` cannot disagree.
 */
import { dayOfInstant, drillRecordNumber, type DrillOutcome, type DrillRecordFile } from '../model/drill.js';
import type { RunbookView } from './collection-view.js';

/** One drill as the outputs show it. */
export interface DrillView {
  /** `YYYY-MM-DD`, the UTC day it started. */
  readonly day: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly started: string;
  readonly ended: string;
  readonly outcome: DrillOutcome;
  /** `Recovered`, `Failed`, `Aborted`. */
  readonly outcomeLabel: string;
  /** Whole seconds, for a `recovered` drill only. */
  readonly timeToRecoverSeconds: number | undefined;
  /** The same for people (`12 min`), see {@link formatSeconds}. */
  readonly timeToRecover: string | undefined;
  /** As recorded: untrusted text, escaped and shortened by each output. */
  readonly environment: string | undefined;
  readonly operator: string | undefined;
  /** The record file, as shown to users. */
  readonly file: string;
}

/** A median time to recover and how many drills it is over. */
export interface RecoveryTime {
  readonly seconds: number;
  /** For people: `12 min`. */
  readonly text: string;
  /** How many drills it is the median of (at least 1). */
  readonly over: number;
}

/** A runbook's drills. */
export interface RunbookDrills {
  /** Newest first. */
  readonly history: readonly DrillView[];
  readonly latest: DrillView | undefined;
  /** The median time to recover of its last {@link TYPICAL_OVER} `recovered` drills; undefined when none recovered. */
  readonly typical: RecoveryTime | undefined;
}

/** A runbook that falls due: what the Drills page lists under "Due next". */
export interface DueRunbook {
  readonly entry: RunbookView;
  readonly due: string;
  /** Negative when overdue. */
  readonly daysLeft: number;
}

/** The collection's drills. */
export interface CollectionDrills {
  /** The last {@link RECENT_DRILLS} drills of every runbook, newest first. */
  readonly recent: readonly { readonly entry: RunbookView; readonly drill: DrillView }[];
  /** Runbooks with a due date, overdue and due soonest first (then by id), at most {@link DUE_NEXT}. */
  readonly dueNext: readonly DueRunbook[];
  /** How many runbooks have a due date in all. */
  readonly dueCount: number;
  /** How many drills the collection has recorded in all (0: it keeps no drill records, and the outputs say nothing of drills). */
  readonly count: number;
}

/** How many recovered drills the typical time to recover is over. */
const TYPICAL_OVER = 3;

/** How many drills the collection's recent list holds. */
const RECENT_DRILLS = 30;

/** How many runbooks "Due next" lists. */
const DUE_NEXT = 30;

const OUTCOME_LABELS: Readonly<Record<DrillOutcome, string>> = { recovered: 'Recovered', failed: 'Failed', aborted: 'Aborted' };

/** The drills of one runbook from its records (any order). */
export function runbookDrills(records: readonly DrillRecordFile[]): RunbookDrills {
  const history = records.map(drillView).sort(newestFirst);
  const recovered = history.filter((drill) => drill.timeToRecoverSeconds !== undefined).slice(0, TYPICAL_OVER);
  return { history, latest: history[0], typical: recoveryTime(recovered.map((drill) => drill.timeToRecoverSeconds ?? 0)) };
}

/**
 * A team's (or service's) median time to recover: over each of its runbooks' latest `recovered`
 * drill (a runbook never recovered in a drill counts for nothing), so a runbook drilled often does
 * not weigh more than one drilled once. Undefined when none of them recovered in a drill.
 */
export function groupRecoveryTime(runbooks: readonly RunbookDrills[]): RecoveryTime | undefined {
  return recoveryTime(runbooks.flatMap((drills) => {
    const last = drills.history.find((drill) => drill.timeToRecoverSeconds !== undefined);
    return last?.timeToRecoverSeconds === undefined ? [] : [last.timeToRecoverSeconds];
  }));
}

/** The collection's recent drills and what falls due next, from each runbook's view. */
export function collectionDrills(entries: readonly RunbookView[]): CollectionDrills {
  const all = entries
    .flatMap((entry) => entry.drills.history.map((drill) => ({ entry, drill })))
    .sort((a, b) => newestFirst(a.drill, b.drill) || compare(a.entry.runbook.id, b.entry.runbook.id));
  const due = entries
    .flatMap((entry) => (entry.review.kind === 'tested' ? [{ entry, due: entry.review.due, daysLeft: entry.review.daysLeft }] : []))
    .sort((a, b) => a.daysLeft - b.daysLeft || compare(a.entry.runbook.id, b.entry.runbook.id));
  return { recent: all.slice(0, RECENT_DRILLS), dueNext: due.slice(0, DUE_NEXT), dueCount: due.length, count: all.length };
}

/**
 * A duration for people: `45 s`, `4 min 30 s` (under ten minutes, seconds kept), `12 min` (rounded
 * to the minute), `1 h`, `1 h 5 min`.
 */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  if (whole < 600) return whole % 60 === 0 ? `${whole / 60} min` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** "typically recovered in 12 min (last 3 drills)", or "(last drill)" over one: the line of cheat sheets and `show`. */
export function typicalRecoveryText(typical: RecoveryTime): string {
  return `typically recovered in ${typical.text} (${typical.over === 1 ? 'last drill' : `last ${typical.over} drills`})`;
}

function drillView(file: DrillRecordFile): DrillView {
  const { record } = file;
  const seconds = record.outcome === 'recovered' ? record.timeToRecoverSeconds : undefined;
  return {
    day: dayOfInstant(record.started),
    started: record.started,
    ended: record.ended,
    outcome: record.outcome,
    outcomeLabel: OUTCOME_LABELS[record.outcome],
    timeToRecoverSeconds: seconds,
    timeToRecover: seconds === undefined ? undefined : formatSeconds(seconds),
    environment: record.environment,
    operator: record.operator,
    file: file.file,
  };
}

/** The median of `seconds` (the mean of the middle two for an even count, to the whole second); undefined when empty. */
function recoveryTime(seconds: readonly number[]): RecoveryTime | undefined {
  if (seconds.length === 0) return undefined;
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
  return { seconds: median, text: formatSeconds(median), over: sorted.length };
}

function newestFirst(a: DrillView, b: DrillView): number {
  return compare(b.started, a.started) || drillRecordNumber(b.file) - drillRecordNumber(a.file) || compare(b.file, a.file);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
