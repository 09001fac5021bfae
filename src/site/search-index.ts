/**
 * The site's search index, built once at build time and read by `templates/assets/search-core.js`.
 *
 * Pages may be opened from `file://`, where `fetch` is forbidden, so every file is a script that
 * hands its data to `window.runbookSearch.register(name, data)`; the browser injects them with
 * `<script src>` when a query needs them. Files (all under `search/`):
 *
 * - `docs.js`: format version, build id, the document table (no body text), the shard keys that
 *   exist, and the stop words. Rows are `[id, title, url, alerts, service, owner, severity, status]`;
 *   `url` is `null` when it is `urlPattern[0] + id + urlPattern[1]`, and service, owner, severity
 *   and status are indexes into `values.<field>` (`null` when absent).
 * - `terms-<key>.js`: the terms whose `shardKey` is `<key>`, sorted, and their postings.
 * - `tails-<key>.js`: just the terms whose `tailKey` is `<key>`, for typos in the first letters.
 *
 * A posting list is a string of comma-separated entries `<gap>[.<fields>]` in base 36: `gap` is the
 * document's index minus the previous entry's (the first is the index itself), `fields` the
 * `SEARCH_FIELDS` bits where the term occurs, left out when it is only the body.
 */
import { createHash } from 'node:crypto';
import type { SearchDocument, SiteFile } from './search-document.js';
import { STOP_WORDS, forEachSearchTerm, searchWords, shardKey, tailKey, type TermMode } from './search-tokens.js';

/** The version of the index format; the browser ignores files of another version. */
export const SEARCH_FORMAT_VERSION = 1;

/** Where a term occurs in a runbook, as bits: the browser weighs them (alert ≫ title > … > body). */
export const SEARCH_FIELDS = {
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

type DocumentRow = readonly [string, string, string | null, readonly string[], string | null, string | null, string | null, string];

interface Postings {
  readonly documents: number[];
  readonly fields: number[];
}

/** Runbooks per `docs-<n>.js` file: a page of results loads a few of them, never the whole table. */
export const DOCUMENTS_PER_FILE = 100;

/** The files of the search index for these runbooks; the same documents in any order give the same bytes. */
export function buildSearchIndex(documents: readonly SearchDocument[]): readonly SiteFile[] {
  const sorted = [...documents].sort((a, b) => compare(a.id, b.id) || compare(a.url, b.url));
  const postings = collectPostings(sorted);
  const terms = [...postings.keys()].sort(compare);
  const shards = groupBy(terms, shardKey);
  const tails = groupBy(terms.filter((term) => term.length >= 3), (term) => tailKey(term) ?? '');
  const table = documentTable(sorted);
  const manifest = {
    name: 'manifest',
    data: {
      count: sorted.length,
      documentsPerFile: DOCUMENTS_PER_FILE,
      urlPattern: table.urlPattern,
      terms: [...shards.keys()],
      tails: [...tails.keys()],
      stopWords: [...STOP_WORDS].sort(compare),
    },
  };
  const documentFiles = chunks(table.rows, DOCUMENTS_PER_FILE).map((rows, index) => ({ name: `docs-${index}`, data: { first: index * DOCUMENTS_PER_FILE, docs: rows } }));
  const termFiles = [...shards].map(([key, keyTerms]) => ({
    name: `terms-${key}`,
    data: { terms: keyTerms, postings: keyTerms.map((term) => encodePostings(postings.get(term))) },
  }));
  const tailFiles = [...tails].map(([key, keyTerms]) => ({ name: `tails-${key}`, data: { terms: keyTerms } }));
  const all = [manifest, ...documentFiles, ...termFiles, ...tailFiles];
  const build = buildId(all);
  return all.map(({ name, data }) => ({
    path: `search/${name}.js`,
    content: `window.runbookSearch.register(${json(name)}, ${json({ version: SEARCH_FORMAT_VERSION, build, ...data })});\n`,
  }));
}

function collectPostings(documents: readonly SearchDocument[]): ReadonlyMap<string, Postings> {
  const postings = new Map<string, Postings>();
  documents.forEach((document, index) => {
    const add = (term: string, field: number): void => {
      const entry = postings.get(term);
      const last = entry === undefined ? -1 : entry.documents.length - 1;
      if (entry === undefined) postings.set(term, { documents: [index], fields: [field] });
      else if (entry.documents[last] === index) entry.fields[last] = (entry.fields[last] ?? 0) | field;
      else {
        entry.documents.push(index);
        entry.fields.push(field);
      }
    };
    forEachDocumentTerm(document, add);
  });
  return postings;
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

function encodePostings(postings: Postings | undefined): string {
  if (postings === undefined) throw new Error('search index: a term without postings (a bug in buildSearchIndex)');
  let previous = 0;
  return postings.documents
    .map((document, index) => {
      const gap = (document - previous).toString(36);
      previous = document;
      const fields = postings.fields[index] ?? SEARCH_FIELDS.body;
      return fields === SEARCH_FIELDS.body ? gap : `${gap}.${fields.toString(36)}`;
    })
    .join(',');
}

/** The document table: what a result shows, without body text. */
interface DocumentTable {
  readonly urlPattern: readonly [string, string];
  readonly rows: readonly DocumentRow[];
}

function documentTable(documents: readonly SearchDocument[]): DocumentTable {
  const urlPattern = commonUrlPattern(documents) ?? ['', ''];
  const rows = documents.map((document): DocumentRow => [
    document.id,
    document.title,
    document.url === urlPattern[0] + document.id + urlPattern[1] ? null : document.url,
    document.alerts,
    document.service ?? null,
    document.owner ?? null,
    document.severity ?? null,
    document.status,
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

function groupBy(terms: readonly string[], key: (term: string) => string): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const term of terms) {
    const name = key(term);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [term]);
    else group.push(term);
  }
  return new Map([...groups].sort(([a], [b]) => compare(a, b)));
}

/** A short hash of all the index data: files of one build carry the same id, so the browser can tell when it mixes builds. */
function buildId(files: readonly { readonly name: string; readonly data: object }[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.name}\n${json(file.data)}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** JSON that is also safe inside a script (U+2028 and U+2029 escaped for older engines). */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
