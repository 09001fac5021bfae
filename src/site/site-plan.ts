/**
 * The plan engine: a site whose files are made only when asked for (a build asks for each once and
 * writes it; \`serve\` asks for the pages a browser requests). It knows files and bundles, not pages.
 */
import type { SiteFile } from './search-document.js';

/** How a plan keeps what it made. */
export interface PlanOptions {
  /**
   * Keep every page made, so that asking again costs nothing (`serve`); false for a build, which
   * asks for each file once and writes it, so that the site is never in memory whole.
   */
  readonly remember: boolean;
}

/** A site whose files are made when asked for: `serve` renders only the pages a browser requests. */
export interface SitePlan {
  /** The content of the file at `path` (made on first request), or undefined when the site has none. */
  file(path: string): SiteFile['content'] | undefined;
  /**
   * A digest of everything the bytes of the file at `path` depend on but the tool's code (see
   * page-input.ts): equal digests, equal bytes. Undefined when the file has none (it is always made).
   */
  input(path: string): string | undefined;
  /** The path of every file (makes the bundles, which are made whole). */
  paths(): readonly string[];
  /** Every file, sorted by path. */
  all(): readonly SiteFile[];
}

/** A file that is made only when asked for. */
export interface Page {
  readonly path: string;
  readonly make: () => SiteFile['content'];
  /** A digest of everything `make` depends on (see `SitePlan.input`), when the page has one. */
  readonly input?: () => string | undefined;
}

/** Files made together (the search index, the cheat sheets), when any path they may hold is asked for. */
export interface Bundle {
  readonly holds: (path: string) => boolean;
  readonly make: () => readonly SiteFile[];
}

/** Makes each page on request (at most once when remembering) and each bundle at most once. */
export function lazyPlan(pages: readonly Page[], bundles: readonly Bundle[], options: PlanOptions, onMade: (path: string) => void): SitePlan {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const made = new Map<string, SiteFile['content']>();
  const bundleFiles = bundles.map((bundle) => ({ bundle, files: undefined as ReadonlyMap<string, SiteFile['content']> | undefined }));
  const filesOf = (entry: (typeof bundleFiles)[number]): ReadonlyMap<string, SiteFile['content']> => {
    entry.files ??= new Map(entry.bundle.make().map((file) => [file.path, file.content]));
    return entry.files;
  };
  const file = (path: string): SiteFile['content'] | undefined => {
    const page = byPath.get(path);
    if (page !== undefined) {
      let text = made.get(path);
      if (text === undefined) {
        text = page.make();
        if (options.remember) made.set(path, text);
        onMade(path);
      }
      return text;
    }
    for (const entry of bundleFiles) {
      if (entry.bundle.holds(path)) {
        const text = filesOf(entry).get(path);
        if (text !== undefined) return text;
      }
    }
    return undefined;
  };
  const paths = (): readonly string[] => {
    const all = new Set(byPath.keys());
    for (const entry of bundleFiles) for (const path of filesOf(entry).keys()) all.add(path);
    return [...all].sort();
  };
  return {
    file,
    input: (path) => byPath.get(path)?.input?.(),
    paths,
    all: () => paths().map((path) => ({ path, content: file(path) ?? '' })),
  };
}

/** A page at `path` that `render` makes when asked for. */
export function page(path: string, make: () => SiteFile): Page {
  return { path, make: () => make().content };
}
