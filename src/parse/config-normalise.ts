/**
 * Normalisation: a config as the user wrote it (and the schema accepted) becomes the `Config` the
 * program uses, with every default filled in, paths resolved against the config's folder, durations
 * parsed and section names lowercased. Nothing here can fail on what a user wrote: the schema and
 * the checks of `parseConfig` ran first.
 */
import { resolve } from 'node:path';
import { CANONICAL_KEYS, type CanonicalKey, type Config, type Override, type Team } from '../model/config.js';
import type { RuleSetting } from '../model/diagnostic.js';
import { parseDuration, type Duration } from '../model/duration.js';
import type { WrittenConfig } from './config-schema.js';

/** The severity levels of a config that lists none, most severe first, with their review intervals. */
export const DEFAULT_SEVERITIES: readonly { readonly id: string; readonly reviewEvery: string }[] = [
  { id: 'critical', reviewEvery: '3 months' },
  { id: 'high', reviewEvery: '6 months' },
  { id: 'medium', reviewEvery: '6 months' },
  { id: 'low', reviewEvery: '1 year' },
];

/** The sections every runbook must have when the config does not say. */
const DEFAULT_REQUIRED_SECTIONS: readonly string[] = ['summary', 'impact', 'diagnosis', 'recovery'];

/** Other headings that count as each section; a config's `sections.aliases` adds to these. */
const DEFAULT_SECTION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  summary: ['meaning', 'overview', 'description'],
  impact: [],
  diagnosis: ['verification', 'troubleshooting', 'investigation'],
  recovery: ['mitigation', 'remediation', 'resolution'],
  escalation: [],
};

function mustDuration(text: string): Duration {
  const duration = parseDuration(text);
  if (duration === undefined) throw new Error(`bug: duration \`${text}\` passed the schema`);
  return duration;
}

/** The `Config` of `written`, read from `source`; relative paths in it are relative to `base`. */
export function normaliseConfig(written: WrittenConfig, source: Config['source'], base: string): Config {
  const severities = (written.severities?.map((level) => ({ id: level.id, reviewEvery: level.review_every })) ?? DEFAULT_SEVERITIES).map(
    (level, rank) => ({ id: level.id, rank, reviewEvery: mustDuration(level.reviewEvery) }),
  );
  const dueSoon = mustDuration(written.due_soon ?? '14d');
  const teams: Config['teams'] =
    written.teams === undefined
      ? { kind: 'unlisted' }
      : {
          kind: 'listed',
          byId: new Map(
            Object.entries(written.teams).map(([id, team]): [string, Team] => [
              id,
              { id, name: team.name ?? id, chat: team.chat, escalation: team.escalation ?? [] },
            ]),
          ),
        };
  const aliases = new Map<string, string>();
  const writtenAliases = { ...DEFAULT_SECTION_ALIASES, ...written.sections?.aliases };
  for (const [canonical, others] of Object.entries(writtenAliases)) {
    aliases.set(canonical.toLowerCase(), canonical.toLowerCase());
    for (const other of others) aliases.set(other.toLowerCase(), canonical.toLowerCase());
  }
  const requiredSections = (written.sections?.required ?? DEFAULT_REQUIRED_SECTIONS).map((section) => section.toLowerCase());
  const overrides = (written.overrides ?? []).map(normaliseOverride);
  for (const section of [requiredSections, ...overrides.map((override) => override.requiredSections ?? [])].flat()) {
    if (!aliases.has(section)) aliases.set(section, section);
  }
  // A required section written as another name of a section (`troubleshooting`) is that section (`diagnosis`).
  const toCanonical = (sections: readonly string[]): readonly string[] => [...new Set(sections.map((section) => aliases.get(section) ?? section))];
  const fields = Object.fromEntries(CANONICAL_KEYS.map((key) => [key, written.fields?.[key] ?? key])) as Record<CanonicalKey, string>;
  return {
    source,
    root: resolve(base, written.root ?? '.'),
    include: written.include ?? ['**/*.md'],
    exclude: written.exclude ?? [],
    teams,
    severities,
    dueSoonDays: approximateDays(dueSoon),
    requiredSections: toCanonical(requiredSections),
    sectionAliases: aliases,
    fields,
    extraKeys: written.extra_keys ?? [],
    site: {
      title: written.site?.title ?? 'Runbooks',
      baseUrl: written.site?.base_url,
      templates: written.site?.templates === undefined ? undefined : resolve(base, written.site.templates),
    },
    search: { synonyms: written.search?.synonyms ?? [] },
    defaults: givenDefaults(written.defaults),
    newRunbook: { template: written.new?.template === undefined ? undefined : resolve(base, written.new.template) },
    rules: withRequiredRecord(new Map(Object.entries(written.rules ?? {}) as [string, RuleSetting][]), written.drills?.require_record ?? false),
    overrides: overrides.map((override) => ({ ...override, requiredSections: override.requiredSections && toCanonical(override.requiredSections) })),
    alerts: { rules: written.alerts?.rules ?? [], base, url: written.alerts?.url, fromFileName: written.alerts?.from_file_name ?? false },
    baseline: { file: resolve(base, written.baseline?.file ?? 'runbook-baseline.json'), expireAfter: mustDuration(written.baseline?.expire_after ?? '90d') },
    drills: { folder: resolve(base, written.drills?.folder ?? 'drills'), requireRecord: written.drills?.require_record ?? false },
  };
}

/**
 * `drills.require_record: true` turns `unrecorded-test` (off by default) on as an error, unless the
 * config's own `rules:` sets it: what a team writes under `rules:` always wins.
 */
function withRequiredRecord(rules: ReadonlyMap<string, RuleSetting>, requireRecord: boolean): ReadonlyMap<string, RuleSetting> {
  return requireRecord && !rules.has('unrecorded-test') ? new Map([...rules, ['unrecorded-test', 'error']]) : rules;
}

/** One entry of `overrides`, with its section names lowercased as the top-level ones. */
function normaliseOverride(written: NonNullable<WrittenConfig['overrides']>[number]): Override {
  return {
    files: written.files,
    rules: new Map(Object.entries(written.rules ?? {}) as [string, RuleSetting][]),
    defaults: givenDefaults(written.defaults),
    requiredSections: written.sections?.required?.map((section) => section.toLowerCase()),
  };
}

/** The defaults a config gives, without the keys it leaves out. */
function givenDefaults(written: WrittenConfig['defaults']): Config['defaults'] {
  return Object.fromEntries(Object.entries(written ?? {}).filter(([, value]) => value !== undefined));
}

/** A window in days (months as 30, years as 365): only used for the due-soon warning. */
function approximateDays(duration: Duration): number {
  const perUnit = { day: 1, week: 7, month: 30, year: 365 } as const;
  return duration.count * perUnit[duration.unit];
}
