import type { Span } from './diagnostic.js';

/** The suppression comments, as written after `runbook-` (see docs/suppressions.md). */
export const SUPPRESSION_DIRECTIVES = ['disable-next-line', 'disable', 'enable', 'disable-file'] as const;

/** What a suppression comment does: silence rules on the next line, from here on, in the whole file, or stop silencing them. */
export type SuppressionDirective = (typeof SUPPRESSION_DIRECTIVES)[number];

/** Why a `<!-- runbook-… -->` comment cannot be read as a suppression. */
export type SuppressionProblem =
  | { readonly kind: 'unknown-directive'; readonly directive: string; readonly suggestion: string | undefined }
  | { readonly kind: 'no-rule'; readonly directive: SuppressionDirective }
  | { readonly kind: 'no-reason'; readonly directive: SuppressionDirective };

/**
 * A suppression comment of the body as written: the rule ids it names (not yet checked against
 * the rules, which the parser does not know) with the reason it gives, or why it cannot be read.
 * `span` is the comment's, from `<!--` to `-->`.
 */
export type Suppression =
  | {
      readonly kind: 'disable-next-line' | 'disable' | 'disable-file';
      readonly rules: readonly [string, ...string[]];
      readonly reason: string;
      readonly span: Span;
    }
  | { readonly kind: 'enable'; readonly rules: readonly [string, ...string[]]; readonly span: Span }
  | { readonly kind: 'malformed'; readonly problem: SuppressionProblem; readonly span: Span };

/** The comment's first word for a directive, as written and quoted in messages: `runbook-disable`. */
export function directiveWord(directive: SuppressionDirective): string {
  return `runbook-${directive}`;
}
