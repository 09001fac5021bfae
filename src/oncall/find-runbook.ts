import { editDistance } from '../text/edit-distance.js';
import type { Findable } from '../parse/findable.js';
import { searchByWords } from './word-search.js';
import { normalised } from './words.js';

/** How the runbook was found, in the order the ways are tried. */
export type MatchedBy = 'alert' | 'id' | 'file' | 'title' | 'search';

/** A name close to what was asked for, offered when nothing matched. */
export interface Suggestion<T> {
  readonly item: T;
  readonly name: string;
  readonly kind: 'alert' | 'id' | 'title';
}

/**
 * Why several runbooks match: found the same way, or (`alert-and-id`) one by its id or file path and
 * another by claiming an alert of that name, which may be a runbook taking over another one's id.
 */
export type AmbiguousBy = MatchedBy | 'alert-and-id';

/** The outcome of looking a runbook up: one, several with no clear winner, or none. */
export type FindResult<T> =
  | { readonly kind: 'found'; readonly by: MatchedBy; readonly item: T }
  | { readonly kind: 'ambiguous'; readonly by: AmbiguousBy; readonly candidates: readonly T[] }
  | { readonly kind: 'none'; readonly suggestions: readonly Suggestion<T>[] };

/** Whether a search over words may find the runbook (`show`), or only exact names (`tested`, which edits a file). */
export type FindMode = 'search' | 'exact';

/** At most this many suggestions. */
const MAX_SUGGESTIONS = 5;

/**
 * Finds the runbook `query` names: an alert name (any case; several runbooks answering it are
 * ambiguous unless exactly one has the exact case), then the id (exact, then the file path, then the
 * id in any case), then, in `search` mode, the exact title and a search over words (a clear winner
 * has a better score than every other hit). Nothing found gives the closest names instead. A runbook
 * whose exact id or file path is the query is never passed over for another one claiming an alert of
 * that name: the two are ambiguous (`alert-and-id`).
 */
export function findRunbook<T extends Findable>(items: readonly T[], query: string, mode: FindMode): FindResult<T> {
  const wanted = query.trim();
  const lower = wanted.toLowerCase();
  const byAlert = items.filter((item) => item.alerts.some((alert) => alert.toLowerCase() === lower));
  if (byAlert.length > 0) {
    const exactCase = byAlert.filter((item) => item.alerts.includes(wanted));
    const claimed = exactCase.length === 1 ? exactCase : byAlert;
    const named = items.filter((item) => isNamedBy(item, wanted) && !claimed.includes(item));
    if (named.length > 0) return { kind: 'ambiguous', by: 'alert-and-id', candidates: [...named, ...claimed] };
    return decide('alert', claimed);
  }
  const tiers: readonly (readonly [MatchedBy, (item: T) => boolean])[] = [
    ['id', (item) => item.id === wanted],
    ['file', (item) => isPathOf(item.file, wanted)],
    ['id', (item) => item.id.toLowerCase() === lower],
  ];
  for (const [by, matches] of tiers) {
    const found = items.filter(matches);
    if (found.length > 0) return decide(by, found);
  }
  if (mode === 'search') {
    const title = normalised(wanted);
    const byTitle = title === '' ? [] : items.filter((item) => normalised(item.title) === title);
    if (byTitle.length > 0) return decide('title', byTitle);
    const hits = searchByWords(items, wanted);
    const [first, second] = hits;
    if (first !== undefined) {
      if (second === undefined || first.score > second.score) return { kind: 'found', by: 'search', item: first.item };
      return { kind: 'ambiguous', by: 'search', candidates: hits.map((hit) => hit.item) };
    }
  }
  return { kind: 'none', suggestions: suggestionsFor(items, wanted, mode) };
}

/** Whether `query` is the runbook's exact id or its file path. */
export function isNamedBy(item: { readonly id: string; readonly file: string }, query: string): boolean {
  return item.id === query.trim() || isPathOf(item.file, query);
}

/** Whether `query` is the file path `file` (a leading `./` and backslashes allowed). */
function isPathOf(file: string, query: string): boolean {
  return file.replaceAll('\\', '/') === query.trim().replace(/^\.[\\/]/, '').replaceAll('\\', '/');
}

function decide<T>(by: MatchedBy, found: readonly T[]): FindResult<T> {
  const [only] = found;
  return only !== undefined && found.length === 1 ? { kind: 'found', by, item: only } : { kind: 'ambiguous', by, candidates: found };
}

/**
 * Runbooks to offer when nothing matched, best first, one per runbook: the alert names, ids and
 * titles closest to the query by edit distance (when close enough to be a typo or a near miss),
 * then, in `exact` mode, the hits of the word search (what the user probably meant).
 */
export function suggestionsFor<T extends Findable>(items: readonly T[], query: string, mode: FindMode): readonly Suggestion<T>[] {
  const wanted = query.trim().toLowerCase();
  const searched =
    mode === 'exact' ? searchByWords(items, query).map((hit): Suggestion<T> => ({ item: hit.item, name: hit.item.title, kind: 'title' })) : [];
  const limit = Math.max(2, Math.floor(wanted.length * 0.4));
  const near: { readonly suggestion: Suggestion<T>; readonly distance: number }[] = [];
  for (const item of items) {
    const names: readonly Suggestion<T>[] = [
      ...item.alerts.map((alert): Suggestion<T> => ({ item, name: alert, kind: 'alert' })),
      { item, name: item.id, kind: 'id' },
      { item, name: item.title, kind: 'title' },
    ];
    let best: { readonly suggestion: Suggestion<T>; readonly distance: number } | undefined;
    for (const suggestion of names) {
      const candidate = suggestion.name.toLowerCase();
      if (Math.abs(candidate.length - wanted.length) > limit) continue;
      const distance = editDistance(wanted, candidate);
      if (distance <= limit && (best === undefined || distance < best.distance)) best = { suggestion, distance };
    }
    if (best !== undefined) near.push(best);
  }
  near.sort((a, b) => a.distance - b.distance || compareText(a.suggestion.name, b.suggestion.name));
  const seen = new Set<T>();
  const suggestions: Suggestion<T>[] = [];
  for (const suggestion of [...near.map((entry) => entry.suggestion), ...searched]) {
    if (seen.has(suggestion.item)) continue;
    seen.add(suggestion.item);
    suggestions.push(suggestion);
    if (suggestions.length === MAX_SUGGESTIONS) break;
  }
  return suggestions;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
