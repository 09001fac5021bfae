import { formatCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { reviewStatus } from '../model/review.js';
import type { Contact, NamedLink, Runbook } from '../model/runbook.js';
import { runbookStatus, type StatusKind } from '../view/status.js';

/** When the steps were last exercised and when they are due again, as dates written out. */
export type CardReview =
  | { readonly kind: 'never-tested' }
  | { readonly kind: 'tested'; readonly lastTested: string; readonly due: string; readonly daysLeft: number }
  /** Tested, but neither `review_every` nor a known severity says how often. */
  | { readonly kind: 'no-interval'; readonly lastTested: string }
  /** `last_tested` is missing or invalid. */
  | { readonly kind: 'unknown' };

/** Whom to call: the runbook's own list, else its team's; `none` when neither has one. */
export interface CardEscalation {
  readonly source: 'runbook' | 'team' | 'none';
  readonly contacts: readonly Contact[];
}

/** The owning team as the config describes it (only the id when the config lists no teams). */
export interface CardOwner {
  readonly id: string;
  readonly name: string;
  readonly chat: string | undefined;
}

/** One recovery step as shown: `run` exactly as written. */
export interface CardStep {
  readonly text: string;
  readonly run: string | undefined;
  readonly expect: string | undefined;
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
  readonly alerts: readonly string[];
  readonly escalation: CardEscalation;
  readonly steps: readonly CardStep[];
  readonly links: readonly NamedLink[];
}

/** Rules whose findings the status itself shows. */
const STATUS_RULES: ReadonlySet<string> = new Set(['stale', 'never-tested', 'due-soon']);

/** What a card needs besides the runbook. */
export interface CardContext {
  readonly config: Config;
  readonly today: CalendarDate;
  /** The diagnostics of this runbook's file. */
  readonly diagnostics: readonly Diagnostic[];
  readonly url: string;
}

/** The card of a runbook on `today`. */
export function cardOf(runbook: Runbook, context: CardContext): Card {
  const { config, today, diagnostics } = context;
  const status = runbookStatus(runbook, diagnostics, config, today);
  const ownerId = runbook.owner.kind === 'given' ? runbook.owner.value : undefined;
  const team = ownerId !== undefined && config.teams.kind === 'listed' ? config.teams.byId.get(ownerId) : undefined;
  const owner: CardOwner | undefined = ownerId === undefined ? undefined : { id: ownerId, name: team?.name ?? ownerId, chat: team?.chat };
  const escalation: CardEscalation =
    runbook.escalation.length > 0
      ? { source: 'runbook', contacts: runbook.escalation }
      : team !== undefined && team.escalation.length > 0
        ? { source: 'team', contacts: team.escalation }
        : { source: 'none', contacts: [] };
  return {
    id: runbook.id,
    title: runbook.title,
    file: runbook.file,
    url: context.url,
    severity: runbook.severity.kind === 'given' ? runbook.severity.value.id : undefined,
    service: runbook.service.kind === 'given' ? runbook.service.value : undefined,
    owner,
    status: status.kind,
    statusLabel: status.label,
    review: reviewOf(runbook, today),
    problems: diagnostics.filter((diagnostic) => diagnostic.severity !== 'info' && !STATUS_RULES.has(diagnostic.ruleId)).length,
    alerts: runbook.alerts.map((alert) => alert.value),
    escalation,
    steps:
      runbook.recovery.source === 'none'
        ? []
        : runbook.recovery.steps.map((step) => ({ text: step.text, run: step.run, expect: step.expect })),
    links: runbook.links,
  };
}

function reviewOf(runbook: Runbook, today: CalendarDate): CardReview {
  const review = reviewStatus(runbook, today);
  if (review.kind === 'tested') {
    return { kind: 'tested', lastTested: formatCalendarDate(review.lastTested), due: formatCalendarDate(review.due), daysLeft: review.daysLeft };
  }
  if (review.kind === 'never-tested') return { kind: 'never-tested' };
  const lastTested = runbook.lastTested;
  return lastTested.kind === 'given' && lastTested.value.kind === 'on'
    ? { kind: 'no-interval', lastTested: formatCalendarDate(lastTested.value.date) }
    : { kind: 'unknown' };
}
