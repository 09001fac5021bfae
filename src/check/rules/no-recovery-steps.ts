import type { Span } from '../../model/diagnostic.js';
import type { Runbook } from '../../model/runbook.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'no-recovery-steps': () => 'No recovery steps; expected `recovery:` in the frontmatter or a numbered list under a Recovery heading',
  'no-recovery-steps/unnumbered': (p: { readonly heading: string }) =>
    `No recovery steps; expected a numbered list (\`1. …\`) under \`${p.heading}\` or \`recovery:\` in the frontmatter`,
  'no-recovery-steps/prose': (p: { readonly heading: string }) =>
    `Recovery is written as prose, not numbered steps; expected a numbered list (\`1. …\`) under \`${p.heading}\` or \`recovery:\` in the frontmatter`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** Where the body starts: the line that closes the frontmatter, else line 1 (as `missing-section` reports). */
export function bodyStart(runbook: Runbook): Span {
  const line = runbook.frontmatter.kind === 'parsed' ? runbook.frontmatter.span.end.line : 1;
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}

/**
 * no-recovery-steps: neither frontmatter `recovery` nor an ordered list under the Recovery section.
 * A recovery section written as prose is reported with its own code (`no-recovery-steps/prose`) at
 * the rule's one severity: `rules:` and `overrides:` set a rule, not a code, and lowering it for prose
 * would turn today's failing checks green without anyone choosing it.
 */
export const noRecoverySteps: Rule = {
  id: 'no-recovery-steps',
  scope: 'runbook',
  category: 'completeness',
  defaultSeverity: 'error',
  summary: 'The runbook has no recovery steps.',
  why: 'The recovery steps are the point of a runbook: they are what the on-call engineer follows, and what the cheat sheet prints.',
  fix: 'Add `recovery:` to the frontmatter, or a numbered list (`1. …`) under the Recovery (or Mitigation) heading.',
  examples: {
    ok: '## Recovery\n\n1. Fail over to the replica.\n',
    notOk: '## Recovery\n\nFail over to the replica.\n',
    reported: [{ at: '1:1', code: 'no-recovery-steps/prose' }],
  },
  messages,
  check(runbook) {
    const recovery = runbook.recovery;
    if (recovery.source === 'prose') {
      const written = runbook.sections.find((candidate) => candidate.heading.slug === recovery.slug);
      const at = { file: runbook.file, span: written?.heading.span ?? recovery.span, subject: '' };
      return [finding('no-recovery-steps/prose', { heading: recovery.heading }, at)];
    }
    if (recovery.source !== 'none' && recovery.steps.length > 0) return [];
    const section = runbook.sections.find((candidate) => candidate.name === 'recovery');
    const span =
      recovery.source !== 'none'
        ? recovery.span
        : (section?.heading.span ?? bodyStart(runbook));
    const at = { file: runbook.file, span, subject: '' };
    return [section === undefined ? finding('no-recovery-steps', {}, at) : finding('no-recovery-steps/unnumbered', { heading: section.heading.text }, at)];
  },
};
