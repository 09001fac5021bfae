/**
 * The search tokenizer: how text becomes search terms, at build time (here) and in the browser
 * (`templates/assets/search-core.js`, which mirrors these functions without the fast paths; a
 * property test checks that both agree). Change one, change the other, and bump `SEARCH_FORMAT_VERSION`.
 *
 * The rules:
 * - A word is a run of letters, digits and combining marks, possibly joined by `_ - . ' ’`
 *   (`disk_usage_high`, `orders-db`, `api.internal`, `PostgresPrimaryDown`).
 * - Each word gives its whole form (parts joined: `diskusagehigh`, `postgresprimarydown`) and, when
 *   it has more than one, its parts, split at the joiners and at CamelCase boundaries
 *   (`HTTPServerError` → `http`, `server`, `error`; digits stay with their letters: `http5xx`).
 * - Every form is lower-cased, with Latin diacritics removed (`Café` → `cafe`).
 * - In prose (`text` mode: title, headings, body) forms of one character, longer than
 *   `MAX_TEXT_TERM` characters (hashes, base64), or in `STOP_WORDS` are dropped; names (alerts, id,
 *   service, owner, tags) keep every form.
 * - Light English stemming (`stem`): in prose a plain word and each part is indexed as its stem
 *   (`restarting` → `restart`), the whole form of a compound as written (`postgresprimarydown`); in
 *   names every form is kept as written and a part's stem is added when it differs (`looping` →
 *   `loop`), so alert names stay matchable exactly. The browser stems query words the same way.
 */

/** Whether the text is a name (kept whole) or prose (stop words and noise dropped). */
export type TermMode = 'name' | 'text';

/** One word of a text: its whole form, and its parts when it has more than one. */
export interface SearchWord {
  readonly whole: string;
  readonly parts: readonly string[];
}

/** Longest form kept from prose: longer ones are hashes, tokens or base64, not words people type. */
const MAX_TEXT_TERM = 40;

/** Common English words dropped from prose: in nearly every runbook, they would only bloat the index. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'also', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can', 'do', 'for', 'from',
  'has', 'have', 'how', 'if', 'in', 'into', 'is', 'it', 'its', 'may', 'must', 'of', 'on', 'or', 'our',
  'should', 'so', 'than', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to',
  'was', 'we', 'were', 'what', 'when', 'where', 'which', 'who', 'will', 'with', 'would', 'you', 'your',
]);

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’._-]+[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const NOT_IN_WORD = /[^\p{L}\p{M}\p{N}'’._-]+/u;
const JOINERS = /['’._-]+/u;
const LOWER_THEN_UPPER = /([\p{Ll}\p{N}])(\p{Lu})/gu;
const UPPER_THEN_WORD = /(\p{Lu})(\p{Lu}\p{Ll})/gu;
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
const NO_PARTS: readonly string[] = [];
const PLAIN = /^[a-z0-9]+$/;
const CAPITALIZED = /^[A-Z][a-z0-9]*$/;
const ASCII = /^[\0-\x7f]*$/;
const SAFE_KEY_CHARACTER = /^[a-z0-9]$/;

/** The words of a text, each with its whole form and its parts (see the module comment). */
export function searchWords(text: string): readonly SearchWord[] {
  const words: SearchWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = wordOf(match[0]);
    if (word !== undefined) words.push(word);
  }
  return words;
}

function wordOf(text: string): SearchWord | undefined {
  // The common cases, with the same result as the general one: nothing to split.
  if (PLAIN.test(text)) return { whole: text, parts: NO_PARTS };
  if (CAPITALIZED.test(text)) return { whole: text.toLowerCase(), parts: NO_PARTS };
  const parts = text
    .split(JOINERS)
    .flatMap((piece) => piece.replace(LOWER_THEN_UPPER, '$1 $2').replace(UPPER_THEN_WORD, '$1 $2').split(' '))
    .map(fold)
    .filter((part) => part !== '');
  const whole = parts.join('');
  return whole === '' ? undefined : { whole, parts: parts.length > 1 ? parts : NO_PARTS };
}

/** The distinct terms of a text, in order of first appearance: whole forms and parts, filtered by `mode`. */
export function searchTerms(text: string, mode: TermMode): readonly string[] {
  const terms = new Set<string>();
  forEachSearchTerm(text, mode, (term) => terms.add(term));
  return [...terms];
}

/** Calls `visit` with every term of a text, repeats included: `searchTerms` without building a list, for the indexer. */
export function forEachSearchTerm(text: string, mode: TermMode, visit: (term: string) => void): void {
  const single = (term: string): void => {
    if (mode === 'name') visitName(term, visit);
    else visitProse(term, visit);
  };
  // Splitting at what no word contains first gives the same words as matching WORD on the whole
  // text, and lets the common plain word skip the regular expression (the indexer sees millions).
  for (const chunk of text.split(NOT_IN_WORD)) {
    if (PLAIN.test(chunk)) {
      single(chunk);
      continue;
    }
    for (const match of chunk.matchAll(WORD)) {
      const word = wordOf(match[0]);
      if (word === undefined) continue;
      if (word.parts.length === 0) single(word.whole);
      else {
        // The whole form of a compound is a name people type as written: never stemmed.
        if (mode === 'name' || isProseTerm(word.whole)) visit(word.whole);
        for (const part of word.parts) single(part);
      }
    }
  }
}

function visitName(term: string, visit: (term: string) => void): void {
  visit(term);
  const stemmed = stem(term);
  if (stemmed !== term) visit(stemmed);
}

function visitProse(term: string, visit: (term: string) => void): void {
  if (isProseTerm(term)) visit(stem(term));
}

const STEMMABLE = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;
const DOUBLE_CONSONANT = /([^aeioulsz])\1$/;
const SHORT_SYLLABLE = /^[^aeiouy]*[aeiouy][^aeiouwxy]$/;

/**
 * The stem of a lower-case term: a light, conservative English stemmer (Porter's steps 1a and 1b,
 * simplified). Plurals: `-sses` → `-ss`, `-ies` → `-y`, `-xes`/`-shes` lose `-es`, a final `-s` goes
 * unless after `s`, `u` or `i` (`status`, `analysis`). Then `-ing` and `-ed` go when a vowel is left
 * (not `-eed`: `need`), and the rest is tidied: `-at`/`-bl`/`-iz` and one short syllable get an `e`
 * back (`rotat` → `rotate`, `scal` → `scale`), a doubled consonant loses one (`runn` → `run`), a
 * final `i` becomes `y` (`appli` → `apply`). Only plain `a-z` terms of four letters or more are
 * stemmed, and a stem shorter than three letters is not used (`used` stays `used`).
 */
export function stem(term: string): string {
  if (term.length < 4 || !STEMMABLE.test(term)) return term;
  const stemmed = stripEnding(stripPlural(term));
  return stemmed.length >= 3 ? stemmed : term;
}

function stripPlural(term: string): string {
  if (term.endsWith('sses')) return term.slice(0, -2);
  if (term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  if (term.endsWith('xes') || term.endsWith('shes')) return term.slice(0, -2);
  if (term.endsWith('ss') || term.endsWith('us') || term.endsWith('is')) return term;
  return term.endsWith('s') ? term.slice(0, -1) : term;
}

function stripEnding(term: string): string {
  if (term.endsWith('eed')) return term;
  const base = term.endsWith('ing') ? term.slice(0, -3) : term.endsWith('ed') ? term.slice(0, -2) : undefined;
  if (base === undefined || base.length < 2 || !VOWEL.test(base)) return term;
  if (base.endsWith('at') || base.endsWith('bl') || base.endsWith('iz')) return `${base}e`;
  if (DOUBLE_CONSONANT.test(base)) return base.slice(0, -1);
  if (base.endsWith('i')) return `${base.slice(0, -1)}y`;
  if (SHORT_SYLLABLE.test(base)) return `${base}e`;
  return base;
}

/**
 * The shard a term lives in, safe as a file name: its first two characters when both are `a-z0-9`
 * (`primary` → `pr`), the character alone for a one-character term, `<first>_` when only the second is
 * outside that set, and `_` plus the first character's code in base 36 otherwise (`über` → `_71`).
 */
export function shardKey(term: string): string {
  const first = term.charAt(0);
  const second = term.charAt(1);
  if (!SAFE_KEY_CHARACTER.test(first)) return `_${first === '' ? '' : first.charCodeAt(0).toString(36)}`;
  if (second === '') return first;
  return SAFE_KEY_CHARACTER.test(second) ? first + second : `${first}_`;
}

/**
 * The tail shard of a term: the shard key of the term without its first two characters. The browser
 * reads the tail shards of a query word to find terms one typo away whose typo is in the first two
 * characters (and so live in another term shard). Terms under three characters have none.
 */
export function tailKey(term: string): string | undefined {
  return term.length >= 3 ? shardKey(term.slice(2)) : undefined;
}

function fold(part: string): string {
  if (ASCII.test(part)) return part.toLowerCase();
  return part.toLowerCase().normalize('NFD').replace(LATIN_DIACRITICS, '').normalize('NFC');
}

function isProseTerm(term: string): boolean {
  return term.length > 1 && term.length <= MAX_TEXT_TERM && !STOP_WORDS.has(term);
}
