import type { CanonicalKey } from './config.js';

/**
 * The kind of value a frontmatter field holds. The parser (`src/parse/fields.ts`) reads each kind
 * with one reader; the JSON Schema (`src/adopt/json-schemas.ts`) describes each kind once.
 */
export type FieldValueKind = 'text' | 'severity' | 'date-or-never' | 'duration' | 'texts' | 'steps' | 'contacts' | 'links';

/** One frontmatter field: whether it is required, what it holds, what it means. */
export interface FrontmatterField {
  readonly required: boolean;
  readonly value: FieldValueKind;
  /** How messages name the expected value (`a team id`). */
  readonly expected: string;
  /** What the field means, for the JSON Schema (and so for editors' hover text). */
  readonly description: string;
}

/**
 * Every frontmatter field the tool reads: the one table that both the parser (required fields, the
 * expected wording) and the JSON Schema are made from. A new key in `CANONICAL_KEYS` does not
 * compile until it has a row here.
 */
export const FRONTMATTER_FIELDS: { readonly [K in CanonicalKey]: FrontmatterField } = {
  title: { required: true, value: 'text', expected: 'a title', description: 'Human title of the runbook.' },
  owner: {
    required: true,
    value: 'text',
    expected: 'a team id',
    description: 'Id of the team that owns the runbook; one of the config\'s `teams` when it lists them.',
  },
  service: { required: true, value: 'text', expected: 'a service name', description: 'The service the runbook is about.' },
  severity: {
    required: true,
    value: 'severity',
    expected: 'a configured severity',
    description: 'One of the configured severities (default `critical`, `high`, `medium`, `low`, most severe first).',
  },
  last_tested: {
    required: true,
    value: 'date-or-never',
    expected: 'a date `YYYY-MM-DD` (e.g. `2026-03-14`) or `never`',
    description: 'The day the recovery steps were last exercised (a drill, a game day, a real incident) as `YYYY-MM-DD`, or `never`.',
  },
  review_every: {
    required: false,
    value: 'duration',
    expected: 'a duration such as `30d`, `6w`, `6 months` or `1y`',
    description: 'Shortens the severity\'s review interval (never lengthens it): `30d`, `6w`, `6 months`, `1y`.',
  },
  alerts: {
    required: false,
    value: 'texts',
    expected: 'a list of alert names',
    description: 'Alert names this runbook answers (a single name counts as a list of one). An alert may be claimed by one runbook only.',
  },
  tags: { required: false, value: 'texts', expected: 'a list of words', description: 'A list of words.' },
  recovery: {
    required: false,
    value: 'steps',
    expected: 'a list of steps, each a text or `{step, run, expect}`',
    description: 'Ordered recovery steps: each a text, or `{step, run, expect}` where `run` is a shell command and `expect` what it should show. When absent, the first numbered list under the body\'s Recovery heading.',
  },
  escalation: {
    required: false,
    value: 'contacts',
    expected: 'a list of contacts `{name, via, target}`',
    description: 'Contacts overriding the owning team\'s, in order: `{name, via, target}` (`via`: pager, chat, phone, email…).',
  },
  links: {
    required: false,
    value: 'links',
    expected: 'a mapping of names to absolute URLs (`Dashboard: https://…`)',
    description: 'Name → absolute URL (`https:`, `http:`, `mailto:`, `tel:`): dashboards, logs.',
  },
};
