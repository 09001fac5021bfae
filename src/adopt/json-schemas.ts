import { z } from 'zod';
import { CANONICAL_KEYS, type Config } from '../model/config.js';
import { DURATION_PATTERN } from '../model/duration.js';
import { FRONTMATTER_FIELDS, type FieldValueKind } from '../model/frontmatter-fields.js';
import { DEFAULT_SEVERITIES } from '../parse/config-normalise.js';
import { configSchema } from '../parse/config-schema.js';
import { drillRecordSchema } from '../parse/drill-record-schema.js';

/** A JSON Schema (draft-07) as plain data, ready for `JSON.stringify`. */
export type JsonSchema = { readonly [key: string]: unknown };

/** The schemas `runbook schema` prints, shipped as `schemas/<name>.schema.json`. */
export const SCHEMA_NAMES = ['frontmatter', 'config', 'drill'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** A real calendar day `YYYY-MM-DD` (29 February only in leap years), matching `parseCalendarDate`. */
export const CALENDAR_DATE_PATTERN =
  '(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)';

/** Text as the parser reads it: a non-blank string, or a number or boolean as YAML wrote it. */
const TEXT: JsonSchema = { type: ['string', 'number', 'boolean'], pattern: '\\S' };
const TEXTS: JsonSchema = { anyOf: [TEXT, { type: 'array', items: TEXT }] };
const STEP: JsonSchema = {
  anyOf: [
    TEXT,
    {
      type: 'object',
      properties: { step: TEXT, run: TEXT, expect: TEXT },
      required: ['step'],
      additionalProperties: false,
    },
  ],
};
const CONTACT: JsonSchema = {
  type: 'object',
  properties: { name: TEXT, via: TEXT, target: TEXT },
  required: ['name', 'via', 'target'],
  additionalProperties: false,
};
const ABSOLUTE_URL = '^\\s*(?:[hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]|[tT][eE][lL]):\\S+\\s*$';

/** The JSON Schema of each kind of frontmatter value; `severities` are the allowed ids, when known. */
function valueSchema(kind: FieldValueKind, severities: readonly string[] | undefined): JsonSchema {
  switch (kind) {
    case 'text':
      return TEXT;
    case 'severity':
      return severities === undefined
        ? { ...TEXT, examples: DEFAULT_SEVERITIES.map((level) => level.id) }
        : { enum: [...severities] };
    case 'date-or-never':
      return { type: 'string', pattern: `^\\s*(?:${CALENDAR_DATE_PATTERN}|never)\\s*$`, examples: ['2026-03-14', 'never'] };
    case 'duration':
      return { type: 'string', pattern: DURATION_PATTERN, examples: ['30d', '6w', '6 months', '1y'] };
    case 'texts':
      return TEXTS;
    case 'steps':
      return { anyOf: [TEXT, { type: 'array', items: STEP }] };
    case 'contacts':
      return { type: 'array', items: CONTACT };
    case 'links':
      return { type: 'object', additionalProperties: { type: 'string', pattern: ABSOLUTE_URL } };
  }
}

/**
 * The JSON Schema of a runbook's frontmatter, made from {@link FRONTMATTER_FIELDS}. Without a
 * config it is the general one shipped as `schemas/frontmatter.schema.json`; with one it follows
 * that config: its key names (`fields`), severities, team ids, `extra_keys`, and `defaults` (a
 * field with a default is not required).
 */
export function frontmatterJsonSchema(config?: Config): JsonSchema {
  const severities = config?.severities.map((level) => level.id);
  const teams = config?.teams.kind === 'listed' ? [...config.teams.byId.keys()] : undefined;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const key of CANONICAL_KEYS) {
    const field = FRONTMATTER_FIELDS[key];
    const written = config?.fields[key] ?? key;
    const schema = key === 'owner' && teams !== undefined ? { enum: teams } : valueSchema(field.value, severities);
    properties[written] = { description: field.description, ...schema };
    const defaulted = (key === 'owner' || key === 'service' || key === 'severity' || key === 'review_every') && config?.defaults[key] !== undefined;
    if (field.required && !defaulted) required.push(written);
  }
  for (const key of config?.extraKeys ?? []) properties[key] ??= {};
  return {
    $schema: DRAFT_07,
    title: 'runbook frontmatter',
    description: 'The YAML frontmatter of a runbook (a Markdown file checked by `runbook check`). See docs/format.md.',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}

/**
 * The JSON Schema of `runbook.config.yaml`, generated from the zod schema `parseConfig` validates
 * with; `rules` keys (top-level and in `overrides`) are limited to `ruleIds`.
 */
export function configJsonSchema(ruleIds: readonly string[]): JsonSchema {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  const rest = Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema' && key !== 'properties'));
  const byKey = { ...(generated.properties as Record<string, Record<string, unknown>>) };
  const rules = byKey.rules;
  if (rules !== undefined) byKey.rules = { ...rules, propertyNames: { enum: [...ruleIds] } };
  const overrides = byKey.overrides as { items?: { properties?: Record<string, Record<string, unknown>> } } | undefined;
  const overrideRules = overrides?.items?.properties?.rules;
  if (overrides?.items?.properties !== undefined && overrideRules !== undefined) {
    byKey.overrides = {
      ...overrides,
      items: { ...overrides.items, properties: { ...overrides.items.properties, rules: { ...overrideRules, propertyNames: { enum: [...ruleIds] } } } },
    };
  }
  return {
    $schema: DRAFT_07,
    title: 'runbook configuration',
    ...rest,
    properties: byKey,
  };
}

/**
 * The JSON Schema of a drill record's frontmatter, generated from the zod schema `parseDrillRecord`
 * validates with, plus what zod cannot say in JSON Schema: instants on real days, and
 * `time_to_recover_seconds` present exactly when the drill recovered.
 */
export function drillJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(drillRecordSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  const rest = Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema' && key !== 'properties'));
  const properties = { ...(generated.properties as Record<string, Record<string, unknown>>) };
  const instant = `^${CALENDAR_DATE_PATTERN}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\dZ$`;
  for (const key of ['started', 'ended']) properties[key] = { ...properties[key], pattern: instant };
  const recovered = { properties: { outcome: { const: 'recovered' } } };
  return {
    $schema: DRAFT_07,
    title: 'runbook drill record',
    ...rest,
    properties,
    if: recovered,
    then: { required: ['time_to_recover_seconds'] },
    else: { not: { required: ['time_to_recover_seconds'] } },
  };
}

/** A schema as the text of its file (two-space JSON, final newline). */
export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
