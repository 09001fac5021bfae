/**
 * pretty: the default, human format. Diagnostics grouped under their file, one aligned line each
 * (`line:col  severity  message  rule-id`), then a one-line summary. Colour only when asked for;
 * without it the output contains no escape codes. User text goes through `printable`, so a message
 * is always one line and cannot smuggle terminal escapes in.
 */
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { palette, type Palette, type Style } from './ansi.js';
import { groupByFile, type FileGroup } from './file-groups.js';
import { countBySeverity, type Formatter } from './report.js';
import { plural } from '../text/plural.js';
import { printable } from '../text/terminal-text.js';

/** The human format: grouped by file, aligned columns, a summary line. */
export const pretty: Formatter = (report, options) => {
  const colors = palette(options.color);
  const groups = groupByFile(report);
  const withProblems = groups.filter((group) => group.diagnostics.length > 0);
  const sections = withProblems.map((group) => fileSection(group, colors));
  const summary = summaryLine(report.diagnostics, withProblems.length, groups.length, colors);
  return [...sections, summary].join('\n\n') + '\n';
};

/**
 * Messages up to this width are aligned; a wider one is neither padded nor widens the column, so one
 * long message (a 10 KB alert name) cannot pad every other line of the file to its width.
 */
const ALIGNED_MESSAGE_WIDTH = 120;

interface Row {
  readonly position: string;
  readonly severity: Severity;
  readonly message: string;
  /** The message's width, measured once (graphemes are slow to count). */
  readonly messageWidth: number;
  readonly ruleId: string;
}

function fileSection(group: FileGroup, colors: Palette): string {
  const rows = group.diagnostics.map(
    (diagnostic: Diagnostic): Row => {
      const message = printable(diagnostic.message);
      return {
        position: `${diagnostic.span.start.line}:${diagnostic.span.start.column}`,
        severity: diagnostic.severity,
        message,
        messageWidth: width(message),
        ruleId: printable(diagnostic.ruleId),
      };
    },
  );
  const positionWidth = widest(rows.map((row) => row.position));
  const severityWidth = widest(rows.map((row) => row.severity));
  const messageWidth = rows.reduce((most, row) => (row.messageWidth <= ALIGNED_MESSAGE_WIDTH ? Math.max(most, row.messageWidth) : most), 0);
  const lines = rows.map((row) =>
    [
      '  ' + padded(row.position, positionWidth, colors.dim),
      padded(row.severity, severityWidth, severityStyle(row.severity, colors)),
      row.message + ' '.repeat(Math.max(0, messageWidth - row.messageWidth)),
      colors.dim(row.ruleId),
    ].join('  '),
  );
  return [colors.bold(colors.underline(printable(group.file))), ...lines].join('\n');
}

function summaryLine(diagnostics: readonly Diagnostic[], filesWithProblems: number, files: number, colors: Palette): string {
  if (diagnostics.length === 0) return colors.green(`✔ ${plural(files, 'file')} checked, no problems`);
  const counts = countBySeverity(diagnostics);
  const worst: Severity = counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : 'info';
  // Info alone does not fail a run, so it does not get the failure mark.
  const mark = worst === 'info' ? 'ℹ' : '✖';
  const text =
    `${mark} ${plural(diagnostics.length, 'problem')} ` +
    `(${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${String(counts.infos)} info) ` +
    `in ${String(filesWithProblems)} of ${plural(files, 'file')}`;
  return colors.bold(severityStyle(worst, colors)(text));
}

function severityStyle(severity: Severity, colors: Palette): Style {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.cyan;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Width in graphemes: right for most text; East Asian wide characters still count as one column. */
function width(text: string): number {
  // Printable ASCII is one grapheme per character, and counting graphemes is slow.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : Array.from(graphemes.segment(text)).length;
}

function widest(texts: readonly string[]): number {
  return texts.reduce((most, text) => Math.max(most, width(text)), 0);
}

/** Pads outside the style, so underline and dim do not run into the gap between columns. */
function padded(text: string, columnWidth: number, style: Style): string {
  return style(text) + ' '.repeat(columnWidth - width(text));
}
