import type { RuleSetting } from './diagnostic.js';
import type { Duration } from './duration.js';
import type { Contact } from './runbook.js';

/** A severity level: its name, its rank (0 = most severe) and its default review interval. */
export interface SeverityLevel {
  readonly id: string;
  readonly rank: number;
  readonly reviewEvery: Duration;
}

/** A team that owns runbooks. */
export interface Team {
  readonly id: string;
  readonly name: string;
  readonly chat: string | undefined;
  readonly escalation: readonly Contact[];
}

/** The teams a config lists; when it lists none, any owner is accepted. */
export type Teams = { readonly kind: 'unlisted' } | { readonly kind: 'listed'; readonly byId: ReadonlyMap<string, Team> };

/** The keys this tool reads from frontmatter. */
export const CANONICAL_KEYS = [
  'title',
  'owner',
  'service',
  'severity',
  'last_tested',
  'review_every',
  'alerts',
  'tags',
  'recovery',
  'escalation',
  'links',
] as const;

export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

/** The keys a config may give defaults for. */
export type DefaultableKey = 'owner' | 'service' | 'severity' | 'review_every';

/** Where the configuration came from. */
export type ConfigSource = { readonly kind: 'defaults' } | { readonly kind: 'file'; readonly path: string };

/** The normalised configuration every stage reads; made once at the edge by `parseConfig`. */
export interface Config {
  readonly source: ConfigSource;
  /** Absolute folder the runbook ids are relative to. */
  readonly root: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly teams: Teams;
  /** Most severe first. */
  readonly severities: readonly SeverityLevel[];
  readonly dueSoonDays: number;
  /** Canonical section names every runbook must have. */
  readonly requiredSections: readonly string[];
  /** Lower-cased heading text → canonical section name (each name maps to itself too). */
  readonly sectionAliases: ReadonlyMap<string, string>;
  /** Frontmatter key as written in files, for each canonical key. */
  readonly fields: Readonly<Record<CanonicalKey, string>>;
  /** Frontmatter keys the tool does not read but accepts without warning. */
  readonly extraKeys: readonly string[];
  /** Values for fields a runbook leaves out (checked like written values). */
  readonly defaults: Readonly<Partial<Record<DefaultableKey, string>>>;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  /** Settings for the runbooks matching some globs, in the order written (later ones win). */
  readonly overrides: readonly Override[];
  readonly site: SiteConfig;
  readonly search: SearchConfig;
  readonly newRunbook: NewRunbookConfig;
  readonly alerts: AlertsConfig;
  readonly baseline: BaselineConfig;
  readonly drills: DrillsConfig;
}

/** Where drill records are kept (`runbook drill` writes them; `check`, the site and `due` read them). */
export interface DrillsConfig {
  /** Absolute folder of the records (default `drills` beside the config): `<folder>/<runbook id>/<YYYY-MM-DD>[-n].md`. */
  readonly folder: string;
  /** Whether every `last_tested` date needs a `recovered` record on that day (turns `unrecorded-test` on as an error). */
  readonly requireRecord: boolean;
}

/** Where `runbook baseline` records the known problems, and how long time-based ones are held back. */
export interface BaselineConfig {
  /** Absolute path of the baseline file (default `runbook-baseline.json` beside the config). */
  readonly file: string;
  /** How long after it is recorded a time-based finding (`stale`, `never-tested`, `due-soon`) counts again. */
  readonly expireAfter: Duration;
}

/** One entry of `overrides`: settings laid over the top-level ones for the runbooks its globs match. */
export interface Override {
  /** Globs relative to `root` (the dialect of `include`). */
  readonly files: readonly string[];
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly defaults: Readonly<Partial<Record<DefaultableKey, string>>>;
  /** Canonical section names, lowercased; undefined when the override does not say. */
  readonly requiredSections: readonly string[] | undefined;
}

/** Where the alert rules are and how their `runbook_url` leads to runbooks (`runbook coverage`). */
export interface AlertsConfig {
  /** Globs of Prometheus rule files; empty when none are configured (then `check` reports no coverage). */
  readonly rules: readonly string[];
  /** Absolute folder the `rules` globs are relative to (the config file's folder). */
  readonly base: string;
  /** The URL a `runbook_url` must lead to, with `{alert}` and/or `{id}`; undefined when not configured. */
  readonly url: string | undefined;
  /** Whether each runbook also answers the alert its file is named after (`KubePodCrashLooping.md`). */
  readonly fromFileName: boolean;
}

/** Settings of `runbook new`. */
export interface NewRunbookConfig {
  /** Absolute path of the team's template for new runbooks, when it has one. */
  readonly template: string | undefined;
}

/** Settings of the site search. */
export interface SearchConfig {
  /** Groups of words searched as one, added to the built-in ones; each word one search word. */
  readonly synonyms: readonly (readonly string[])[];
}

/** Settings of the generated site. */
export interface SiteConfig {
  readonly title: string;
  /** Absolute URL the site is served from, when known. */
  readonly baseUrl: string | undefined;
  /** Absolute folder of templates overriding the built-in ones. */
  readonly templates: string | undefined;
}
