/**
 * github: GitHub Actions workflow commands, one `::error|warning|notice file=…::message` line per
 * diagnostic, which the runner turns into annotations on the pull request. Escaping follows
 * `@actions/core`: in the message `%`, CR and LF are percent-encoded; in property values `:` and `,`
 * as well, since they delimit the properties. Positions are the diagnostic's span (end exclusive,
 * as everywhere in runbook), clamped so the end never precedes the start. Before that, every
 * user-derived text (file, rule id, message) goes through `printableLines`: a repository cannot put
 * ESC, OSC or other control characters into the CI log or the annotations. A `::` in the message
 * needs no escaping: the runner ends the properties at the first `::`, and they cannot hold one.
 */
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { validRegion } from './region.js';
import { printableLines } from '../text/terminal-text.js';
import type { Formatter } from './report.js';

/** One GitHub Actions annotation command per diagnostic. */
export const github: Formatter = (report) => report.diagnostics.map((diagnostic) => command(diagnostic) + '\n').join('');

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

function command(diagnostic: Diagnostic): string {
  const { start, end } = validRegion(diagnostic.span);
  const properties: readonly (readonly [string, string])[] = [
    ['file', diagnostic.file],
    ['line', String(start.line)],
    ['col', String(start.column)],
    ['endLine', String(end.line)],
    ['endColumn', String(end.column)],
    ['title', diagnostic.ruleId],
  ];
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${COMMANDS[diagnostic.severity]} ${list}::${escapeData(diagnostic.message)}`;
}

/** Escapes a command's message, as `@actions/core` does, after making it printable. */
function escapeData(text: string): string {
  return printableLines(text).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a command's property value, as `@actions/core` does. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
