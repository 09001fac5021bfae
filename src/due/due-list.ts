/**
 * What falls due for review: the runbooks whose review is due within a window (or overdue, or that
 * were never tested), grouped by owner team. Selected from each runbook's view (`review`, `team`,
 * `severity`, `url`); nothing is derived again, so `due` agrees with the site and `show`.
 */
import { addDays, daysBetween, formatCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { addDuration, formatDuration, type Duration } from '../model/duration.js';
import type { ReviewView } from '../view/review.js';
import type { CollectionView, RunbookView } from '../view/collection-view.js';

/** A review with a due date (the only kind that can fall due in a window). */
export type DatedReview = Extract<ReviewView, { readonly kind: 'tested' }>;

/**
 * One runbook that needs a drill. `never-tested`: `last_tested: never`, missing, or not a date (no
 * test is known), listed whatever the window (it has no due date: it is due now). Runbooks tested
 * but without an interval are not listed: `check` reports them.
 */
export type DueEntry =
  | { readonly kind: 'never-tested'; readonly view: RunbookView }
  | { readonly kind: 'overdue' | 'due'; readonly view: RunbookView; readonly review: DatedReview };

/** An owner team and what falls due in it; `id` undefined for runbooks without an owner. */
export interface DueTeam {
  readonly id: string | undefined;
  readonly name: string;
  readonly entries: readonly DueEntry[];
}

/** Everything that falls due in a window, as every format of `due` shows it. */
export interface DueList {
  readonly siteTitle: string;
  /** The day it was computed for. */
  readonly day: CalendarDate;
  /** `YYYY-MM-DD`: the day it was computed for, and the window's last day. */
  readonly today: string;
  readonly until: string;
  /** The window as people say it: `30 days`. */
  readonly within: string;
  /** The team asked for with `--team`, as the config names it. */
  readonly team: { readonly id: string; readonly name: string } | undefined;
  /** Teams by id, runbooks without an owner last; only teams with something due. */
  readonly teams: readonly DueTeam[];
  readonly counts: { readonly total: number; readonly overdue: number; readonly neverTested: number; readonly due: number };
}

/** What `due` lists: a window from a day, and optionally one owner team (by id). */
export interface DueQuery {
  readonly today: CalendarDate;
  readonly within: Duration;
  readonly team: string | undefined;
}

/** The list, or the team asked for is not known (with the ids that are). */
export type DueSelection = { readonly kind: 'list'; readonly list: DueList } | { readonly kind: 'unknown-team'; readonly known: readonly string[] };

/** The name of the group of runbooks without an owner. */
const NO_OWNER = 'No owner';

/** What falls due in the window of `query`, from the collection's view. */
export function dueList(view: CollectionView, query: DueQuery): DueSelection {
  const known = knownTeams(view);
  if (query.team !== undefined && !known.includes(query.team)) return { kind: 'unknown-team', known };
  const until = addDuration(query.today, query.within);
  const lastDay = daysBetween(query.today, until);
  const entries = view.runbooks.flatMap((entry): DueEntry[] => {
    if (query.team !== undefined && entry.owner !== query.team) return [];
    const review = entry.review;
    if (review.kind === 'never-tested' || review.kind === 'unknown') return [{ kind: 'never-tested', view: entry }];
    if (review.kind !== 'tested' || review.daysLeft > lastDay) return [];
    return [{ kind: review.daysLeft < 0 ? 'overdue' : 'due', view: entry, review }];
  });
  const byTeam = new Map<string | undefined, DueEntry[]>();
  for (const entry of entries) {
    const team = byTeam.get(entry.view.owner);
    if (team === undefined) byTeam.set(entry.view.owner, [entry]);
    else team.push(entry);
  }
  const teams = [...byTeam]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([id, list]): DueTeam => ({ id, name: list[0]?.view.team?.name ?? NO_OWNER, entries: [...list].sort(byUrgency) }));
  const count = (kind: DueEntry['kind']): number => entries.filter((entry) => entry.kind === kind).length;
  const team = query.team === undefined ? undefined : { id: query.team, name: teamName(view, query.team) };
  return {
    kind: 'list',
    list: {
      siteTitle: view.config.site.title,
      day: query.today,
      today: formatCalendarDate(query.today),
      until: formatCalendarDate(until),
      within: formatDuration(query.within),
      team,
      teams,
      counts: { total: entries.length, overdue: count('overdue'), neverTested: count('never-tested'), due: count('due') },
    },
  };
}

/** Team ids `--team` accepts: those the config lists and every owner a runbook names, sorted. */
function knownTeams(view: CollectionView): readonly string[] {
  const listed = view.config.teams.kind === 'listed' ? [...view.config.teams.byId.keys()] : [];
  return [...new Set([...listed, ...view.teams.map((group) => group.key)])].sort();
}

function teamName(view: CollectionView, id: string): string {
  return (view.config.teams.kind === 'listed' ? view.config.teams.byId.get(id)?.name : undefined) ?? id;
}

/** Never tested first, then the earliest due date, then the most severe, then by id. */
function byUrgency(a: DueEntry, b: DueEntry): number {
  const day = (entry: DueEntry): number => (entry.kind === 'never-tested' ? -Infinity : entry.review.daysLeft);
  const rank = (entry: DueEntry): number => entry.view.severity?.rank ?? 99;
  const id = (entry: DueEntry): string => entry.view.runbook.id;
  return day(a) - day(b) || rank(a) - rank(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
}

/** Days left as people say it: `12 days overdue`, `due today`, `due in 3 days`, `never tested`. */
export function whenText(entry: DueEntry): string {
  if (entry.kind === 'never-tested') return 'never tested';
  const days = entry.review.daysLeft;
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  return days === 0 ? 'due today' : `due in ${days} day${days === 1 ? '' : 's'}`;
}

/** The day an entry's calendar event is on: its due date, or `today` when overdue or never tested. */
export function eventDay(entry: DueEntry, today: CalendarDate): CalendarDate {
  return entry.kind === 'due' ? addDays(today, entry.review.daysLeft) : today;
}
