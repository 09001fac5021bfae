import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'unused-suppression': (p: { readonly word: string; readonly rule: string }) => `\`${p.word} ${p.rule}\` silences nothing`,
} satisfies MessageFormats;

/** An `unused-suppression` finding: the comment's first word and the rule are its subject. */
export const unusedSuppressionFinding = finder<typeof messages>();

/**
 * unused-suppression: a suppression comment, or one rule of it, under which the rule reports
 * nothing (the problem was fixed, the rule is off, or the comment is in the wrong place). Reported
 * at the comment by the runner after the rules; see docs/suppressions.md.
 */
export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  scope: 'loader',
  category: 'file',
  defaultSeverity: 'warning',
  summary: 'A suppression comment silences nothing.',
  why: 'A suppression left behind after the problem was fixed would hide the next one without anyone deciding to.',
  fix: 'Remove the comment, or the rule from its list; `runbook-disable-next-line` covers only the line right after the comment.',
  examples: {
    ok: '<!-- runbook-disable-next-line placeholder-text -- the name is chosen on the day -->\nRestart the TODO deployment.\n',
    notOk: '<!-- runbook-disable-next-line placeholder-text -- the name is chosen on the day -->\nRestart the `api` deployment.\n',
    reported: [{ at: '1:1' }],
  },
  messages,
};
