/**
 * concise: one line per diagnostic, `file:line:col: severity message (rule-id)`, the shape editors'
 * and CI problem matchers parse; nothing else, so a clean run prints nothing. User text goes through
 * `printable`, so every diagnostic stays on exactly one line.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Formatter } from './report.js';
import { printable } from '../text/terminal-text.js';

/** One `file:line:col: severity message (rule-id)` line per diagnostic. */
export const concise: Formatter = (report) => report.diagnostics.map((diagnostic) => conciseLine(diagnostic) + '\n').join('');

function conciseLine(diagnostic: Diagnostic): string {
  const { line, column } = diagnostic.span.start;
  return `${printable(diagnostic.file)}:${line}:${column}: ${diagnostic.severity} ${printable(diagnostic.message)} (${printable(diagnostic.ruleId)})`;
}
