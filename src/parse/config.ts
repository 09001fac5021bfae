import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { closest as closestKey } from './closest.js';
import { z } from 'zod';
import { CANONICAL_KEYS, type CanonicalKey, type Config, type Team } from '../model/config.js';
import type { RuleSetting } from '../model/diagnostic.js';
import { DURATION_PATTERN, parseDuration, type Duration } from '../model/duration.js';
import { excerpt, PARSER_MESSAGE_LENGTH, printable } from '../text/terminal-text.js';
import { globProblem } from './glob.js';

const durationText = z.string().regex(new RegExp(DURATION_PATTERN), {
  error: 'expected a duration such as `30d`, `6w`, `6 months` or `1y`',
});
const name = z.string().trim().min(1);
const contact = z.strictObject({ name, via: name, target: name });
const glob = name.superRefine((value, context) => {
  const problem = globProblem(value);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `the glob \`${excerpt(value)}\` ${problem}` });
});
const ruleSetting = z.enum(['error', 'warning', 'info', 'off']);
/** `alerts.url` must say where the alert name or the runbook id goes. */
const ALERT_URL_PLACEHOLDER = /\{(?:alert|id)\}/;

/** The configuration as users write it in `runbook.config.yaml`; every key is optional. */
export const configSchema = z
  .strictObject({
    root: name.optional().describe('Folder holding the runbooks, relative to this file; ids are paths relative to it.'),
    include: z.array(glob).min(1).optional().describe('Globs of runbook files, relative to `root`. Default `**/*.md`.'),
    exclude: z.array(glob).optional().describe('Globs of files under `root` that are not runbooks.'),
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
    new: z
      .strictObject({
        template: name.optional().describe('Handlebars template for new runbooks, relative to this file. Default: the built-in one.'),
      })
      .optional()
      .describe('Settings of `runbook new`.'),
    defaults: z
      .strictObject({ owner: name.optional(), service: name.optional(), severity: name.optional(), review_every: durationText.optional() })
      .optional()
      .describe('Values used when a runbook does not give `owner`, `service`, `severity` or `review_every` (for collections that never wrote them).'),
    site: z
      .strictObject({
        title: name.optional().describe('Site title, shown on every page. Default `Runbooks`.'),
        base_url: z.url().optional().describe('Absolute URL the site is served from; used for absolute links (catalog, 404 page).'),
        templates: name.optional().describe('Folder of templates overriding the built-in ones (same file names), relative to this file.'),
      })
      .optional()
      .describe('The on-call site built by `runbook build`.'),
    rules: z.record(name, ruleSetting).optional().describe('Per-rule severity: `error`, `warning`, `info` or `off`.'),
    alerts: z
      .strictObject({
        rules: z
          .array(glob)
          .min(1)
          .optional()
          .describe('Globs of Prometheus rule files (plain `groups:` files or Kubernetes `PrometheusRule` resources), relative to this file. When set, `check` also reports alert coverage.'),
        url: name
          .regex(ALERT_URL_PLACEHOLDER, { error: 'expected a URL with `{alert}` or `{id}`, e.g. `https://runbooks.example.com/alerts/{alert}/`' })
          .optional()
          .describe('The URL an alert rule\'s `runbook_url` must lead to: `{alert}` is the alert name, `{id}` the id of the runbook answering it; lowercased names match too.'),
        from_file_name: z
          .boolean()
          .optional()
          .describe('Each runbook also answers the alert its file is named after (`KubePodCrashLooping.md` answers `KubePodCrashLooping`), as in prometheus-operator\'s and OpenShift\'s runbooks. Default `false`.'),
      })
      .optional()
      .describe('Prometheus alert rules and how they link to runbooks (`runbook coverage`, see docs/coverage.md).'),
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

/** How `parseConfig` names the file in messages, and which rule ids `rules:` may name. */
export interface ConfigOptions {
  /** The path as shown to users (default: `path`). */
  readonly label?: string;
  /** The known rule ids; when given, `rules:` keys are checked against them. */
  readonly ruleIds?: readonly string[];
}

/**
 * Parses a config file's text (YAML, of which JSON is a subset) into the normalised {@link Config}.
 * Throws {@link ConfigError} naming the file, line and column of every problem (up to ten). What
 * the message quotes of the file (keys, ids, YAML's messages) is a short printable excerpt, since
 * the message is printed to a terminal or a CI log and the config may come from a pull request.
 */
export function parseConfig(text: string, path: string, options: ConfigOptions = {}): Config {
  const label = printable(options.label ?? path);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true });
  const at = (node: YamlNode | undefined): { readonly line: number; readonly text: string } => {
    if (node?.range == null) return { line: 0, text: label };
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, text: `${label}:${line}:${col}` };
  };
  const yamlError = document.errors[0];
  if (yamlError !== undefined) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    throw new ConfigError(`${label}:${line}:${col}: invalid YAML: ${excerpt(yamlError.message, PARSER_MESSAGE_LENGTH)}`);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error: unknown) {
    throw new ConfigError(`${label}: cannot read the config`, { cause: error });
  }
  const problems: { readonly line: number; readonly text: string }[] = [];
  const report = (node: YamlNode | undefined, message: string): void => {
    const where = at(node);
    problems.push({ line: where.line, text: `${where.text}: ${message}` });
  };
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key.description) : key));
      const name = path.length > 0 ? `\`${path.map((key) => excerpt(String(key))).join('.')}\`: ` : '';
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const known = Object.keys(schemaAt(path));
          const suggestion = closestKey(key, known);
          report(keyNodeAt(document.contents, path, key) ?? nodeAt(document.contents, path), `${name}unknown key \`${excerpt(key)}\`${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`}`);
        }
      } else {
        const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
        report(nodeAt(document.contents, path), missing ? `${name}missing (required)` : `${name}${issue.message}`);
      }
    }
  } else {
    for (const [index, level] of (parsed.data.severities ?? []).entries()) {
      const first = parsed.data.severities?.findIndex((other) => other.id === level.id);
      if (first !== index) report(nodeAt(document.contents, ['severities', index, 'id']), `severity \`${excerpt(level.id)}\` is listed twice`);
    }
    if (options.ruleIds !== undefined) {
      for (const id of Object.keys(parsed.data.rules ?? {})) {
        if (options.ruleIds.includes(id)) continue;
        const suggestion = closestKey(id, options.ruleIds);
        report(keyNodeAt(document.contents, ['rules'], id), `unknown rule \`${excerpt(id)}\` in \`rules\`${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`}`);
      }
    }
  }
  if (!parsed.success || problems.length > 0) {
    const sorted = [...problems].sort((a, b) => a.line - b.line).slice(0, 10);
    throw new ConfigError(`invalid configuration:\n  ${sorted.map((problem) => problem.text).join('\n  ')}`);
  }
  return normaliseConfig(parsed.data, { kind: 'file', path }, dirname(path));
}

/** The config used when no file is found: defaults, runbooks under `cwd`. */
export function defaultConfig(cwd: string): Config {
  return normaliseConfig({}, { kind: 'defaults' }, cwd);
}

/** The keys the schema allows at `path` (for "did you mean"), or none when it is not an object. */
function schemaAt(path: readonly PropertyKey[]): Readonly<Record<string, unknown>> {
  let shape: unknown = configSchema.shape;
  for (const key of path) {
    if (typeof key === 'number') continue;
    const field = (shape as Record<string, { unwrap?: () => unknown; shape?: unknown } | undefined>)[String(key)];
    const inner = field?.unwrap?.() ?? field;
    shape = (inner as { shape?: unknown } | undefined)?.shape;
    if (shape === undefined) return {};
  }
  return (shape ?? {}) as Record<string, unknown>;
}

/** The deepest node of `path` that exists (so a missing key is reported at its parent). */
function nodeAt(node: unknown, path: readonly PropertyKey[]): YamlNode | undefined {
  let current = (node ?? undefined) as YamlNode | undefined;
  for (const key of path) {
    const next: unknown = isMap(current) || (isSeq(current) && typeof key === 'number') ? current.get(key, true) : undefined;
    if (next === undefined || next === null || typeof next !== 'object') break;
    current = next as YamlNode;
  }
  return current;
}

/** The key node of `key` in the mapping at `path`. */
function keyNodeAt(node: unknown, path: readonly PropertyKey[], key: string): YamlNode | undefined {
  const map = nodeAt(node, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
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
    site: {
      title: written.site?.title ?? 'Runbooks',
      baseUrl: written.site?.base_url,
      templates: written.site?.templates === undefined ? undefined : resolve(base, written.site.templates),
    },
    defaults: Object.fromEntries(Object.entries(written.defaults ?? {}).filter(([, value]) => value !== undefined)),
    newRunbook: { template: written.new?.template === undefined ? undefined : resolve(base, written.new.template) },
    rules: new Map(Object.entries(written.rules ?? {}) as [string, RuleSetting][]),
    alerts: { rules: written.alerts?.rules ?? [], base, url: written.alerts?.url, fromFileName: written.alerts?.from_file_name ?? false },
  };
}

/** A window in days (months as 30, years as 365): only used for the due-soon warning. */
function approximateDays(duration: Duration): number {
  const perUnit = { day: 1, week: 7, month: 30, year: 365 } as const;
  return duration.count * perUnit[duration.unit];
}
