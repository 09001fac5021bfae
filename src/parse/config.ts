import { dirname, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { CANONICAL_KEYS, type CanonicalKey, type Config, type Team } from '../model/config.js';
import type { RuleSetting } from '../model/diagnostic.js';
import { parseDuration, type Duration } from '../model/duration.js';

const durationText = z.string().refine((text) => parseDuration(text) !== undefined, {
  error: 'expected a duration such as `30d`, `6w`, `6 months` or `1y`',
});
const name = z.string().trim().min(1);
const contact = z.strictObject({ name, via: name, target: name });
const ruleSetting = z.enum(['error', 'warning', 'info', 'off']);

/** The configuration as users write it in `runbook.config.yaml`; every key is optional. */
export const configSchema = z
  .strictObject({
    root: name.optional().describe('Folder holding the runbooks, relative to this file; ids are paths relative to it.'),
    include: z.array(name).min(1).optional().describe('Globs of runbook files, relative to `root`. Default `**/*.md`.'),
    exclude: z.array(name).optional().describe('Globs of files under `root` that are not runbooks.'),
    teams: z
      .record(
        name,
        z.strictObject({
          name: name.optional(),
          chat: name.optional().describe('Chat channel, e.g. `#payments-oncall`.'),
          escalation: z.array(contact).optional().describe('Who to call, in order, when the on-call needs help.'),
        }),
      )
      .optional()
      .describe('Teams by id. When present, every runbook owner must be one of them.'),
    severities: z
      .array(z.strictObject({ id: name, review_every: durationText }))
      .min(1)
      .optional()
      .describe('Severity levels, most severe first, each with its default review interval.'),
    due_soon: durationText.optional().describe('How long before its due date a runbook is reported as due soon. Default `14d`.'),
    sections: z
      .strictObject({
        required: z.array(name).optional(),
        aliases: z.record(name, z.array(name)).optional(),
      })
      .optional()
      .describe('Sections every runbook body must have, and other headings that count as each.'),
    fields: z
      .partialRecord(z.enum(CANONICAL_KEYS), name)
      .optional()
      .describe('Frontmatter key to read for each of this tool\'s keys, e.g. `last_tested: last_reviewed_on`.'),
    extra_keys: z.array(name).optional().describe('Other frontmatter keys to accept without a warning.'),
    rules: z.record(name, ruleSetting).optional().describe('Per-rule severity: `error`, `warning`, `info` or `off`.'),
  })
  .describe('runbook configuration (runbook.config.yaml)');

export type WrittenConfig = z.infer<typeof configSchema>;

/** The run cannot go on because the configuration is wrong; the message says where and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_SEVERITIES: readonly { readonly id: string; readonly reviewEvery: string }[] = [
  { id: 'critical', reviewEvery: '3 months' },
  { id: 'high', reviewEvery: '6 months' },
  { id: 'medium', reviewEvery: '6 months' },
  { id: 'low', reviewEvery: '1 year' },
];

export const DEFAULT_REQUIRED_SECTIONS: readonly string[] = ['summary', 'impact', 'diagnosis', 'recovery'];

export const DEFAULT_SECTION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  summary: ['meaning', 'overview', 'description'],
  impact: [],
  diagnosis: ['verification', 'troubleshooting', 'investigation'],
  recovery: ['mitigation', 'remediation', 'resolution'],
  escalation: [],
};

/**
 * Parses a config file's text (YAML, of which JSON is a subset) into the normalised {@link Config}.
 * Throws {@link ConfigError} naming the file, line and column of the first problems.
 */
export function parseConfig(text: string, path: string): Config {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true });
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const yamlError = document.errors[0];
  if (yamlError !== undefined) throw new ConfigError(`${at(yamlError.pos[0])}: invalid YAML: ${yamlError.message}`);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error: unknown) {
    throw new ConfigError(`${path}: cannot read the config`, { cause: error });
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => {
      const node = nodeAt(document.contents, issue.path);
      const where = node?.range ? at(node.range[0]) : path;
      const key = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
      return `${where}: ${key}${issueMessage(issue)}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return normaliseConfig(parsed.data, { kind: 'file', path }, dirname(path));
}

/** The config used when no file is found: defaults, runbooks under `cwd`. */
export function defaultConfig(cwd: string): Config {
  return normaliseConfig({}, { kind: 'defaults' }, cwd);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`;
  }
  return issue.message;
}

function nodeAt(node: unknown, path: readonly PropertyKey[]): YamlNode | undefined {
  let current = node as YamlNode | null | undefined;
  for (const key of path) {
    if (isMap(current)) current = current.get(key, true);
    else if (isSeq(current) && typeof key === 'number') current = current.get(key, true);
    else break;
  }
  return current ?? undefined;
}

function mustDuration(text: string): Duration {
  const duration = parseDuration(text);
  if (duration === undefined) throw new Error(`bug: duration \`${text}\` passed the schema`);
  return duration;
}

function normaliseConfig(written: WrittenConfig, source: Config['source'], base: string): Config {
  const severities = (written.severities?.map((level) => ({ id: level.id, reviewEvery: level.review_every })) ?? DEFAULT_SEVERITIES).map(
    (level, rank) => ({ id: level.id, rank, reviewEvery: mustDuration(level.reviewEvery) }),
  );
  const ids = severities.map((level) => level.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new ConfigError(`${source.kind === 'file' ? source.path : 'config'}: severity \`${repeated}\` is listed twice`);
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
  for (const section of requiredSections) if (!aliases.has(section)) aliases.set(section, section);
  const fields = Object.fromEntries(CANONICAL_KEYS.map((key) => [key, written.fields?.[key] ?? key])) as Record<CanonicalKey, string>;
  return {
    source,
    root: resolve(base, written.root ?? '.'),
    include: written.include ?? ['**/*.md'],
    exclude: written.exclude ?? [],
    teams,
    severities,
    dueSoonDays: approximateDays(dueSoon),
    requiredSections,
    sectionAliases: aliases,
    fields,
    extraKeys: written.extra_keys ?? [],
    rules: new Map(Object.entries(written.rules ?? {}) as [string, RuleSetting][]),
  };
}

/** A window in days (months as 30, years as 365): only used for the due-soon warning. */
function approximateDays(duration: Duration): number {
  const perUnit = { day: 1, week: 7, month: 30, year: 365 } as const;
  return duration.count * perUnit[duration.unit];
}
