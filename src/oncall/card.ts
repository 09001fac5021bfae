import type { Blocks, Inlines } from '../model/prose.js';
import type { NamedLink } from '../model/runbook.js';
import type { RunbookView } from '../view/collection-view.js';
import type { ReviewView } from '../view/review.js';
import { typicalRecoveryText } from '../view/drills.js';
import type { StatusKind } from '../view/status.js';
import type { EscalationView, OwnerView } from '../view/team.js';

/** When the steps were last exercised and when they are due again (see `ReviewView`). */
export type CardReview = ReviewView;

/** Whom to call, in order (see `EscalationView`). */
export type CardEscalation = EscalationView;

/** The owning team as the config describes it. */
export type CardOwner = OwnerView;

/** One recovery step as shown: its text and what to expect with their formatting, `run` exactly as written. */
export interface CardStep {
  readonly text: string;
  readonly textInlines: Inlines;
  readonly run: string | undefined;
  readonly expect: string | undefined;
  readonly expectInlines: Inlines | undefined;
}

/** A recovery section written as prose: its heading as written, its anchor and its blocks. */
export interface CardProse {
  readonly heading: string;
  /** A section without a numbered list, or numbered headings (every heading in `blocks`). */
  readonly form: 'section' | 'numbered-headings';
  readonly slug: string;
  readonly blocks: Blocks;
}

/**
 * What `runbook show` prints about one runbook, computed once from the runbook, the config and the
 * check results; the text and JSON outputs are both made from it.
 */
export interface Card {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly url: string;
  readonly severity: string | undefined;
  readonly service: string | undefined;
  readonly owner: CardOwner | undefined;
  readonly status: StatusKind;
  readonly statusLabel: string;
  readonly review: CardReview;
  /** Errors and warnings `runbook check` reports on the file, besides the staleness the status shows. */
  readonly problems: number;
  /** `typically recovered in 12 min (last 3 drills)`, when drills recovered. */
  readonly recovered?: string;
  readonly alerts: readonly string[];
  readonly escalation: CardEscalation;
  readonly steps: readonly CardStep[];
  /** The recovery section as written, when the runbook has no steps but that section. */
  readonly prose: CardProse | undefined;
  readonly links: readonly NamedLink[];
}

/**
 * The card of a runbook: its on-call view as `show` prints it. Where the site's URL is not known
 * (no `site.base_url`), the card points at the source file instead.
 */
export function cardOf(view: RunbookView): Card {
  const { runbook } = view;
  return {
    id: runbook.id,
    title: runbook.title,
    file: runbook.file,
    url: view.url ?? runbook.file,
    severity: view.severity?.id,
    service: view.service,
    owner: view.team,
    status: view.status.kind,
    statusLabel: view.status.label,
    review: view.review,
    problems: view.problemCount,
    ...(view.drills.typical === undefined ? {} : { recovered: typicalRecoveryText(view.drills.typical) }),
    alerts: view.alerts,
    escalation: view.escalation,
    steps: view.steps.map((step) => ({ text: step.text, textInlines: step.textInlines, run: step.run, expect: step.expect, expectInlines: step.expectInlines })),
    prose: view.recoveryProse && { heading: view.recoveryProse.heading, form: view.recoveryProse.form, slug: view.recoveryProse.slug, blocks: view.recoveryProse.blocks },
    links: runbook.links,
  };
}
