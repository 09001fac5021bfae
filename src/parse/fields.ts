import { isMap, isScalar, Scalar, type Node as YamlNode } from 'yaml';
import { parseCalendarDate } from '../model/calendar-date.js';
import { CANONICAL_KEYS, type CanonicalKey, type Config, type SeverityLevel } from '../model/config.js';
import type { Span } from '../model/diagnostic.js';
import type { FileSettings } from '../model/file-settings.js';
import { FRONTMATTER_FIELDS } from '../model/frontmatter-fields.js';
import { parseDuration, type Duration } from '../model/duration.js';
import type {
  Contact,
  Field,
  FrontmatterProblem,
  LastTested,
  Located,
  NamedLink,
  RecoveryStep,
} from '../model/runbook.js';
import { closest } from './closest.js';
import { inlineMarkdown } from './inline-markdown.js';
import type { Entry } from './frontmatter.js';
import { mismatch, ok, readList, readMap, readRecord, readText, type Read } from './yaml-values.js';
import { codeSpan } from '../text/code-span.js';

/** Keys that must be present in every runbook's frontmatter (from {@link FRONTMATTER_FIELDS}). */
const REQUIRED_KEYS: readonly CanonicalKey[] = CANONICAL_KEYS.filter((key) => FRONTMATTER_FIELDS[key].required);

/** Every frontmatter field the tool reads, as the rest of the program uses them. */
export interface Fields {
  readonly title: Field<string>;
  readonly owner: Field<string>;
  readonly service: Field<string>;
  readonly severity: Field<SeverityLevel>;
  readonly lastTested: Field<LastTested>;
  readonly reviewEvery: Field<Duration>;
  readonly alerts: readonly Located<string>[];
  readonly tags: readonly string[];
  readonly recovery: Located<readonly RecoveryStep[]> | undefined;
  readonly escalation: readonly Contact[];
  readonly links: readonly NamedLink[];
  readonly problems: readonly FrontmatterProblem[];
}

const DATE_EXPECTED = FRONTMATTER_FIELDS.last_tested.expected;
const DURATION_EXPECTED = FRONTMATTER_FIELDS.review_every.expected;

/**
 * Reads the frontmatter entries into typed fields, applying the config's `fields` mapping. Every
 * value that cannot be used becomes a problem that names the key as written in the file.
 */
export function readFields(
  entries: readonly Entry[],
  config: Config,
  defaults: FileSettings['defaults'],
  spanOfNode: (node: YamlNode) => Span,
  blockSpan: Span,
): Fields {
  const problems: FrontmatterProblem[] = [];
  const byKey = new Map<string, Entry>();
  for (const entry of entries) {
    if (byKey.has(entry.key)) problems.push({ kind: 'duplicate-key', key: entry.key, span: entry.keySpan });
    else byKey.set(entry.key, entry);
  }
  const allowed = [...CANONICAL_KEYS.map((key) => config.fields[key]), ...config.extraKeys];
  for (const entry of byKey.values()) {
    if (!allowed.includes(entry.key)) {
      problems.push({ kind: 'unknown-key', key: entry.key, suggestion: closest(entry.key, allowed), span: entry.keySpan });
    }
  }

  /** Reads one canonical key; absent and invalid both give `none`, with a problem. */
  function field<T>(key: CanonicalKey, read: (node: YamlNode | undefined) => Read<T>): Field<T> {
    const written = config.fields[key];
    const entry = byKey.get(written) ?? defaultEntry(key, defaults, blockSpan);
    if (entry === undefined) {
      if (REQUIRED_KEYS.includes(key)) problems.push({ kind: 'missing-field', key: written });
      return { kind: 'none' };
    }
    const result = read(entry.value);
    if (result.kind === 'ok') return { kind: 'given', value: result.value, span: entry.valueSpan };
    const span = result.at?.range == null ? entry.valueSpan : spanOfNode(result.at);
    problems.push({ kind: 'invalid-value', key: written, actual: result.actual, expected: result.expected, span });
    return { kind: 'none' };
  }
  const orEmpty = <T>(value: Field<readonly T[]>): readonly T[] => (value.kind === 'given' ? value.value : []);

  const title = field('title', (node) => readText(node, FRONTMATTER_FIELDS.title.expected));
  const owner = field('owner', (node) => readText(node, FRONTMATTER_FIELDS.owner.expected));
  const service = field('service', (node) => readText(node, FRONTMATTER_FIELDS.service.expected));
  const severity = field('severity', (node) => readSeverity(node, config.severities));
  const lastTested = field('last_tested', readLastTested);
  const reviewEvery = field('review_every', readDuration);
  const alerts = orEmpty(field('alerts', (node) => readLocatedTexts(node, FRONTMATTER_FIELDS.alerts.expected, spanOfNode)));
  const tags = orEmpty(field('tags', (node) => readLocatedTexts(node, FRONTMATTER_FIELDS.tags.expected, spanOfNode))).map((tag) => tag.value);
  const recoveryField = field('recovery', (node) => readRecovery(node, spanOfNode));
  const escalation = orEmpty(field('escalation', readEscalation));
  const links = orEmpty(field('links', readLinks));
  const recovery = recoveryField.kind === 'given' ? { value: recoveryField.value, span: recoveryField.span } : undefined;
  return { title, owner, service, severity, lastTested, reviewEvery, alerts, tags, recovery, escalation, links, problems };
}

/** The file's default for a key the runbook leaves out, as if written at the frontmatter block. */
function defaultEntry(key: CanonicalKey, defaults: FileSettings['defaults'], span: Span): Entry | undefined {
  const value = key === 'owner' || key === 'service' || key === 'severity' || key === 'review_every' ? defaults[key] : undefined;
  if (value === undefined) return undefined;
  return { key, keySpan: span, value: new Scalar(value), valueSpan: span };
}

function readSeverity(node: YamlNode | undefined, levels: readonly SeverityLevel[]): Read<SeverityLevel> {
  const expected = `one of ${levels.map((level) => `\`${level.id}\``).join(', ')}`;
  const text = readText(node, expected);
  if (text.kind !== 'ok') return text;
  const level = levels.find((candidate) => candidate.id === text.value);
  return level === undefined ? mismatch(codeSpan(text.value), expected) : ok(level);
}

function readLastTested(node: YamlNode | undefined): Read<LastTested> {
  const text = readText(node, DATE_EXPECTED);
  if (text.kind !== 'ok') return text;
  if (text.value === 'never') return ok({ kind: 'never' });
  const date = parseCalendarDate(text.value);
  return date === undefined ? mismatch(codeSpan(text.value), DATE_EXPECTED) : ok({ kind: 'on', date });
}

function readDuration(node: YamlNode | undefined): Read<Duration> {
  const text = readText(node, DURATION_EXPECTED);
  if (text.kind !== 'ok') return text;
  const duration = isScalar(node) && typeof node.value === 'string' ? parseDuration(text.value) : undefined;
  return duration === undefined ? mismatch(codeSpan(text.value), DURATION_EXPECTED) : ok(duration);
}

function readLocatedTexts(
  node: YamlNode | undefined,
  expected: string,
  spanOfNode: (node: YamlNode) => Span,
): Read<readonly Located<string>[]> {
  const list = readList(node, expected);
  if (list.kind !== 'ok') return list;
  const texts: Located<string>[] = [];
  for (const item of list.value) {
    const text = readText(item, expected);
    if (text.kind !== 'ok') return mismatch(`${text.actual} in the list`, expected, item);
    texts.push({ value: text.value, span: spanOfNode(item) });
  }
  return ok(texts);
}

const STEP_EXPECTED = FRONTMATTER_FIELDS.recovery.expected;

function readRecovery(node: YamlNode | undefined, spanOfNode: (node: YamlNode) => Span): Read<readonly RecoveryStep[]> {
  const list = readList(node, STEP_EXPECTED);
  if (list.kind !== 'ok') return list;
  const steps: RecoveryStep[] = [];
  for (const item of list.value) {
    const span = spanOfNode(item);
    if (isMap(item)) {
      const record = readRecord(item, ['step'], ['run', 'expect'], STEP_EXPECTED);
      if (record.kind !== 'ok') return record;
      const { step, run, expect } = record.value;
      if (step === undefined) return mismatch('a step without `step`', STEP_EXPECTED, item);
      steps.push({
        text: step,
        textInlines: inlineMarkdown(step),
        span,
        ...(run === undefined ? {} : { run }),
        ...(expect === undefined ? {} : { expect, expectInlines: inlineMarkdown(expect) }),
      });
    } else {
      const text = readText(item, STEP_EXPECTED);
      if (text.kind !== 'ok') return mismatch(`${text.actual} in the list`, STEP_EXPECTED, item);
      steps.push({ text: text.value, textInlines: inlineMarkdown(text.value), span });
    }
  }
  return ok(steps);
}

const CONTACT_EXPECTED = FRONTMATTER_FIELDS.escalation.expected;

function readEscalation(node: YamlNode | undefined): Read<readonly Contact[]> {
  const list = readList(node, CONTACT_EXPECTED);
  if (list.kind !== 'ok') return list;
  const contacts: Contact[] = [];
  for (const item of list.value) {
    const record = readRecord(item, ['name', 'via', 'target'], [], CONTACT_EXPECTED);
    if (record.kind !== 'ok') return record;
    const { name, via, target } = record.value;
    if (name === undefined || via === undefined || target === undefined) return mismatch('an incomplete contact', CONTACT_EXPECTED, item);
    contacts.push({ name, via, target });
  }
  return ok(contacts);
}

const LINKS_EXPECTED = FRONTMATTER_FIELDS.links.expected;

function readLinks(node: YamlNode | undefined): Read<readonly NamedLink[]> {
  const map = readMap(node, LINKS_EXPECTED);
  if (map.kind !== 'ok') return map;
  const links: NamedLink[] = [];
  for (const { key, value } of map.value) {
    const text = readText(value, LINKS_EXPECTED);
    if (text.kind !== 'ok') return mismatch(`${text.actual} for \`${key}\``, LINKS_EXPECTED, value);
    if (!isAbsoluteUrl(text.value)) return mismatch(`${codeSpan(text.value)} for \`${key}\``, LINKS_EXPECTED, value);
    links.push({ name: key, url: text.value });
  }
  return ok(links);
}

/** Whether `text` is an absolute URL with a scheme a browser can open safely. */
function isAbsoluteUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  return ['http:', 'https:', 'mailto:', 'tel:'].includes(new URL(text).protocol);
}
