/**
 * The baseline file (`runbook-baseline.json`) as text: JSON, committed with the runbooks, one entry
 * per line in the baseline's order, so a diff shows one line per problem recorded, fixed or expired:
 *
 * ```json
 * {
 *   "version": 1,
 *   "entries": [
 *     {"file":"docs/db.md","rule":"broken-link","fingerprint":"1b4f0e9c2a7d3e58","count":2},
 *     {"file":"docs/db.md","rule":"stale","fingerprint":"e3b0c44298fc1c14","expires":"2027-03-04"}
 *   ]
 * }
 * ```
 *
 * Parsing checks every entry and names the first problems by where they are (`entries[3].count`),
 * with the value found; the file is then refused as a whole, never half used.
 */
import { z } from 'zod';
import { formatCalendarDate, parseCalendarDate } from '../model/calendar-date.js';
import { excerpt, spellUnprintableAboveC0 } from '../text/terminal-text.js';
import { keyText, sortedBaseline, type Baseline, type BaselineEntry } from './baseline.js';

/** The version of the file format; changes only when a field is removed or changes meaning. */
const BASELINE_FILE_VERSION = 1;

/** The baseline as the text of its file (entries sorted, trailing newline). */
export function formatBaseline(baseline: Baseline): string {
  const lines = sortedBaseline(baseline.entries).entries.map(entryLine);
  const entries = lines.length === 0 ? '[]' : `[\n${lines.map((line) => `    ${line}`).join(',\n')}\n  ]`;
  return `{\n  "version": ${String(BASELINE_FILE_VERSION)},\n  "entries": ${entries}\n}\n`;
}

function entryLine(entry: BaselineEntry): string {
  const written = {
    file: entry.file,
    rule: entry.rule,
    fingerprint: entry.fingerprint,
    ...(entry.count === 1 ? {} : { count: entry.count }),
    ...(entry.expires === undefined ? {} : { expires: formatCalendarDate(entry.expires) }),
  };
  return spellUnprintableAboveC0(JSON.stringify(written), (code) => `\\u${code.toString(16).padStart(4, '0')}`);
}

const text = z.string().min(1, { error: 'expected a non-empty string' });
const entrySchema = z.strictObject({
  file: text,
  rule: text,
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, { error: 'expected 16 lowercase hex digits' }),
  count: z.int({ error: 'expected a whole number' }).min(1, { error: 'expected a count of at least 1' }).optional(),
  expires: z.string().refine((value) => parseCalendarDate(value) !== undefined, { error: 'expected a date YYYY-MM-DD' }).optional(),
});
const fileSchema = z.strictObject({
  version: z.literal(BASELINE_FILE_VERSION, { error: `expected version ${String(BASELINE_FILE_VERSION)}` }),
  entries: z.array(entrySchema),
});

/** How many problems a refused file lists at most. */
const SHOWN_PROBLEMS = 5;

/** A baseline file's text, read: the baseline, or the problems that make it unusable. */
export type ParsedBaseline = { readonly kind: 'baseline'; readonly baseline: Baseline } | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Parses a baseline file's text; entries need not be sorted, but each key may occur once. */
export function parseBaseline(source: string): ParsedBaseline {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error: unknown) {
    return { kind: 'invalid', problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    return { kind: 'invalid', problems: parsed.error.issues.slice(0, SHOWN_PROBLEMS).map((issue) => issueText(issue.path, issue.message, issue.code === 'unrecognized_keys' ? undefined : value)) };
  }
  const entries = parsed.data.entries.map(
    (entry): BaselineEntry => {
      const expires = entry.expires === undefined ? undefined : parseCalendarDate(entry.expires);
      return { file: entry.file, rule: entry.rule, fingerprint: entry.fingerprint, count: entry.count ?? 1, ...(expires === undefined ? {} : { expires }) };
    },
  );
  const firstIndex = new Map<string, number>();
  const repeats = entries.flatMap((entry, index): string[] => {
    const first = firstIndex.get(keyText(entry));
    if (first === undefined) firstIndex.set(keyText(entry), index);
    return first === undefined ? [] : [`entries[${String(index)}]: the same file, rule and fingerprint as entries[${String(first)}]; expected each once`];
  });
  if (repeats.length > 0) return { kind: 'invalid', problems: repeats.slice(0, SHOWN_PROBLEMS) };
  return { kind: 'baseline', baseline: { entries } };
}

/** `entries[3].count: expected …, found `0``; the value is quoted when `document` is given and has one there. */
function issueText(path: readonly PropertyKey[], message: string, document: unknown): string {
  const where = path.length === 0 ? 'the file' : path.map((key, index) => (typeof key === 'number' ? `[${String(key)}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
  const found = document === undefined ? undefined : valueAt(document, path);
  return `${where}: ${message}${found === undefined ? '' : `, found \`${excerpt(found)}\``}`;
}

/**
 * The value at `path` as JSON, when there is one (a missing key has none, and neither has a value
 * nested too deeply to write again: `[[[…]]]` 200,000 deep, which JSON.parse reads, overflowed
 * JSON.stringify's stack, and the run failed without naming the file).
 */
function valueAt(value: unknown, path: readonly PropertyKey[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  try {
    return JSON.stringify(current);
  } catch (error: unknown) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
