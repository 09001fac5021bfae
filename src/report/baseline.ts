/**
 * The baseline: known problems recorded once (`runbook baseline`) so that `check` fails only on new
 * ones, in the spirit of ESLint's bulk suppressions. An entry is keyed by file (relative to the
 * config's folder, with `/`), rule and a fingerprint of the finding's subject, with a count when one
 * key stands for several findings. The fingerprint leaves out the message and the line (like
 * src/report/fingerprint.ts), so a problem stays matched from one day to the next and when lines
 * move above it; it leaves out the path as shown too (that depends on the working folder), and the
 * occurrence counter (the count takes its place). Time-based findings are recorded with an expiry,
 * from which day on they count again: adoption debt comes back instead of being hidden for ever.
 */
import { createHash } from 'node:crypto';
import { compareDates, type CalendarDate } from '../model/calendar-date.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { addDuration, type Duration } from '../model/duration.js';

/** The rules whose findings come from the calendar: recorded with an expiry. */
export const TIME_BASED_RULES: ReadonlySet<string> = new Set(['stale', 'never-tested', 'due-soon']);

/**
 * The rules a baseline never holds back: `internal-error` (a bug in the tool: what the rule would
 * have said is unknown) and `unreadable-file` (the file is never checked at all, and its fingerprint
 * is the same whatever made it unreadable). As suppressions, they always count; an entry for one
 * (recorded before, or written by hand) matches nothing and is pruned.
 */
export const NEVER_BASELINED_RULES: ReadonlySet<string> = new Set(['internal-error', 'unreadable-file']);

/** What an entry of the baseline is about: one subject of one rule in one file. */
export interface BaselineKey {
  /** The file, relative to the config's folder, with `/`. */
  readonly file: string;
  readonly rule: string;
  /** 16 hex digits of the SHA-256 of the finding's subject. */
  readonly fingerprint: string;
}

/** One entry of the baseline: how many findings with its key are known, and until when. */
export interface BaselineEntry extends BaselineKey {
  /** At least 1. */
  readonly count: number;
  /** From this day on (inclusive) the entry holds nothing back. */
  readonly expires?: CalendarDate;
}

/** The whole baseline, entries sorted by file, rule and fingerprint, each key once. */
export interface Baseline {
  readonly entries: readonly BaselineEntry[];
}

/** A diagnostic with its baseline key. */
export interface KeyedFinding {
  readonly diagnostic: Diagnostic;
  readonly key: BaselineKey;
}

/** Which entries a run could have matched: those of the files it checked (all, for a whole-collection run). */
export type BaselineScope = (file: string) => boolean;

/** The fingerprint of a subject (16 hex digits: ample within one file and rule). */
export function subjectFingerprint(subject: string): string {
  return createHash('sha256').update(subject).digest('hex').slice(0, 16);
}

/** Each diagnostic with its key; `fileKey` turns the path as shown into the baseline's. */
export function keyedFindings(diagnostics: readonly Diagnostic[], fileKey: (file: string) => string): readonly KeyedFinding[] {
  return diagnostics.map((diagnostic) => ({
    diagnostic,
    key: { file: fileKey(diagnostic.file), rule: diagnostic.ruleId, fingerprint: subjectFingerprint(diagnostic.subject) },
  }));
}

/** What recording a baseline needs besides the findings. */
export interface RecordOptions {
  /** The baseline so far (empty when there is none): out-of-scope entries and expiries are kept. */
  readonly previous: Baseline;
  readonly scope: BaselineScope;
  readonly today: CalendarDate;
  readonly expireAfter: Duration;
}

/**
 * The baseline of `findings`: one entry per key, counted (never of {@link NEVER_BASELINED_RULES});
 * the previous entries of files out of scope as they were. An entry that was already there keeps
 * its expiry (re-recording never extends debt); a new time-based one expires `expireAfter` from today.
 */
export function recordBaseline(findings: readonly KeyedFinding[], options: RecordOptions): Baseline {
  const previous = new Map(options.previous.entries.map((entry) => [keyText(entry), entry]));
  const counts = new Map<string, { key: BaselineKey; count: number }>();
  for (const { key } of findings) {
    if (NEVER_BASELINED_RULES.has(key.rule)) continue;
    const text = keyText(key);
    counts.set(text, { key, count: (counts.get(text)?.count ?? 0) + 1 });
  }
  const recorded = [...counts].map(([text, { key, count }]): BaselineEntry => {
    const expires = previous.get(text)?.expires ?? (TIME_BASED_RULES.has(key.rule) ? addDuration(options.today, options.expireAfter) : undefined);
    return { ...key, count, ...(expires === undefined ? {} : { expires }) };
  });
  const kept = options.previous.entries.filter((entry) => !options.scope(entry.file));
  return sortedBaseline([...kept, ...recorded]);
}

/** What the baseline did with one finding: none matched it, it held it back, or its entry expired. */
export type Verdict = 'new' | 'held' | 'expired';

/** The baseline laid over a run's findings. */
export interface BaselineOutcome {
  /** One per finding, in order. */
  readonly verdicts: readonly Verdict[];
  /** The entries in scope that matched fewer findings than their count, each with the count it matched. */
  readonly unused: readonly { readonly entry: BaselineEntry; readonly matched: number }[];
}

/**
 * Matches findings to entries: the first `count` findings of an entry's key (in report order) are
 * held back, or counted as expired from the entry's expiry on; the others are new, and so is every
 * finding of {@link NEVER_BASELINED_RULES}.
 */
export function applyBaseline(findings: readonly KeyedFinding[], baseline: Baseline, scope: BaselineScope, today: CalendarDate): BaselineOutcome {
  const entries = new Map(baseline.entries.map((entry) => [keyText(entry), entry]));
  const matched = new Map<string, number>();
  const verdicts = findings.map(({ key }): Verdict => {
    const text = keyText(key);
    const entry = NEVER_BASELINED_RULES.has(key.rule) ? undefined : entries.get(text);
    const used = matched.get(text) ?? 0;
    if (entry === undefined || used >= entry.count) return 'new';
    matched.set(text, used + 1);
    return entry.expires !== undefined && compareDates(today, entry.expires) >= 0 ? 'expired' : 'held';
  });
  const unused = baseline.entries
    .filter((entry) => scope(entry.file))
    .map((entry) => ({ entry, matched: matched.get(keyText(entry)) ?? 0 }))
    .filter(({ entry, matched: count }) => count < entry.count);
  return { verdicts, unused };
}

/** The baseline without what no longer matches: each entry in scope counts only what it matched, and goes at 0; nothing is added. */
export function prunedBaseline(baseline: Baseline, outcome: BaselineOutcome): Baseline {
  const lowered = new Map(outcome.unused.map(({ entry, matched }) => [keyText(entry), matched]));
  return {
    entries: baseline.entries.flatMap((entry): BaselineEntry[] => {
      const matched = lowered.get(keyText(entry));
      if (matched === undefined) return [entry];
      return matched === 0 ? [] : [{ ...entry, count: matched }];
    }),
  };
}

/** Entries in the baseline's order: file, rule, fingerprint (by code unit, as every platform sorts them). */
export function sortedBaseline(entries: readonly BaselineEntry[]): Baseline {
  return { entries: [...entries].sort((a, b) => compareText(a.file, b.file) || compareText(a.rule, b.rule) || compareText(a.fingerprint, b.fingerprint)) };
}

/** A key as one string, for maps; JSON, so no separator can make two keys collide. */
export function keyText(key: BaselineKey): string {
  return JSON.stringify([key.file, key.rule, key.fingerprint]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
