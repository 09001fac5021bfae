import type { Blocks, Inlines } from '../model/prose.js';
import type { Card } from './card.js';
import type { MatchedBy, Suggestion } from './find-runbook.js';
import type { Findable } from '../parse/findable.js';
import { lastTestedText } from '../view/review.js';

/** Version of the JSON shape of `runbook show --json`; changes only when the shape does. */
const SHOW_JSON_VERSION = 1;

/** What `show --json` prints: the same keys in the same order every time, `null` for absent values. */
export type ShowJson =
  | { readonly version: number; readonly query: string; readonly match: MatchedBy; readonly runbook: CardJson }
  | { readonly version: number; readonly query: string; readonly match: 'ambiguous'; readonly candidates: readonly CandidateJson[] }
  | { readonly version: number; readonly query: string; readonly match: 'none'; readonly suggestions: readonly SuggestionJson[] };

export interface CandidateJson {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly alerts: readonly string[];
}

export interface SuggestionJson {
  readonly id: string;
  readonly name: string;
  readonly kind: 'alert' | 'id' | 'title';
}

export interface CardJson {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly url: string;
  readonly severity: string | null;
  readonly service: string | null;
  readonly owner: { readonly id: string; readonly name: string; readonly chat: string | null } | null;
  readonly status: {
    readonly kind: string;
    readonly label: string;
    readonly last_tested: string | null;
    readonly due: string | null;
    readonly days_left: number | null;
    /** The review interval that decides the due date (`3 months`), when known. */
    readonly review_every: string | null;
    readonly problems: number;
  };
  readonly alerts: readonly string[];
  readonly escalation: {
    readonly source: 'runbook' | 'team' | 'none';
    readonly contacts: readonly { readonly name: string; readonly via: string; readonly target: string }[];
  };
  readonly steps: readonly {
    readonly text: string;
    readonly run: string | null;
    readonly expect: string | null;
    /** `text` with its formatting (see docs/format.md, "show --json"). */
    readonly text_inlines: Inlines;
    readonly expect_inlines: Inlines | null;
  }[];
  readonly links: readonly { readonly name: string; readonly url: string }[];
  /** The recovery section as written, when the runbook has no steps but that section. */
  readonly recovery_prose: { readonly heading: string; readonly slug: string; readonly blocks: Blocks } | null;
  /** The whole body (`show --full`), else null. */
  readonly body: Blocks | null;
}

/** `show --json` when one runbook was found; `body` with `--full`. */
export function foundJson(query: string, by: MatchedBy, card: Card, body?: Blocks): ShowJson {
  return { version: SHOW_JSON_VERSION, query, match: by, runbook: cardJson(card, body) };
}

/** `show --json` when several runbooks matched with no clear winner. */
export function ambiguousJson(query: string, candidates: readonly Findable[]): ShowJson {
  return {
    version: SHOW_JSON_VERSION,
    query,
    match: 'ambiguous',
    candidates: candidates.map((item) => ({ id: item.id, title: item.title, file: item.file, alerts: [...item.alerts] })),
  };
}

/** `show --json` when nothing matched. */
export function noneJson(query: string, suggestions: readonly Suggestion<Findable>[]): ShowJson {
  return {
    version: SHOW_JSON_VERSION,
    query,
    match: 'none',
    suggestions: suggestions.map((suggestion) => ({ id: suggestion.item.id, name: suggestion.name, kind: suggestion.kind })),
  };
}

/** A card as JSON, with the whole body when given. */
export function cardJson(card: Card, body?: Blocks): CardJson {
  const review = card.review;
  return {
    id: card.id,
    title: card.title,
    file: card.file,
    url: card.url,
    severity: card.severity ?? null,
    service: card.service ?? null,
    owner: card.owner === undefined ? null : { id: card.owner.id, name: card.owner.name, chat: card.owner.chat ?? null },
    status: {
      kind: card.status,
      label: card.statusLabel,
      last_tested: lastTestedText(review) ?? null,
      due: review.kind === 'tested' ? review.due : null,
      days_left: review.kind === 'tested' ? review.daysLeft : null,
      review_every: review.kind === 'tested' ? review.interval : null,
      problems: card.problems,
    },
    alerts: [...card.alerts],
    escalation: {
      source: card.escalation.source,
      contacts: card.escalation.contacts.map((contact) => ({ name: contact.name, via: contact.via, target: contact.target })),
    },
    steps: card.steps.map((step) => ({
      text: step.text,
      run: step.run ?? null,
      expect: step.expect ?? null,
      text_inlines: step.textInlines,
      expect_inlines: step.expectInlines ?? null,
    })),
    links: card.links.map((link) => ({ name: link.name, url: link.url })),
    recovery_prose: card.prose === undefined ? null : { heading: card.prose.heading, slug: card.prose.slug, blocks: card.prose.blocks },
    body: body ?? null,
  };
}
