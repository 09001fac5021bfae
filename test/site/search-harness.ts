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
      readonly incomplete: boolean;
      readonly results: readonly { readonly document: FoundDocument; readonly score: number }[];
    };

type CoreAnswer = Answer | { readonly kind: 'loading'; readonly files: readonly string[] };

interface CoreIndex {
  register(name: string, data: unknown): boolean;
  markFailed(name: string): void;
  search(text: string, limit: number): CoreAnswer;
}

/** The functions `search-core.js` exposes, as far as the tests use them. */
export interface SearchCore {
  readonly FORMAT_VERSION: number;
  searchWords(text: string): readonly { readonly whole: string; readonly parts: readonly string[] }[];
  shardKey(term: string): string;
  queryFromPath(pathname: string): string;
  withinOneEdit(a: string, b: string): boolean;
  createIndex(): CoreIndex;
}

/** A browser-like search over the generated files: runs the real browser script in a `node:vm` context. */
export interface SiteSearch {
  readonly core: SearchCore;
  /** Searches, loading the data files the query asks for the way the page does (a script per file). */
  search(text: string, limit?: number): Answer;
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
  const search = (text: string, limit = 20): Answer => {
    for (let round = 0; round < 10; round++) {
      const answer = index.search(text, limit);
      if (answer.kind !== 'loading') return plain(answer);
      for (const name of answer.files) {
        const path = `search/${name}.js`;
        const content = contents.get(path);
        if (content === undefined) index.markFailed(name);
        else vm.runInContext(content, context, { filename: path });
        loaded.push(name);
      }
    }
    throw new Error(`search for "${text}" kept asking for more files`);
  };
  return { core, search, loaded };
}

/** The ids of the results, best first. */
export function ids(answer: Answer): readonly string[] {
  return answer.kind === 'results' ? answer.results.map((result) => result.document.id) : [];
}

/** Copies a value out of the vm context, so that arrays and objects compare like local ones. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
