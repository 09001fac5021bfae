/**
 * An alert rule file as the shell read it: its text, or why it was not read (outside the
 * repository, unreadable), which becomes a problem located on the file. Parsing is left to the caller.
 */
export type RuleFileSource =
  | { readonly kind: 'text'; readonly file: string; readonly text: string }
  | { readonly kind: 'not-read'; readonly file: string; readonly reason: string };

/** The rule files some globs name, read (not parsed), and the globs that matched nothing. */
export interface RuleFiles {
  readonly files: readonly RuleFileSource[];
  readonly unmatched: readonly string[];
}
