/**
 * Page inputs: a digest of everything a rendered page's bytes depend on, so that a build can take a
 * page whose digest is unchanged from the site before instead of rendering it again.
 *
 * A page is `render(request)`: a pure function of the templates, the frame every page shares
 * (`PageFrame`) and the request (template, path, title, scripts, data…). So the digest is of those
 * three, taken whole: exhaustive by construction, with no list of "what a page shows" to keep in
 * step with the templates. (The tool's own code is the writer's to add: see `writeSite`.) A request
 * holding anything but plain data (a Map, a class instance, a function, a number that is not finite)
 * has no digest, and its page is always rendered.
 */
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { SiteFile } from './search-document.js';
import type { Page } from './site-plan.js';
import type { PageFrame, PageRenderer, PageRequest, TemplateSet } from './templates.js';

/** A digest of the templates, the frame and the template engine's version: what every page's bytes depend on besides its request. */
export function frameDigest(set: TemplateSet, frame: PageFrame): string {
  const entries = (map: ReadonlyMap<string, string>): readonly (readonly [string, string])[] => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const serialised = plainJson({ engine: Handlebars.VERSION, pages: entries(set.pages), partials: entries(set.partials), frame: { ...frame } });
  if (serialised === undefined) throw new Error('bug: a page frame that is not plain data');
  return digest(serialised);
}

/** A digest of one page request under `frame` (see `frameDigest`), or undefined when the request is not plain data. */
export function requestDigest(frame: string, request: PageRequest): string | undefined {
  const serialised = plainJson(request);
  return serialised === undefined ? undefined : digest(`${frame}\0${serialised}`);
}

/** What a plan needs to key its rendered pages: a renderer that pages are given, and a way to key a page made with it. */
export interface PageKeys {
  /** The renderer to give the pages: renders, or records the request while a page is being keyed. */
  readonly render: PageRenderer;
  /** `page` with `input` (its request's digest) and a `make` that renders the request `input` recorded, if it is the last one. */
  keyed(page: Page): Page;
}

/** Text no page ever is: what the recording renderer returns while a page is being keyed. */
const RECORDING = '\u0000runbook: page being keyed\u0000';

/**
 * Keys for the pages of one plan. Keying a page runs its view code (cheap) with a renderer that only
 * records the request; the request of the last page keyed is kept (one at a time, so a build never
 * holds them all), and rendered if that page is then asked for.
 */
export function pageKeys(real: PageRenderer, frame: string): PageKeys {
  let recording: PageRequest[] | undefined;
  let last: { readonly path: string; readonly request: PageRequest } | undefined;
  const render: PageRenderer = (request) => {
    if (recording === undefined) return real(request);
    recording.push(request);
    return { path: request.path, content: RECORDING };
  };
  const requestOf = (page: Page): PageRequest | undefined => {
    const requests: PageRequest[] = [];
    recording = requests;
    let content: SiteFile['content'];
    try {
      content = page.make();
    } finally {
      recording = undefined;
    }
    const [request] = requests;
    return content === RECORDING && requests.length === 1 ? request : undefined;
  };
  return {
    render,
    keyed: (page) => ({
      path: page.path,
      input: () => {
        const request = requestOf(page);
        last = request === undefined ? undefined : { path: page.path, request };
        return request === undefined ? undefined : requestDigest(frame, request);
      },
      make: () => {
        const kept = last?.path === page.path ? last.request : undefined;
        last = undefined;
        return kept === undefined ? page.make() : real(kept).content;
      },
    }),
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Thrown by `plainReplacer` when a request holds anything but plain data. */
const NOT_PLAIN = new Error('not plain data');
/** Stands for `undefined` in an array, which JSON would make `null` (a template shows them alike, but a digest must not care). */
const UNDEFINED_ITEM = { '\u0000undefined': true };

/**
 * Plain data (null, booleans, strings, finite numbers, arrays, plain objects; a field that is
 * undefined is left out, as if absent) as JSON; undefined for anything else: a Map, a Date or
 * another object with a prototype or `toJSON`, a function, a number that is not finite.
 */
function plainJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, plainReplacer);
  } catch (error: unknown) {
    if (error === NOT_PLAIN || error instanceof TypeError) return undefined; // TypeError: a cycle
    throw error;
  }
}

function plainReplacer(this: unknown, key: string, value: unknown): unknown {
  const original: unknown = key === '' ? value : (this as Record<string, unknown>)[key];
  if (original !== value) throw NOT_PLAIN; // `toJSON` made it something else
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw NOT_PLAIN;
      return value;
    case 'undefined':
      return Array.isArray(this) ? UNDEFINED_ITEM : undefined;
    case 'object': {
      if (value === null || Array.isArray(value)) return value;
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw NOT_PLAIN;
      return value;
    }
    default:
      throw NOT_PLAIN;
  }
}
