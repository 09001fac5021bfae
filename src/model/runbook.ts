import type { Properties } from 'hast';
import type { CalendarDate } from './calendar-date.js';
import type { Span } from './diagnostic.js';
import type { Duration } from './duration.js';
import type { FileSettings } from './file-settings.js';
import type { SeverityLevel } from './config.js';
import type { Suppression } from './suppression.js';
import type { Blocks, Inlines } from './prose.js';

/** A value together with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/**
 * A frontmatter field after parsing: either a valid value with its location, or nothing usable
 * (absent or invalid; the reason is one of the runbook's {@link FrontmatterProblem}s).
 */
export type Field<T> = { readonly kind: 'given'; readonly value: T; readonly span: Span } | { readonly kind: 'none' };

/** When the recovery steps were last exercised. */
export type LastTested = { readonly kind: 'never' } | { readonly kind: 'on'; readonly date: CalendarDate };

/**
 * One recovery step: what to do, optionally the command to run and what to expect. `text` and
 * `expect` are plain (checks, search and fingerprints read them); `textInlines` and `expectInlines`
 * are the same with their formatting (inline code, bold, emphasis, links), for the outputs to render.
 */
export interface RecoveryStep {
  readonly text: string;
  readonly textInlines: Inlines;
  readonly run?: string;
  readonly expect?: string;
  readonly expectInlines?: Inlines;
  readonly span: Span;
}

/**
 * The recovery, and where it came from: steps (frontmatter `recovery`, or a numbered list under the
 * recovery section), the recovery section as written when it has no numbered list (`prose`: its
 * heading as written, the heading's anchor slug and its blocks in order), or none.
 */
export type Recovery =
  | { readonly source: 'frontmatter' | 'body'; readonly steps: readonly RecoveryStep[]; readonly span: Span }
  | {
      readonly source: 'prose';
      /** `section`: a recovery section (Mitigation…) without a numbered list, its heading left out of `blocks`; `numbered-headings`: headings `1. …`, `2. …`, every one in `blocks`. */
      readonly form: 'section' | 'numbered-headings';
      readonly heading: string;
      readonly slug: string;
      readonly blocks: Blocks;
      readonly span: Span;
    }
  | { readonly source: 'none' };

/** Someone to call: `{name, via, target}`, e.g. `{DB on-call, pager, db-primary}`. */
export interface Contact {
  readonly name: string;
  readonly via: string;
  readonly target: string;
}

/** A named absolute URL from frontmatter `links` (a dashboard, logs). */
export interface NamedLink {
  readonly name: string;
  readonly url: string;
}

/** A heading of the body, with the anchor slug GitHub would give it. */
export interface Heading {
  readonly depth: number;
  readonly text: string;
  readonly slug: string;
  readonly span: Span;
}

/**
 * A section of the body: a heading and everything under it up to the next heading of the same or
 * a higher level. `name` is the canonical section (`recovery`) when the heading matches one.
 */
export interface Section {
  readonly name: string | undefined;
  readonly heading: Heading;
  /** Whether the section holds nothing but whitespace and comments (subsections count as content). */
  readonly empty: boolean;
}

/** A link or image destination written in the body. */
export interface BodyLink {
  readonly url: string;
  readonly span: Span;
}

/** A problem the parser found in the frontmatter; rules turn each kind into diagnostics. */
export type FrontmatterProblem =
  | { readonly kind: 'missing-field'; readonly key: string }
  | {
      readonly kind: 'invalid-value';
      readonly key: string;
      readonly actual: string;
      readonly expected: string;
      readonly span: Span;
    }
  | { readonly kind: 'unknown-key'; readonly key: string; readonly suggestion: string | undefined; readonly span: Span }
  | { readonly kind: 'duplicate-key'; readonly key: string; readonly span: Span }
  | { readonly kind: 'cut-by-comment'; readonly key: string; readonly kept: string; readonly comment: string; readonly span: Span };

/** The state of the frontmatter block. */
export type Frontmatter =
  | { readonly kind: 'parsed'; readonly span: Span; readonly problems: readonly FrontmatterProblem[] }
  | { readonly kind: 'missing'; readonly unclosed: boolean }
  /**
   * No block, and the config's `defaults` stand in for it: `given` are the keys they give (as
   * written in files), `problems` what reading them found (required keys still missing, invalid values).
   */
  | { readonly kind: 'defaulted'; readonly given: readonly string[]; readonly problems: readonly FrontmatterProblem[] }
  | { readonly kind: 'broken'; readonly errors: readonly Located<string>[] };

/**
 * A runbook as the program uses it: every field is either a valid value or explicitly none, so no
 * later stage has to re-validate anything it reads.
 */
export interface Runbook {
  /** Path relative to the runbooks root without extension: `database/primary-down`. */
  readonly id: string;
  /** The path as shown to users (relative to the working directory when inside it). */
  readonly file: string;
  /** The absolute path, for resolving relative links. */
  readonly path: string;
  /** Frontmatter `title`, else the first H1, else the id. */
  readonly title: string;
  readonly frontmatter: Frontmatter;
  readonly owner: Field<string>;
  readonly service: Field<string>;
  readonly severity: Field<SeverityLevel>;
  readonly lastTested: Field<LastTested>;
  readonly reviewEvery: Field<Duration>;
  readonly alerts: readonly Located<string>[];
  readonly tags: readonly string[];
  readonly escalation: readonly Contact[];
  readonly links: readonly NamedLink[];
  readonly recovery: Recovery;
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly bodyLinks: readonly BodyLink[];
  /** Placeholder text left in (`TODO`, `<insert …>`), with where it is. */
  readonly placeholders: readonly Located<string>[];
  /** The `<!-- runbook-disable… -->` comments of the body, in order (see docs/suppressions.md). */
  readonly suppressions: readonly Suppression[];
  /** The config's settings for this file (its `overrides` applied). */
  readonly settings: FileSettings;
}

/**
 * One piece of a rendered body: sanitised HTML; the opening H1 (the page leaves it out when it
 * stands for the title); any other top-level heading, with its depth and anchor, so that the page
 * can move a section (the recovery) into its panel (`html` is empty when the heading holds a
 * relative link: its pieces follow); or the start tag of a relative link kept as its attributes, so
 * that the site can point the link at a page without ever reading HTML back (see `resolveLinks`).
 * The pieces joined, with every link as written, are the body's HTML.
 */
export type BodyPiece =
  | { readonly kind: 'html'; readonly html: string }
  | { readonly kind: 'opening-h1'; readonly text: string; readonly html: string }
  | { readonly kind: 'heading'; readonly depth: number; readonly slug: string; readonly html: string }
  | { readonly kind: 'link'; readonly properties: Readonly<Properties> };

/**
 * The body rendered for the site: sanitised HTML in pieces (relative links still as written) and
 * plain text for search. Rendered while the file is parsed, so the Markdown tree never outlives the parse.
 */
export type RenderedBody = { readonly kind: 'rendered'; readonly pieces: readonly BodyPiece[]; readonly text: string } | { readonly kind: 'not-rendered' };

/** The result of reading one file: a runbook, or the reason there is none. */
export type Loaded =
  | { readonly kind: 'runbook'; readonly runbook: Runbook; readonly body: RenderedBody }
  | {
      readonly kind: 'unreadable';
      readonly file: string;
      readonly reason: string;
      readonly span: Span;
    };
