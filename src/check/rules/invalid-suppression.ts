import { finder, type MessageFormats, type Rule } from '../rule.js';

/** `suggestion` is left out when nothing known is close. */
const didYouMean = (suggestion: string | undefined): string => (suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`);

const messages = {
  'invalid-suppression/unknown-directive': (p: { readonly word: string; readonly suggestion?: string }) =>
    `Unknown suppression comment \`${p.word}\`${didYouMean(p.suggestion)}`,
  'invalid-suppression/no-rule': (p: { readonly word: string }) => `\`${p.word}\` names no rule: write the ids of the rules it is for`,
  'invalid-suppression/no-reason': (p: { readonly word: string }) => `\`${p.word}\` gives no reason: write one after \` -- \``,
  'invalid-suppression/unknown-rule': (p: { readonly word: string; readonly rule: string; readonly suggestion?: string }) =>
    `Unknown rule \`${p.rule}\` in \`${p.word}\`${didYouMean(p.suggestion)}`,
  'invalid-suppression/not-suppressible': (p: { readonly word: string; readonly rule: string }) =>
    `\`${p.rule}\` cannot be suppressed by a comment (\`${p.word}\`)`,
  'invalid-suppression/not-disabled': (p: { readonly rule: string }) => `\`runbook-enable ${p.rule}\`: \`${p.rule}\` is not disabled here`,
  'invalid-suppression/already-disabled': (p: { readonly rule: string; readonly line: number }) =>
    `\`runbook-disable ${p.rule}\`: \`${p.rule}\` is already disabled since line ${p.line}`,
} satisfies MessageFormats;

/** An `invalid-suppression` finding; its subject is the rule or the comment's first word. */
export const invalidSuppressionFinding = finder<typeof messages>();

/**
 * invalid-suppression: a `<!-- runbook-disable… -->` comment that cannot be read (an unknown
 * directive, no rule, no reason, an unknown rule, a rule that cannot be suppressed), or an enable
 * or disable that does not match the ranges open at that point. A disable comment with such a
 * problem silences nothing; see docs/suppressions.md. Reported by the runner after the rules.
 */
export const invalidSuppression: Rule = {
  id: 'invalid-suppression',
  scope: 'loader',
  category: 'file',
  defaultSeverity: 'error',
  summary: 'A suppression comment that cannot be read, or that names an unknown rule, or gives no reason.',
  why: 'A suppression silences findings someone will not see again; it must say which rules and why, and a typo must not silence nothing (or everything) unnoticed.',
  fix: 'Write `<!-- runbook-disable-next-line RULE[, RULE…] -- reason -->` (or `runbook-disable`, `runbook-enable`, `runbook-disable-file`) with known rule ids and a reason.',
  examples: {
    ok: '<!-- runbook-disable-next-line placeholder-text -- the name is chosen on the day -->\nRestart the TODO deployment.\n',
    notOk: '<!-- runbook-disable-next-line placeholder-text -->\nRestart the TODO deployment.\n',
    reported: [{ at: '1:1', code: 'invalid-suppression/no-reason' }],
  },
  messages,
};
