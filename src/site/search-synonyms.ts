/**
 * The synonyms of the site search: groups of words an on-call engineer uses for the same thing
 * (`disk` for a runbook that only says `filesystem`). A query word also finds the other words of its
 * groups, scored below the word itself (templates/assets/search-core.js). The built-in set is small
 * and about operations; a config adds groups with `search.synonyms`.
 */
import { searchWords, stem } from './search-tokens.js';

/** The built-in groups, documented in docs/site.md ("## Search"). */
const BUILT_IN_SYNONYMS: readonly (readonly string[])[] = [
  ['disk', 'filesystem', 'volume', 'space', 'storage'],
  ['full', 'filling'],
  ['oom', 'oomkilled', 'memory', 'mem', 'ram'],
  ['cert', 'certificate', 'tls', 'ssl', 'x509'],
  ['restart', 'crash', 'crashloop', 'crashlooping', 'reboot'],
  ['latency', 'slow', 'slowness'],
  ['cpu', 'processor', 'throttling'],
  ['db', 'database'],
  ['k8s', 'kubernetes', 'kube'],
  ['pod', 'container'],
  ['net', 'network', 'networking'],
  ['dns', 'resolve', 'resolver', 'resolution'],
  ['5xx', 'error', '500'],
  ['down', 'unavailable', 'unreachable', 'outage'],
];

/**
 * The groups as the index stores them: each word as the term a query word becomes (lower-case,
 * stemmed: `certificates` → `certificate`), duplicates and groups of fewer than two words dropped,
 * built-in groups first, then `extra` (the config's) in their order.
 */
export function synonymGroups(extra: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const groups: string[][] = [];
  for (const group of [...BUILT_IN_SYNONYMS, ...extra]) {
    const terms = [...new Set(group.map(termOf).filter((term) => term !== ''))];
    if (terms.length >= 2) groups.push(terms);
  }
  return groups;
}

/** A written word as the term a query word becomes: `OOMKilled` → `oomkilled`, `Volumes` → `volume`. */
function termOf(word: string): string {
  const [first] = searchWords(word);
  if (first === undefined) return '';
  return first.parts.length === 0 ? stem(first.whole) : first.whole;
}
