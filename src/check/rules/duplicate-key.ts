import { findingOn, problemsOf } from '../frontmatter-problems.js';
import type { Rule } from '../rule.js';

/** duplicate-key: the same frontmatter key written twice; only the first is used. */
export const duplicateKey: Rule = {
  id: 'duplicate-key',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'error',
  summary: 'A frontmatter key appears more than once.',
  why: 'YAML tools disagree on which of two values wins; the runbook must say one thing.',
  fix: 'Delete one of the two entries (runbook uses the first).',
  examples: {
    ok: '---\nowner: payments\n---\n',
    notOk: '---\nowner: payments\nowner: storage\n---\n',
  },
  check(runbook) {
    return problemsOf(runbook, 'duplicate-key').map((problem) =>
      findingOn(runbook, { span: problem.span, message: `Duplicate frontmatter key \`${problem.key}\`; the first value is used` }),
    );
  },
};
