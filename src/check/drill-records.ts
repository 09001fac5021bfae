/**
 * Drill records as `check` reads them: each record file's bytes become a record (`parseDrillRecord`)
 * or located problems, and three facts only the collection knows are checked: the runbook exists,
 * the file sits in that runbook's folder, and the drill did not start or end after today. Plain values in
 * and out, so the examples and tests run it without a disk.
 */
import { dirname, relative, sep } from 'node:path';
import { formatCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { FILE_START, type Span } from '../model/diagnostic.js';
import { compareDrillFiles, dayOfInstant, type DrillRecordFile } from '../model/drill.js';
import type { DrillSource } from '../model/sources.js';
import { decodeSource } from '../parse/decode.js';
import { parseDrillRecord } from '../parse/drill-record.js';
import { findFrontmatterFences } from '../parse/frontmatter-block.js';
import { lineColumns } from '../text/line-column.js';
import { excerpt } from '../text/terminal-text.js';
import type { Finding } from './rule.js';

/** The records of a run, and the findings of the files that are no record (or a record out of place). */
export interface DrillRecordsRead {
  /** The records `check` counts, sorted by runbook id, then start, then the record's number of its day (`-2`…), then file: see {@link readDrillRecords}. */
  readonly drills: readonly DrillRecordFile[];
  /** `drill-record/<variant>` findings. */
  readonly problems: readonly Finding[];
  /** `unreadable-file` findings: files not read (over the size cap, a symlinked folder) or not UTF-8 text. */
  readonly unreadable: readonly Finding[];
}

/** No records: a run without a drills folder. */
export const NO_DRILL_RECORDS: DrillRecordsRead = { drills: [], problems: [], unreadable: [] };

/** What the checks across records need to know of the run. */
export interface DrillFacts {
  /** The drills folder (absolute). */
  readonly folder: string;
  /** The id of every runbook of the collection (`allIds`, also in a partial run). */
  readonly ids: readonly string[];
  readonly today: CalendarDate;
}

/**
 * Reads every record file. A record counts (is in `drills`) when it parses, names a runbook of the
 * collection, sits in that runbook's folder and did not start or end after today; any other is reported
 * on its file and counts for nothing (not for the rules, the site or `due`).
 */
export function readDrillRecords(sources: readonly DrillSource[], facts: DrillFacts): DrillRecordsRead {
  const ids = new Set(facts.ids);
  const today = formatCalendarDate(facts.today);
  const drills: DrillRecordFile[] = [];
  const problems: Finding[] = [];
  const unreadable: Finding[] = [];
  for (const source of sources) {
    const { file, path } = source;
    if (source.kind === 'unread') {
      unreadable.push({ file, span: FILE_START, code: 'unreadable-file', params: { reason: source.reason }, subject: '' });
      continue;
    }
    const decoded = decodeSource(source.bytes);
    if (decoded.kind === 'unreadable') {
      unreadable.push({ file, span: decoded.span, code: 'unreadable-file', params: { reason: decoded.reason.replace('a runbook must be', 'a drill record must be') }, subject: '' });
      continue;
    }
    const read = parseDrillRecord(decoded.text);
    if (read.kind === 'broken') {
      for (const problem of read.problems) problems.push({ file, span: problem.span, code: problem.code, params: problem.params, subject: problem.code });
      continue;
    }
    const { record } = read;
    const at = (key: 'runbook' | 'started' | 'ended'): Span => valueSpan(decoded.text, key);
    if (!ids.has(record.runbook)) {
      problems.push({ file, span: at('runbook'), code: 'drill-record/unknown-runbook', params: { runbook: excerpt(record.runbook) }, subject: record.runbook });
      continue;
    }
    const folder = relative(facts.folder, dirname(path)).split(sep).join('/');
    if (folder !== record.runbook) {
      problems.push({ file, span: at('runbook'), code: 'drill-record/misplaced', params: { runbook: excerpt(record.runbook), folder: folder === '' ? '.' : excerpt(folder) }, subject: record.runbook });
      continue;
    }
    if (dayOfInstant(record.started) > today) {
      problems.push({ file, span: at('started'), code: 'drill-record/future', params: { started: record.started, today }, subject: record.started });
      continue;
    }
    // `ended` is never before `started`, so only a drill ending on a later day than it started gets here.
    if (dayOfInstant(record.ended) > today) {
      problems.push({ file, span: at('ended'), code: 'drill-record/future', params: { started: record.started, ended: record.ended, today }, subject: record.ended });
      continue;
    }
    drills.push({ path, file, record });
  }
  return { drills: drills.sort(byRunbookThenStart), problems, unreadable };
}

function byRunbookThenStart(a: DrillRecordFile, b: DrillRecordFile): number {
  return compare(a.record.runbook, b.record.runbook) || compareDrillFiles(a, b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The drills of one runbook among `drills` (sorted as {@link readDrillRecords} sorts them), oldest first. */
export function drillsOf(drills: readonly DrillRecordFile[], id: string): readonly DrillRecordFile[] {
  return drills.filter((drill) => drill.record.runbook === id);
}

/**
 * Where the value of the top-level frontmatter key `key` is written (`runbook: x` → `x`), for a
 * record that parsed (so the key is there, on one line); the file's start if it cannot be found.
 */
function valueSpan(text: string, key: 'runbook' | 'started' | 'ended'): Span {
  const fences = findFrontmatterFences(text);
  if (fences === undefined) return FILE_START;
  const yaml = text.slice(fences.yamlStart, fences.closeStart);
  const match = new RegExp(`^${key}:[ \\t]*([^\\r\\n]*?)[ \\t]*(?:[ \\t]#[^\\r\\n]*)?$`, 'm').exec(yaml);
  const value = match?.[1];
  if (match === null || value === undefined || value === '') return FILE_START;
  const start = fences.yamlStart + match.index + match[0].indexOf(value, key.length + 1);
  const at = lineColumns(text);
  return { start: at(start), end: at(start + value.length) };
}
