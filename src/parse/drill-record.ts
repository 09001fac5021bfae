/**
 * Reading a drill record file (`drills/<id>/<YYYY-MM-DD>[-n].md`): its frontmatter, validated by
 * the zod schema of `drill-record-schema.ts` and a few checks across keys, becomes a complete
 * {@link DrillRecord}, or a list of problems each placed on the key or value to fix (1-based line
 * and column in the file, byte order mark and CRLF files included). The body is for people and is
 * not read. A record may come from a hostile repository: sizes are capped before anything is parsed
 * ({@link MAX_RECORD_CHARACTERS}, {@link MAX_RECORD_FRONTMATTER}, then `MAX_STEPS` and `MAX_TEXT`), aliases are
 * not expanded, and at most {@link MAX_PROBLEMS} problems are reported.
 */
import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { MessageParams, Span } from '../model/diagnostic.js';
import type { DrillRecord, DrillStep } from '../model/drill.js';
import { lineColumns } from '../text/line-column.js';
import { excerpt, PARSER_MESSAGE_LENGTH } from '../text/terminal-text.js';
import { closest } from './closest.js';
import { keyNodeAt, nodeAt } from './config-locations.js';
import { drillRecordSchema, MAX_RECORD_CHARACTERS, MAX_RECORD_FRONTMATTER, MAX_STEPS, type WrittenDrillRecord } from './drill-record-schema.js';
import { findFrontmatterFences, type FrontmatterFences } from './frontmatter-block.js';
import { errorsWithDuplicateKeys, YAML_OPTIONS } from './yaml-unique-keys.js';

/**
 * One problem of a record file. `code` is `drill-record/<variant>`: `no-frontmatter`, `yaml`,
 * `duplicate-key`, `missing`, `invalid` or `unknown-key`; the wording is the `drill-record` rule's.
 */
export interface DrillRecordProblem {
  readonly code: string;
  readonly params: MessageParams;
  readonly span: Span;
}

/** A record file read: the record, or every problem found. */
export type DrillRecordRead =
  | { readonly kind: 'record'; readonly record: DrillRecord }
  | { readonly kind: 'broken'; readonly problems: readonly DrillRecordProblem[] };

const TOP_KEYS = Object.keys(drillRecordSchema.shape);
const STEP_KEYS = Object.keys(drillRecordSchema.shape.steps.element.shape);

/** Reads a record file's text (the whole file: frontmatter and body). */
export function parseDrillRecord(text: string): DrillRecordRead {
  const fileStart: Span = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const tooLong = (key: string, length: number, most: number): DrillRecordRead =>
    broken([{ code: 'drill-record/invalid', params: { key, value: `${length} characters`, expected: `at most ${most} characters` }, span: fileStart }]);
  if (text.length > MAX_RECORD_CHARACTERS) return tooLong('the file', text.length, MAX_RECORD_CHARACTERS);
  const fences = findFrontmatterFences(text);
  if (fences === undefined) return broken([{ code: 'drill-record/no-frontmatter', params: {}, span: fileStart }]);
  const yamlLength = fences.closeStart - fences.yamlStart;
  if (yamlLength > MAX_RECORD_FRONTMATTER) return tooLong('the frontmatter', yamlLength, MAX_RECORD_FRONTMATTER);
  const file = new RecordFile(text, fences);
  const problems = file.yamlProblems();
  if (problems.length > 0) return broken(problems);
  const contents = file.document.contents;
  if (!isMap(contents)) {
    if (contents !== null && !(isScalar(contents) && contents.value === null)) {
      return broken([file.invalid(contents, 'the frontmatter', 'a mapping of keys to values')]);
    }
    return broken(TOP_KEYS.filter((key) => !drillRecordSchema.shape[key as keyof typeof drillRecordSchema.shape].safeParse(undefined).success).map((key) => file.missing([], key)));
  }
  const steps = contents.get('steps', true);
  if (isSeq(steps) && steps.items.length > MAX_STEPS) return broken([file.invalid(steps, 'steps', `at most ${MAX_STEPS} steps, found ${steps.items.length}`)]);
  const data: unknown = file.document.toJS();
  const parsed = drillRecordSchema.safeParse(data);
  if (!parsed.success) return broken(withoutLikelyMissing(parsed.error.issues.flatMap((issue) => file.issueProblems(issue, data))));
  const crossed = file.crossKeyProblems(parsed.data);
  if (crossed.length > 0) return broken(crossed);
  return { kind: 'record', record: recordOf(parsed.data) };
}

/** Most problems reported for one file: the first in the file (a record of thousands of wrong steps says the first). */
export const MAX_PROBLEMS = 100;

/** The first {@link MAX_PROBLEMS} problems in the order of the file. */
function broken(problems: readonly DrillRecordProblem[]): DrillRecordRead {
  const order = (a: DrillRecordProblem, b: DrillRecordProblem): number => a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column;
  return { kind: 'broken', problems: [...problems].sort(order).slice(0, MAX_PROBLEMS) };
}

/** A key reported missing where an unknown key is likely it (`outcom:`) is said once, by the unknown key. */
function withoutLikelyMissing(problems: readonly DrillRecordProblem[]): readonly DrillRecordProblem[] {
  const likely = new Set(problems.flatMap((problem) => (problem.code === 'drill-record/unknown-key' && problem.params.likely !== undefined ? [`${String(problem.params.key).replace(/[^.]*$/, '')}${problem.params.likely}`] : [])));
  return problems.filter((problem) => problem.code !== 'drill-record/missing' || !likely.has(String(problem.params.key)));
}

/** The written record in the program's shape (the body is not read, so no output lines). */
function recordOf(written: WrittenDrillRecord): DrillRecord {
  return {
    runbook: written.runbook,
    runbookCommit: written.runbook_commit,
    environment: written.environment,
    operator: written.operator,
    started: written.started,
    ended: written.ended,
    outcome: written.outcome,
    timeToRecoverSeconds: written.time_to_recover_seconds,
    steps: written.steps.map(
      (step): DrillStep => ({ number: step.step, text: step.text, status: step.status, durationSeconds: step.duration_seconds, note: step.note, exitCode: step.exit_code, outputTail: [] }),
    ),
  };
}

/** A record file's text and its parsed frontmatter, with the places of its nodes in the file. */
class RecordFile {
  readonly document: Document;
  private readonly yaml: string;
  private readonly pointAt: (offset: number) => { line: number; column: number };

  constructor(
    text: string,
    private readonly fences: FrontmatterFences,
  ) {
    const lineColumnOf = lineColumns(text);
    this.pointAt = (offset) => lineColumnOf(fences.yamlStart + offset);
    // A lone CR ends a line for YAML 1.2 and for the line count: made LF (same length, so offsets hold).
    this.yaml = text.slice(fences.yamlStart, fences.closeStart).replace(/\r(?!\n)/g, '\n');
    this.document = parseDocument(this.yaml, { prettyErrors: false, schema: 'core', ...YAML_OPTIONS });
  }

  /** Syntax errors, duplicate keys, and anchors or aliases (a record has none; expanding them could explode). */
  yamlProblems(): readonly DrillRecordProblem[] {
    const keys = new Map<number, { readonly key: string; readonly end: number }>();
    const aliases: { readonly alias: YamlNode; readonly key: string }[] = [];
    visit(this.document, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.range != null) keys.set(pair.key.range[0], { key: String(pair.key.value), end: pair.key.range[1] });
      },
      Alias(_, alias, path) {
        aliases.push({ alias, key: keyName(pathOf(path, alias)) });
      },
    });
    const problems = [...errorsWithDuplicateKeys(this.document), ...this.document.warnings].map((error): DrillRecordProblem => {
      const key = error.code === 'DUPLICATE_KEY' ? keys.get(error.pos[0]) : undefined;
      if (key !== undefined) return { code: 'drill-record/duplicate-key', params: { key: excerpt(key.key) }, span: this.spanOfRange(error.pos[0], key.end) };
      return { code: 'drill-record/yaml', params: { message: excerpt(error.message, PARSER_MESSAGE_LENGTH) }, span: this.spanOfRange(error.pos[0], error.pos[1]) };
    });
    return [...problems, ...aliases.map(({ alias, key }) => this.invalid(alias, key, 'the value written out, not an alias (a record has no anchors or aliases)'))];
  }

  /** A problem per zod issue, on the key (unknown, missing) or the value (invalid) it is about. */
  issueProblems(issue: z.core.$ZodIssue, data: unknown): readonly DrillRecordProblem[] {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const present = valueAt(data, path);
      const allowed = (path.length === 0 ? TOP_KEYS : STEP_KEYS).filter((known) => !hasKey(present, known));
      return issue.keys.map((key) => {
        const likely = closest(key, allowed);
        const node = keyNodeAt(this.document.contents, path, key) ?? nodeAt(this.document.contents, path);
        return { code: 'drill-record/unknown-key', params: { key: excerpt(keyName([...path, key])), ...(likely === undefined ? {} : { likely }) }, span: this.spanOf(node) };
      });
    }
    const last = path.at(-1);
    if (typeof last === 'string' && !hasKey(valueAt(data, path.slice(0, -1)), last)) return [this.missing(path.slice(0, -1), last)];
    return [this.invalid(nodeAt(this.document.contents, path), keyName(path), issue.message)];
  }

  /** Checks across keys, once every value has its form. */
  crossKeyProblems(written: WrittenDrillRecord): readonly DrillRecordProblem[] {
    const problems: DrillRecordProblem[] = [];
    const at = (path: readonly (string | number)[]): YamlNode | undefined => nodeAt(this.document.contents, path);
    if (written.ended < written.started) problems.push(this.invalid(at(['ended']), 'ended', `an instant not before \`started\` (${written.started})`));
    if (written.outcome === 'recovered' && written.time_to_recover_seconds === undefined) {
      problems.push(this.missing([], 'time_to_recover_seconds', 'recovered'));
    }
    const elapsed = (Date.parse(written.ended) - Date.parse(written.started)) / 1000;
    if (written.outcome === 'recovered' && written.time_to_recover_seconds !== undefined && elapsed >= 0 && written.time_to_recover_seconds !== elapsed) {
      problems.push(this.invalid(at(['time_to_recover_seconds']), 'time_to_recover_seconds', `${elapsed}, the seconds from \`started\` (${written.started}) to \`ended\` (${written.ended})`));
    }
    if (written.outcome !== 'recovered' && written.time_to_recover_seconds !== undefined) {
      problems.push(this.invalid(at(['time_to_recover_seconds']), 'time_to_recover_seconds', `no time to recover for a drill that was not recovered (\`outcome\` is \`${written.outcome}\`)`));
    }
    for (const [index, step] of written.steps.entries()) {
      if (step.step !== index + 1) problems.push(this.invalid(at(['steps', index, 'step']), keyName(['steps', index, 'step']), `${index + 1} (the steps numbered 1, 2, … in order)`));
      if (written.outcome === 'recovered' && (step.status === 'failed' || step.status === 'not-reached')) {
        problems.push(this.invalid(at(['steps', index, 'status']), keyName(['steps', index, 'status']), '`done` or `skipped` in a recovered drill'));
      }
    }
    return problems;
  }

  /** `key` is missing from the mapping at `path`: placed on the mapping's first key, or on the closing fence for the top level. */
  missing(path: readonly (string | number)[], key: string, outcome?: string): DrillRecordProblem {
    const map = path.length === 0 ? undefined : nodeAt(this.document.contents, path);
    const first = isMap(map) ? map.items[0]?.key : undefined;
    const span = isNode(first) ? this.spanOf(first) : this.closingFence();
    return { code: 'drill-record/missing', params: { key: keyName([...path, key]), ...(outcome === undefined ? {} : { outcome }) }, span };
  }

  /** The value at `node` is not of the form expected: quoted as written. */
  invalid(node: YamlNode | undefined, key: string, expected: string): DrillRecordProblem {
    const range = node?.range;
    const value = range == null ? '' : this.yaml.slice(range[0], range[1]);
    return { code: 'drill-record/invalid', params: { key: excerpt(key), value: excerpt(value), expected }, span: this.spanOf(node) };
  }

  private spanOf(node: YamlNode | undefined): Span {
    const range = node?.range;
    return range == null ? this.closingFence() : this.spanOfRange(range[0], range[1]);
  }

  private spanOfRange(start: number, end: number): Span {
    return { start: this.pointAt(start), end: this.pointAt(end) };
  }

  private closingFence(): Span {
    const start = this.fences.closeStart - this.fences.yamlStart;
    return this.spanOfRange(start, start + 3);
  }
}

/** The keys and list indexes leading to `node` from the ancestors `visit` gives (a document, mappings, pairs, lists). */
function pathOf(ancestors: readonly unknown[], node: unknown): readonly (string | number)[] {
  const path: (string | number)[] = [];
  for (const [index, ancestor] of ancestors.entries()) {
    const child = ancestors[index + 1] ?? node;
    if (isPair(ancestor) && isScalar(ancestor.key)) path.push(String(ancestor.key.value));
    else if (isSeq(ancestor)) path.push(ancestor.items.indexOf(child));
  }
  return path;
}

/** A key's path as a reader names it, steps counted from 1: `steps.2.status` is the second step's. */
function keyName(path: readonly (string | number)[]): string {
  return path.map((key) => (typeof key === 'number' ? key + 1 : key)).join('.');
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[key] : undefined;
  return current;
}

function hasKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key);
}

