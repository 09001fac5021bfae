import { isMap, isScalar, parseDocument, Scalar, type Node as YamlNode, type Pair } from 'yaml';
import { compareDates, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import type { Point } from '../model/diagnostic.js';
import { findFrontmatterFences } from '../parse/frontmatter-block.js';
import { lineColumns } from '../text/line-column.js';

/** What `last_tested` said before the drill was recorded. */
export type PreviousValue =
  | { readonly kind: 'date'; readonly date: CalendarDate }
  | { readonly kind: 'never' }
  /** The key was not there (it is added) or had no value. */
  | { readonly kind: 'missing' }
  /** Something that is not a date (`2026-13-01`, `soon`): replaced, as `check` reports it as invalid. */
  | { readonly kind: 'invalid'; readonly source: string };

/** Why a drill cannot be recorded in a file; the wording is in `drill-messages.ts`. */
export type DrillRefusal =
  | { readonly code: 'no-frontmatter' }
  | { readonly code: 'yaml-error'; readonly message: string; readonly at: Point }
  | { readonly code: 'not-a-mapping'; readonly at: Point }
  | { readonly code: 'flow-mapping'; readonly key: string; readonly at: Point }
  /** The key is missing, and a new last line would not be read as a key of the frontmatter (indented keys, an open value). */
  | { readonly code: 'cannot-add'; readonly key: string; readonly date: CalendarDate; readonly at: Point }
  /** The edited frontmatter would not read back with the date under the key (an odd corner of YAML). */
  | { readonly code: 'unsafe-edit'; readonly key: string; readonly date: CalendarDate; readonly at: Point }
  | { readonly code: 'duplicate-key'; readonly key: string; readonly at: Point }
  | { readonly code: 'unsupported-value'; readonly key: string; readonly source: string; readonly at: Point }
  | { readonly code: 'before-current'; readonly key: string; readonly date: CalendarDate; readonly current: CalendarDate; readonly at: Point };

/** The file's new text, or why there is none. */
export type DrillEdit =
  | { readonly kind: 'edited'; readonly text: string; readonly previous: PreviousValue }
  | { readonly kind: 'refused'; readonly refusal: DrillRefusal };

/**
 * Sets the frontmatter key `key` (`last_tested`, or the key the config maps it to) to `date`,
 * changing nothing else in `text`: the value's characters are replaced in place, in its quoting
 * style (`"…"`, `'…'` or plain), or, when the key is missing, `key: date` is added as the last line
 * of the frontmatter with the file's line ending. A date earlier than the current one is refused.
 */
export function recordDrill(text: string, key: string, date: CalendarDate): DrillEdit {
  const block = findFrontmatterFences(text);
  if (block === undefined) return refuse({ code: 'no-frontmatter' });
  const yaml = text.slice(block.yamlStart, block.closeStart);
  const at = (offset: number): Point => lineColumns(text)(block.yamlStart + offset);
  const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false, schema: 'core' });
  const [problem] = [...document.errors, ...document.warnings];
  if (problem !== undefined) return refuse({ code: 'yaml-error', message: problem.message, at: at(problem.pos[0]) });
  const contents = document.contents;
  const written = formatCalendarDate(date);
  const insert = (): DrillEdit => {
    const line = `${/^[A-Za-z_][\w.-]*$/.test(key) ? key : JSON.stringify(key)}: ${written}${block.lineEnding}`;
    const inserted = text.slice(0, block.closeStart) + line + text.slice(block.closeStart);
    return holdsDate(inserted, key, written)
      ? { kind: 'edited', text: inserted, previous: { kind: 'missing' } }
      : refuse({ code: 'cannot-add', key, date, at: lineColumns(text)(block.closeStart) });
  };
  if (contents === null) return insert();
  if (!isMap(contents)) return refuse({ code: 'not-a-mapping', at: at(contents.range[0]) });
  const pairs = contents.items.filter((pair) => keyOf(pair) === key);
  const [pair, duplicate] = pairs;
  if (duplicate !== undefined) return refuse({ code: 'duplicate-key', key, at: at(rangeOf(duplicate.key)?.[0] ?? 0) });
  if (pair === undefined) {
    if (contents.flow === true) return refuse({ code: 'flow-mapping', key, at: at(contents.range[0]) });
    return insert();
  }
  const value = pair.value as YamlNode | null;
  if (value === null) {
    // `? key` with no `:` at all: there is no place for a value.
    const keyRange = rangeOf(pair.key) ?? [0, 0, 0];
    return refuse({ code: 'unsupported-value', key, source: yaml.slice(keyRange[0], keyRange[1]), at: at(keyRange[0]) });
  }
  const range = value.range ?? [0, 0, 0];
  const source = yaml.slice(range[0], range[1]);
  if (!isScalar(value)) return refuse({ code: 'unsupported-value', key, source, at: at(range[0]) });
  const type = value.type ?? Scalar.PLAIN;
  if (type !== Scalar.PLAIN && type !== Scalar.QUOTE_DOUBLE && type !== Scalar.QUOTE_SINGLE) {
    return refuse({ code: 'unsupported-value', key, source, at: at(range[0]) });
  }
  const previous = previousOf(value.value, source);
  if (previous.kind === 'date' && compareDates(date, previous.date) < 0) {
    return refuse({ code: 'before-current', key, date, current: previous.date, at: at(range[0]) });
  }
  const start = block.yamlStart + range[0];
  const end = block.yamlStart + range[1];
  const quoted = type === Scalar.QUOTE_DOUBLE ? `"${written}"` : type === Scalar.QUOTE_SINGLE ? `'${written}'` : written;
  const replacement = start === end ? spaced(text, start, quoted) : quoted;
  const replaced = text.slice(0, start) + replacement + text.slice(end);
  if (!holdsDate(replaced, key, written)) return refuse({ code: 'unsafe-edit', key, date, at: at(range[0]) });
  return { kind: 'edited', text: replaced, previous };
}

function refuse(refusal: DrillRefusal): DrillEdit {
  return { kind: 'refused', refusal };
}

/** A value written where there was none (`key:` or `key: # note`) needs a space on each side it touches text. */
function spaced(text: string, offset: number, value: string): string {
  const before = text[offset - 1] ?? '';
  const after = text[offset] ?? '';
  return `${/[ \t]/.test(before) ? '' : ' '}${value}${after === '' || /[ \t\r\n]/.test(after) ? '' : ' '}`;
}

function previousOf(value: unknown, source: string): PreviousValue {
  if (value === null) return { kind: 'missing' };
  if (value === 'never') return { kind: 'never' };
  const date = typeof value === 'string' ? parseCalendarDate(value) : undefined;
  return date === undefined ? { kind: 'invalid', source } : { kind: 'date', date };
}

/**
 * Whether the frontmatter of `text` parses and holds `written` under `key`, once: every edit is read
 * back before it may reach the disk.
 */
function holdsDate(text: string, key: string, written: string): boolean {
  const block = findFrontmatterFences(text);
  if (block === undefined) return false;
  const document = parseDocument(text.slice(block.yamlStart, block.closeStart), { prettyErrors: false, uniqueKeys: false, schema: 'core' });
  const contents = document.contents;
  if (document.errors.length > 0 || document.warnings.length > 0 || !isMap(contents)) return false;
  const values = contents.items.filter((pair) => keyOf(pair) === key).map((pair) => (isScalar(pair.value) ? pair.value.value : undefined));
  return values.length === 1 && values[0] === written;
}

function keyOf(pair: Pair): string | undefined {
  const key = pair.key as YamlNode | null;
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  return isScalar(node) || isMap(node) ? (node.range ?? undefined) : undefined;
}
