/** A 1-based line and column in a file, as editors and CI systems count them. */
export interface Point {
  readonly line: number;
  readonly column: number;
}

/** A span in a file; `end` is exclusive, as in unist. */
export interface Span {
  readonly start: Point;
  readonly end: Point;
}

/** How much a diagnostic matters: errors fail `check`, warnings fail it past `--max-warnings`. */
export type Severity = 'error' | 'warning' | 'info';

/** What a rule can be set to in the config. */
export type RuleSetting = Severity | 'off';

/**
 * The values a message is made from (names, paths, dates, counts), so that a program reading
 * diagnostics never parses prose. A parameter a message can do without is left out, never empty.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A problem found in a user's file: plain data, never an exception. `file` is the path as shown to
 * the user (relative to the working directory when inside it). `message` is formatted from `code`
 * and `params` by the rule's own wording (see `diagnosticOf` in src/check/rule.ts).
 */
export interface Diagnostic {
  readonly file: string;
  readonly span: Span;
  readonly ruleId: string;
  /** The kind of problem, never renamed: the rule id, or `<rule-id>/<variant>` for a rule that reports several kinds. */
  readonly code: string;
  readonly params: MessageParams;
  /**
   * What the problem is about within its file and rule (a key, an alert, a link target, a
   * section), or `''` when file and rule say it all. Never a date or a count of days: fingerprints
   * are made of it, and a problem must keep its fingerprint from one day to the next.
   */
  readonly subject: string;
  readonly severity: Severity;
  readonly message: string;
  /** What the rule expected, when it is one value or a short list. */
  readonly expected?: string;
  /** The offending value, as written. */
  readonly actual?: string;
  /** One more sentence of help: how to fix, or context. */
  readonly note?: string;
}

/** The start of a file, for problems that belong to the whole file. */
export const FILE_START: Span = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Stable order: file, line, column, rule id, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.span.start.line - b.span.start.line ||
    a.span.start.column - b.span.start.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
