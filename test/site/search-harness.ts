import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { SiteFile } from '../../src/site/search-document.js';

/** A runbook as the browser search returns it. */
export interface FoundDocument {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly alerts: readonly string[];
  readonly service: string | undefined;
  readonly owner: string | undefined;
  readonly severity: string | undefined;
  readonly status: string;
}

/** What `search` answers once every data file it asked for has been loaded. */
export type Answer =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unavailable' }
  | {
      readonly kind: 'results';
      readonly total: number;
      /** How many of `total` have every word (they come first). */
      readonly allWords: number;
      readonly incomplete: boolean;
      /** The index terms that matched, for snippets. */
      readonly terms: readonly string[];
      readonly results: readonly FoundResult[];
    };

/** One result of a search. */
export interface FoundResult {
  readonly document: FoundDocument;
  readonly number: number;
  readonly score: number;
  readonly allWords: boolean;
}

/** A piece of a snippet: text, marked when it is a matched word. */
export interface SnippetSegment {
  readonly text: string;
  readonly mark: boolean;
}

type CoreAnswer = Answer | { readonly kind: 'loading'; readonly files: readonly string[] };

interface CoreIndex {
  register(name: string, data: unknown): boolean;
  markFailed(name: string): void;
  search(text: string, limit: number): CoreAnswer;
  textFile(number: number): string | undefined;
  snippet(number: number, terms: readonly string[]): readonly SnippetSegment[] | undefined;
}

/** The functions `search-core.js` exposes, as far as the tests use them. */
export interface SearchCore {
  readonly FORMAT_VERSION: number;
  searchWords(text: string): readonly { readonly whole: string; readonly parts: readonly string[] }[];
  shardKey(term: string): string;
  queryFromPath(pathname: string): string;
  withinOneEdit(a: string, b: string): boolean;
  stem(term: string): string;
  snippet(text: string, terms: ReadonlySet<string>): readonly SnippetSegment[];
  createIndex(): CoreIndex;
}

/** A browser-like search over the generated files: runs the real browser script in a `node:vm` context. */
export interface SiteSearch {
  readonly core: SearchCore;
  /** Searches, loading the data files the query asks for the way the page does (a script per file). */
  search(text: string, limit?: number): Answer;
  /** The snippet of each result, loading their text files as the page does. */
  snippets(answer: Answer): readonly (readonly SnippetSegment[] | undefined)[];
  /** The data files loaded so far, in order. */
  readonly loaded: readonly string[];
}

const CORE_SOURCE = readFileSync(new URL('../../templates/assets/search-core.js', import.meta.url), 'utf8');

/** The search core evaluated in a fresh context, with no DOM. */
export function loadCore(): { readonly core: SearchCore; readonly context: vm.Context } {
  const context = vm.createContext({});
  vm.runInContext(CORE_SOURCE, context, { filename: 'search-core.js' });
  // The boundary with untyped browser code: the shape is checked by the tests that use it.
  const core = (context as { runbookSearchCore?: SearchCore }).runbookSearchCore;
  if (core === undefined) throw new Error('search-core.js did not define runbookSearchCore');
  return { core, context };
}

/** A search over `files` (the output of `buildSearchIndex`) through the browser code. */
export function siteSearch(files: readonly SiteFile[]): SiteSearch {
  const { core, context } = loadCore();
  const index = core.createIndex();
  const contents = new Map(files.map((file) => [file.path, file.content]));
  (context as { window?: unknown }).window = { runbookSearch: { register: (name: string, data: unknown) => index.register(name, data) } };
  const loaded: string[] = [];
  const load = (name: string): void => {
    const path = `search/${name}.js`;
    const content = contents.get(path);
    if (content === undefined) index.markFailed(name);
    else vm.runInContext(content, context, { filename: path });
    loaded.push(name);
  };
  const search = (text: string, limit = 20): Answer => {
    for (let round = 0; round < 10; round++) {
      const answer = index.search(text, limit);
      if (answer.kind !== 'loading') return plain(answer);
      for (const name of answer.files) load(name);
    }
    throw new Error(`search for "${text}" kept asking for more files`);
  };
  const snippets = (answer: Answer): readonly (readonly SnippetSegment[] | undefined)[] => {
    if (answer.kind !== 'results') return [];
    return answer.results.map((result) => {
      const name = index.textFile(result.number);
      if (name !== undefined) load(name);
      return plain(index.snippet(result.number, answer.terms));
    });
  };
  return { core, search, snippets, loaded };
}

/** The ids of the results, best first. */
export function ids(answer: Answer): readonly string[] {
  return answer.kind === 'results' ? answer.results.map((result) => result.document.id) : [];
}

/** Copies a value out of the vm context, so that arrays and objects compare like local ones. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
