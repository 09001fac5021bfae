/**
 * The site's search index, built once at build time and read by `templates/assets/search-core.js`.
 *
 * Pages may be opened from `file://`, where `fetch` is forbidden, so every file is a script that
 * hands its data to `window.runbookSearch.register(name, data)`; the browser injects them with
 * `<script src>` only when a query needs them, so the first query of a 10,000-runbook site loads a
 * few hundred kilobytes, not the corpus. Every file's data has the format `version`. Every file but
 * the manifest is content-addressed: its name ends in `.<digest>`, a digest of its data, and the
 * manifest (or, for text files, a row of the document table) names it. So the browser never mixes
 * files of two builds (a name it asks for can only hold the data it expects), and a build that
 * changes one runbook writes only the files whose data changed. Files, under `search/`:
 *
 * - `manifest.js`: the document count, `documentsPerFile`, the `urlPattern`, `files`: the name of
 *   every docs, term and tail file (`terms-pr.<digest>`, sorted), the stop words, the synonym `groups` (built-in and the config's, as
 *   terms), and `lengths`: one character per document (`LENGTH_ALPHABET`), its body length in terms
 *   quantised on a log scale (`level = round(4 * log2(1 + length))`), for BM25's length normalisation.
 *   Loaded first.
 * - `terms-<key>.<digest>.js`: the terms whose `shardKey` is `<key>`, sorted, with their posting lists.
 * - `tails-<key>.<digest>.js`: only the terms whose `tailKey` is `<key>`, to find terms one typo away when
 *   the typo is in the first two letters.
 * - `docs-<n>.<digest>.js`: rows `first` to `first + documentsPerFile - 1` of the document table
 *   (sorted by id; a document's number is its row), loaded for the results shown. A row is
 *   `[id, title, url, alerts, service, owner, severity, status, text]` with `null` for what is absent;
 *   `url` is `null` when it is `urlPattern[0] + id + urlPattern[1]`; `text` is the digest naming the
 *   document's text file.
 * - `text/<digest>.js`: `{ text }`, the body text of a document (at most `TEXT_LIMIT` characters,
 *   cut at a space), loaded only for the results shown, to cut a snippet from.
 *
 * A posting list is a string of comma-separated entries `<gap>[.<code>]` in base 36: `gap` is the
 * document's number minus the previous entry's (the first is the number itself); `code` is the
 * `SEARCH_FIELDS` bits where the term occurs plus 128 × (times in the body − 1, at most
 * `MAX_BODY_COUNT` − 1), left out when it is `1` (once, in the body only).
 */
import { createHash } from 'node:crypto';
import type { SearchDocument, SiteFile } from './search-document.js';
import { synonymGroups } from './search-synonyms.js';
import { STOP_WORDS, forEachSearchTerm, searchWords, shardKey, tailKey, type TermMode } from './search-tokens.js';

/** The version of the index format; the browser ignores files of another version. */
export const SEARCH_FORMAT_VERSION = 3;

/** Where a term occurs in a runbook, as bits: the browser weighs them (alert ≫ title > … > body). */
const SEARCH_FIELDS = {
  body: 1,
  heading: 2,
  tag: 4,
  /** The id, service or owner. */
  meta: 8,
  title: 16,
  /** A part of an alert name, or one word of it (`primary` in `PostgresPrimaryDown`). */
  alertPart: 32,
  /** A whole alert name (`postgresprimarydown`). */
  alert: 64,
} as const;

type DocumentRow = readonly [string, string, string | null, readonly string[], string | null, string | null, string | null, string, string];

/** A term's postings as they are collected: document number, field bits, times in the body, document number, … */
type Postings = number[];

/** Runbooks per `docs-<n>.js` file: a page of results loads a few of them, never the whole table. */
const DOCUMENTS_PER_FILE = 100;
/** Body counts above this are stored as this: BM25 saturates long before. */
const MAX_BODY_COUNT = 16;
/** Hex digits of the digest in a data file's name: 128 bits, so that no two files of any two builds are alike even when runbook authors try (a birthday collision of 64 bits is hours of hashing). */
const DIGEST_LENGTH = 32;
/** Characters of body text kept for snippets: a snippet comes from the first few screens of a runbook. */
const TEXT_LIMIT = 3000;
/** One character per quantised body length, in the manifest. */
const LENGTH_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** What the config adds to the index: synonym groups (`search.synonyms`). */
export interface SearchIndexOptions {
  readonly synonyms: readonly (readonly string[])[];
}

/** The files of the search index for these runbooks; the same documents in any order give the same bytes. */
export function buildSearchIndex(documents: readonly SearchDocument[], options: SearchIndexOptions = { synonyms: [] }): readonly SiteFile[] {
  const sorted = [...documents].sort((a, b) => compare(a.id, b.id) || compare(a.url, b.url));
  const { postings: collected, lengths } = collectPostings(sorted);
  const postings = [...collected].sort(([a], [b]) => compare(a, b));
  const shards = groupBy(postings, ([term]) => shardKey(term));
  const tails = groupBy(
    postings.map(([term]) => term).filter((term) => term.length >= 3),
    (term) => tailKey(term) ?? '',
  );
  const texts = sorted.map((document) => addressed('text/', { text: cappedText(document.text) }));
  const table = documentTable(sorted, texts.map((text) => text.digest));
  const documentFiles = chunks(table.rows, DOCUMENTS_PER_FILE).map((rows, index) => addressed(`docs-${index}.`, { first: index * DOCUMENTS_PER_FILE, docs: rows }));
  const termFiles = [...shards].map(([key, entries]) => addressed(`terms-${key}.`, { terms: entries.map(([term]) => term), postings: entries.map(([, list]) => encodePostings(list)) }));
  const tailFiles = [...tails].map(([key, keyTerms]) => addressed(`tails-${key}.`, { terms: keyTerms }));
  const named = [...documentFiles, ...termFiles, ...tailFiles];
  const manifest = {
    name: 'manifest',
    data: {
      version: SEARCH_FORMAT_VERSION,
      count: sorted.length,
      documentsPerFile: DOCUMENTS_PER_FILE,
      urlPattern: table.urlPattern,
      files: named.map((file) => file.name).sort(compare),
      stopWords: [...STOP_WORDS].sort(compare),
      groups: synonymGroups(options.synonyms),
      lengths: lengths.map(quantisedLength).join(''),
    },
  };
  const unique = new Map([manifest, ...named, ...texts].map((file) => [file.name, file]));
  return [...unique.values()].map(({ name, data }) => ({ path: `search/${name}.js`, content: `window.runbookSearch.register(${json(name)}, ${json(data)});\n` }));
}

/** A data file named `<prefix><digest>`, the digest of its data (in the format version) as JSON. */
function addressed(prefix: string, data: object): { readonly name: string; readonly digest: string; readonly data: object } {
  const full = { version: SEARCH_FORMAT_VERSION, ...data };
  const digest = createHash('sha256').update(json(full)).digest('hex').slice(0, DIGEST_LENGTH);
  return { name: `${prefix}${digest}`, digest, data: full };
}

/** Every term's postings, and every document's body length in terms. */
function collectPostings(documents: readonly SearchDocument[]): { readonly postings: ReadonlyMap<string, Postings>; readonly lengths: readonly number[] } {
  const postings = new Map<string, Postings>();
  const lengths = documents.map((document, index) => {
    let length = 0;
    const add = (term: string, field: number): void => {
      const inBody = field === SEARCH_FIELDS.body ? 1 : 0;
      length += inBody;
      const entry = postings.get(term);
      if (entry === undefined) postings.set(term, [index, field, inBody]);
      else if (entry[entry.length - 3] === index) {
        entry[entry.length - 2] = (entry[entry.length - 2] ?? 0) | field;
        entry[entry.length - 1] = (entry[entry.length - 1] ?? 0) + inBody;
      } else entry.push(index, field, inBody);
    };
    forEachDocumentTerm(document, add);
    return length;
  });
  return { postings, lengths };
}

/** A body length as one character of `LENGTH_ALPHABET`, on a log scale (steps of 19 %). */
function quantisedLength(length: number): string {
  const level = Math.min(LENGTH_ALPHABET.length - 1, Math.round(4 * Math.log2(1 + length)));
  return LENGTH_ALPHABET.charAt(level);
}

/** The start of a body text, at most `TEXT_LIMIT` characters, cut at a space when it is longer. */
function cappedText(text: string): string {
  if (text.length <= TEXT_LIMIT) return text;
  const cut = text.slice(0, TEXT_LIMIT);
  const space = cut.search(/\s\S*$/);
  return space > TEXT_LIMIT / 2 ? cut.slice(0, space) : cut;
}

/** Calls `add` with every term of one runbook and the field it occurs in. */
function forEachDocumentTerm(document: SearchDocument, add: (term: string, field: number) => void): void {
  const each = (text: string, mode: TermMode, field: number): void => {
    forEachSearchTerm(text, mode, (term) => {
      add(term, field);
    });
  };
  for (const alert of document.alerts) {
    each(alert, 'name', SEARCH_FIELDS.alertPart);
    const whole = searchWords(alert).map((word) => word.whole).join('');
    if (whole !== '') add(whole, SEARCH_FIELDS.alert);
  }
  each(document.title, 'text', SEARCH_FIELDS.title);
  for (const name of [document.id, document.service ?? '', document.owner ?? '']) each(name, 'name', SEARCH_FIELDS.meta);
  for (const tag of document.tags) each(tag, 'name', SEARCH_FIELDS.tag);
  for (const heading of document.headings) each(heading, 'text', SEARCH_FIELDS.heading);
  each(document.text, 'text', SEARCH_FIELDS.body);
}

function encodePostings(postings: Postings): string {
  const entries: string[] = [];
  let previous = 0;
  for (let i = 0; i < postings.length; i += 3) {
    const document = postings[i] ?? 0;
    const fields = postings[i + 1] ?? SEARCH_FIELDS.body;
    const count = Math.min(postings[i + 2] ?? 0, MAX_BODY_COUNT);
    const code = fields + 128 * Math.max(count - 1, 0);
    const gap = (document - previous).toString(36);
    previous = document;
    entries.push(code === SEARCH_FIELDS.body ? gap : `${gap}.${code.toString(36)}`);
  }
  return entries.join(',');
}

/** The document table: what a result shows, without body text. */
interface DocumentTable {
  readonly urlPattern: readonly [string, string];
  readonly rows: readonly DocumentRow[];
}

function documentTable(documents: readonly SearchDocument[], textDigests: readonly string[]): DocumentTable {
  const urlPattern = commonUrlPattern(documents) ?? ['', ''];
  const rows = documents.map((document, index): DocumentRow => [
    document.id,
    document.title,
    document.url === urlPattern[0] + document.id + urlPattern[1] ? null : document.url,
    document.alerts,
    document.service ?? null,
    document.owner ?? null,
    document.severity ?? null,
    document.status,
    textDigests[index] ?? '',
  ]);
  return { urlPattern, rows };
}

/** The most common `[before, after]` around the id in the urls (`runbooks/`, `/index.html`), to leave most urls out. */
function commonUrlPattern(documents: readonly SearchDocument[]): readonly [string, string] | undefined {
  const counts = new Map<string, { readonly pattern: readonly [string, string]; count: number }>();
  for (const document of documents) {
    const at = document.id === '' ? -1 : document.url.indexOf(document.id);
    if (at < 0) continue;
    const pattern = [document.url.slice(0, at), document.url.slice(at + document.id.length)] as const;
    const key = json(pattern);
    const entry = counts.get(key) ?? { pattern, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const [best] = [...counts].sort(([a, entryA], [b, entryB]) => entryB.count - entryA.count || compare(a, b));
  return best?.[1].pattern;
}

function chunks<T>(list: readonly T[], size: number): readonly (readonly T[])[] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, index) => list.slice(index * size, (index + 1) * size));
}

/** The items grouped by key, keys sorted, items in their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return new Map([...groups].sort(([a], [b]) => compare(a, b)));
}

/** JSON that is also safe inside a script (U+2028 and U+2029 escaped for older engines). */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
