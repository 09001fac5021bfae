/**
 * The drill record file as `runbook drill` writes it: YAML frontmatter holding the record (what every
 * reader uses, see `parse/drill-record.ts`), then a Markdown account for people (a title, a summary,
 * a table of steps, the last output lines of executed commands). Every string from the operator, the
 * runbook or a command's output is cleaned of terminal controls first, so opening the file in a
 * terminal (`cat`, `less -R`, a diff) cannot run an escape sequence or reorder what is shown.
 */
import { Document, Scalar } from 'yaml';
import type { DrillRecord, DrillStep } from '../model/drill.js';
import { MAX_NAME, MAX_TEXT } from '../parse/drill-record-schema.js';
import { printableLines } from '../text/terminal-text.js';

/**
 * A record's file content: frontmatter with the keys in the format's order (optional keys left out
 * when undefined), then the Markdown body titled with `title` (the runbook's; its id when not given).
 */
export function formatDrillRecord(record: DrillRecord, title?: string): string {
  return `---\n${frontmatterYaml(record)}---\n\n${body(record, title ?? record.runbook)}`;
}

/**
 * The name of a new record for the UTC day `day` (`YYYY-MM-DD`): `<day>.md`, else `<day>-2.md`,
 * `<day>-3.md`, … the first that `taken` (the names the folder already holds) refuses.
 */
export function drillRecordFileName(day: string, taken: (name: string) => boolean): string {
  if (!taken(`${day}.md`)) return `${day}.md`;
  for (let number = 2; ; number += 1) {
    const name = `${day}-${number}.md`;
    if (!taken(name)) return name;
  }
}

/**
 * ESC-started terminal sequences, removed whole: CSI (`ESC [ … final`), OSC/DCS/APC/PM/SOS strings
 * up to BEL or ST, and two-character escapes. What is left of other controls is shown as `\uXXXX`.
 */
// eslint-disable-next-line no-control-regex -- the controls are what this removes
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]?/g;

/**
 * `text` as a record file may hold it: `\r\n` made `\n`, escape sequences removed, every other
 * control character (C0 but line feed and tab, DEL, C1) and bidi mark written as a visible escape.
 */
export function drillFileText(text: string): string {
  return printableLines(text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, ''));
}

/**
 * Strings other YAML readers (YAML 1.1: PyYAML, Ruby, older tools validating against the JSON
 * Schema) would read as a boolean, null, number, date or sexagesimal; quoted although the core
 * schema reads them plain, so the record means the same everywhere.
 */
const YAML_1_1_LOOKALIKE = /^(?:[yn]|yes|no|on|off|true|false|null|~|[-+]?[\d._:]+(?:e[-+]?\d+)?|[-+]?\.(?:inf|nan)|\d{4}-\d\d?-\d\d?.*)$/i;

function frontmatterYaml(record: DrillRecord): string {
  const text = (value: string, most = MAX_TEXT): Scalar => {
    const scalar = new Scalar(clipped(drillFileText(value), most));
    if (YAML_1_1_LOOKALIKE.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  };
  const instant = (value: string): Scalar => new Scalar(drillFileText(value));
  const entries: [string, unknown][] = [['runbook', text(record.runbook)]];
  if (record.runbookCommit !== undefined) entries.push(['runbook_commit', text(record.runbookCommit)]);
  if (record.environment !== undefined) entries.push(['environment', text(record.environment, MAX_NAME)]);
  if (record.operator !== undefined) entries.push(['operator', text(record.operator, MAX_NAME)]);
  entries.push(['started', instant(record.started)], ['ended', instant(record.ended)], ['outcome', text(record.outcome)]);
  if (record.timeToRecoverSeconds !== undefined) entries.push(['time_to_recover_seconds', record.timeToRecoverSeconds]);
  entries.push(['steps', record.steps.map((step) => stepEntries(step, text))]);
  const document = new Document(Object.fromEntries(entries));
  return document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}

/**
 * `value` cut to at most `most` characters (UTF-16 code units, as the reader counts) with `…` at the
 * end, never inside a surrogate pair: the record keeps within the reader's caps (`MAX_TEXT`,
 * `MAX_NAME`) whatever the operator typed or the runbook says.
 */
function clipped(value: string, most: number): string {
  if (value.length <= most) return value;
  let end = most - 1;
  if (/[\uD800-\uDBFF]/.test(value.charAt(end - 1))) end -= 1;
  return `${value.slice(0, end)}…`;
}

function stepEntries(step: DrillStep, text: (value: string, most?: number) => Scalar): Record<string, unknown> {
  const entries: [string, unknown][] = [
    ['step', step.number],
    ['text', text(step.text)],
    ['status', text(step.status)],
    ['duration_seconds', step.durationSeconds],
  ];
  if (step.note !== undefined) entries.push(['note', text(step.note)]);
  if (step.exitCode !== undefined) entries.push(['exit_code', step.exitCode]);
  return Object.fromEntries(entries);
}

function body(record: DrillRecord, title: string): string {
  const blocks = [`# Drill of ${inline(title)}: ${record.outcome}`, summary(record), stepTable(record.steps)];
  for (const step of record.steps) if (step.exitCode !== undefined) blocks.push(outputBlock(step, step.exitCode));
  return `${blocks.join('\n\n')}\n`;
}

function summary(record: DrillRecord): string {
  const parts: string[] = [];
  if (record.environment !== undefined) parts.push(`**Environment:** ${inline(record.environment)}`);
  if (record.operator !== undefined) parts.push(`**Operator:** ${inline(record.operator)}`);
  const [startDay, startTime] = record.started.slice(0, -1).split('T');
  const [endDay, endTime] = record.ended.slice(0, -1).split('T');
  parts.push(`**When:** ${startDay} ${startTime} – ${endDay === startDay ? '' : `${endDay} `}${endTime} UTC`);
  if (record.timeToRecoverSeconds !== undefined) parts.push(`**Time to recover:** ${spokenSeconds(record.timeToRecoverSeconds)}`);
  else parts.push(`**Lasted:** ${spokenSeconds(Math.max(0, (Date.parse(record.ended) - Date.parse(record.started)) / 1000))}`);
  if (record.runbookCommit !== undefined) parts.push(`**Runbook at commit:** ${inline(record.runbookCommit)}`);
  return parts.join('  \n');
}

function stepTable(steps: readonly DrillStep[]): string {
  if (steps.length === 0) return '_The runbook had no recovery steps to drill._';
  const rows = steps.map((step) => {
    const cells = [String(step.number), inline(step.text), step.status, spokenSeconds(step.durationSeconds), step.exitCode === undefined ? '' : String(step.exitCode), step.note === undefined ? '' : inline(step.note)];
    return `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
  });
  return ['| # | Step | Status | Duration | Exit code | Note |', '|--:|------|--------|---------:|----------:|------|', ...rows].join('\n');
}

/** The last lines a step's command printed, in a fence no run of backticks inside can close. */
function outputBlock(step: DrillStep, exitCode: number): string {
  const heading = `## Output of step ${step.number} (exit code ${exitCode})`;
  if (step.outputTail.length === 0) return `${heading}\n\n_It printed nothing._`;
  const lines = step.outputTail.flatMap((line) => drillFileText(line).split('\n')).map((line) => line.trimEnd());
  const longest = Math.max(0, ...lines.flatMap((line) => Array.from(line.matchAll(/`+/g), (run) => run[0].length)));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${heading}\n\n${fence}text\n${lines.join('\n')}\n${fence}`;
}

/**
 * Text inside one Markdown line (a heading, a table cell): cleaned, line breaks and tabs made
 * spaces, and each character that could start markup, a link, HTML or end a cell (`|`) escaped.
 */
function inline(text: string): string {
  return drillFileText(text)
    .replace(/\s*\n\s*|\t/g, ' ')
    .trim()
    .replace(/[\\`*[\]<>|~&#!]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (character) => `\\${character}`);
}

/** Whole seconds as people say them: `45 s`, `12 min 5 s`, `1 h 2 min 5 s`. */
export function spokenSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours} h ${minutes} min ${rest} s`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}
