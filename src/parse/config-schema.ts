/**
 * The configuration as users write it in `runbook.config.yaml`: the loose shape, every key optional,
 * checked with one `safeParse` at the edge (see `parseConfig`), and described for the JSON schema
 * that editors use (`runbook schema`). What the program uses is the normalised `Config`
 * (config-normalise.ts).
 */
import { z } from 'zod';
import { CANONICAL_KEYS } from '../model/config.js';
import { DURATION_PATTERN } from '../model/duration.js';
import { excerpt } from '../text/terminal-text.js';
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
/** Values for fields a runbook leaves out (top-level `defaults` and each override's). */
const defaults = z.strictObject({ owner: name.optional(), service: name.optional(), severity: name.optional(), review_every: durationText.optional() });
/** A word of a `search.synonyms` group: what a search query word can be. */
const synonymWord = name.superRefine((value, context) => {
  if (!/^[\p{L}\p{N}]+$/u.test(value)) context.addIssue({ code: 'custom', message: `the synonym \`${excerpt(value)}\` is not one word: expected letters and digits only` });
  else if (value.length > SYNONYMS_LIMITS.wordLength) context.addIssue({ code: 'custom', message: `the synonym \`${excerpt(value)}\` is ${value.length} characters long: expected at most ${SYNONYMS_LIMITS.wordLength}` });
});
/** How much `search.synonyms` may hold: every page's search index carries the groups. */
const SYNONYMS_LIMITS = { groups: 200, words: 50, wordLength: 40 } as const;
/** A value as a message quotes it: a short printable excerpt of its YAML/JSON text. */
function quoted(value: unknown): string {
  return value === undefined ? 'nothing' : `\`${excerpt(typeof value === 'string' ? value : JSON.stringify(value))}\``;
}
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
    defaults: defaults
      .optional()
      .describe('Values used when a runbook does not give `owner`, `service`, `severity` or `review_every` (for collections that never wrote them), also when it has no frontmatter at all.'),
    site: z
      .strictObject({
        title: name.optional().describe('Site title, shown on every page. Default `Runbooks`.'),
        base_url: z.url().optional().describe('Absolute URL the site is served from; used for absolute links (catalog, 404 page).'),
        templates: name.optional().describe('Folder of templates overriding the built-in ones (same file names), relative to this file.'),
      })
      .optional()
      .describe('The on-call site built by `runbook build`.'),
    rules: z.record(name, ruleSetting).optional().describe('Per-rule severity: `error`, `warning`, `info` or `off`.'),
    overrides: z
      .array(
        z.strictObject({
          files: z.array(glob).min(1).describe('Globs of the runbooks this entry is for, relative to `root` (as `include`).'),
          rules: z.record(name, ruleSetting).optional().describe('Per-rule severity for these runbooks, over the top-level `rules`.'),
          defaults: defaults.optional().describe('Defaults for these runbooks, over the top-level `defaults` (key by key).'),
          sections: z
            .strictObject({ required: z.array(name).optional() })
            .optional()
            .describe('Sections these runbooks must have, instead of the top-level `sections.required`.'),
        }),
      )
      .optional()
      .describe('Settings for the runbooks some globs match (a folder…): rule severities, defaults and required sections, over the top-level keys; where several entries match a runbook, later entries win. See docs/overrides.md.'),
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
    baseline: z
      .strictObject({
        file: name.optional().describe('The baseline file, relative to this file. Default `runbook-baseline.json`.'),
        expire_after: durationText
          .optional()
          .describe('How long a time-based finding (`stale`, `never-tested`, `due-soon`) stays held back from the day it is recorded. Default `90d`.'),
      })
      .optional()
      .describe('The baseline of known problems that `check` holds back (`runbook baseline`, see docs/baseline.md).'),
    drills: z
      .strictObject({
        folder: z
          .string({ error: (issue) => `expected a folder name, got ${quoted(issue.input)}` })
          .trim()
          .min(1, { error: 'expected a folder name, got an empty string' })
          .optional()
          .describe('Folder of the drill records (`<folder>/<runbook id>/<YYYY-MM-DD>[-n].md`), relative to this file. Default `drills`. When it is inside `root`, its files are not runbooks.'),
        require_record: z
          .boolean({ error: (issue) => `expected \`true\` or \`false\`, got ${quoted(issue.input)}` })
          .optional()
          .describe('Every `last_tested` date needs a `recovered` drill record on that day: turns the rule `unrecorded-test` on as an error (unless `rules:` sets it). Default `false`.'),
      })
      .optional()
      .describe('Drill records written by `runbook drill` and read by `check`, the site and `due` (see docs/format.md, Drill records).'),
    search: z
      .strictObject({
        synonyms: z
          .array(
            z
              .array(synonymWord)
              .min(2, { error: 'expected a group of at least two words' })
              .max(SYNONYMS_LIMITS.words, { error: `expected a group of at most ${SYNONYMS_LIMITS.words} words` }),
          )
          .max(SYNONYMS_LIMITS.groups, { error: `expected at most ${SYNONYMS_LIMITS.groups} groups` })
          .optional()
          .describe('Groups of words the site search treats as one, over the built-in operations set (see docs/site.md), e.g. `[[pg, postgres, postgresql]]`. At most 200 groups of at most 50 words, each at most 40 characters.'),
      })
      .optional()
      .describe('The site search (`runbook build`).'),
  })
  .describe('runbook configuration (runbook.config.yaml)');

/** A config as the user wrote it, once the schema accepted it: still their keys and their defaults left out. */
export type WrittenConfig = z.infer<typeof configSchema>;

/** The keys the schema allows in the object at `path` (for "did you mean"), or none when it is not an object. */
export function keysAllowedAt(path: readonly PropertyKey[]): readonly string[] {
  let shape: unknown = configSchema.shape;
  for (const key of path) {
    if (typeof key === 'number') continue;
    const field = (shape as Record<string, { unwrap?: () => unknown; shape?: unknown } | undefined>)[String(key)];
    const inner = (field?.unwrap?.() ?? field) as { shape?: unknown; element?: { shape?: unknown } } | undefined;
    shape = inner?.shape ?? inner?.element?.shape;
    if (shape === undefined) return [];
  }
  return Object.keys(shape ?? {});
}
