import { editDistance } from '../text/edit-distance.js';
import type { Findable } from '../parse/findable.js';
import { wordsOf } from './words.js';

/** A search hit: the item and how well it matched, from 0 (not at all) to 1 (every word exactly). */
export interface Scored<T> {
  readonly item: T;
  readonly score: number;
}

const EXACT = 1;
const PREFIX = 0.75;
const TYPO = 0.5;

/**
 * Searches the titles, alert names and ids for the words of `query`. Every word must match some
 * word of the runbook: exactly, as a prefix (`prim` for `primary`), or with a small typo (one edit
 * in words of 4 to 7 letters, two from 8 letters). Best first; equal scores by id.
 */
export function searchByWords<T extends Findable>(items: readonly T[], query: string): readonly Scored<T>[] {
  const queryWords = [...new Set(wordsOf(query))];
  if (queryWords.length === 0) return [];
  const hits: Scored<T>[] = [];
  for (const item of items) {
    const words = new Set([...wordsOf(item.title), ...item.alerts.flatMap(wordsOf), ...wordsOf(item.id)]);
    let total = 0;
    for (const queryWord of queryWords) {
      const best = bestMatch(queryWord, words);
      if (best === 0) {
        total = 0;
        break;
      }
      total += best;
    }
    if (total > 0) hits.push({ item, score: total / queryWords.length });
  }
  return hits.sort((a, b) => b.score - a.score || compareText(a.item.id, b.item.id));
}

/** How well one query word matches the best of `words`: 1 exact, 0.75 prefix, 0.5 typo, else 0. */
function bestMatch(queryWord: string, words: ReadonlySet<string>): number {
  if (words.has(queryWord)) return EXACT;
  let best = 0;
  for (const word of words) {
    if (queryWord.length >= 2 && word.startsWith(queryWord)) return PREFIX;
    if (best < TYPO && isTypo(queryWord, word)) best = TYPO;
  }
  return best;
}

function isTypo(queryWord: string, word: string): boolean {
  if (queryWord.length < 4) return false;
  const allowed = queryWord.length >= 8 ? 2 : 1;
  if (Math.abs(queryWord.length - word.length) > allowed) return false;
  return editDistance(queryWord, word) <= allowed;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
