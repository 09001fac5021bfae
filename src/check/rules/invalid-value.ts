import { findingOn, problemsOf } from '../frontmatter-problems.js';
import type { Rule } from '../rule.js';

/** invalid-value: a frontmatter value of the wrong type or form (enum, date, duration, list, URL). */
export const invalidValue: Rule = {
  id: 'invalid-value',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'error',
  summary: 'A frontmatter value has the wrong type or form (unknown severity, impossible date, bad duration…).',
  why: 'A value the tool cannot read is as good as missing, and silently guessing would be worse.',
  fix: 'Write the value in the form the message asks for.',
  examples: {
    ok: '---\nseverity: critical\nlast_tested: 2026-02-28\n---\n',
    notOk: '---\nseverity: sev-1\nlast_tested: 2026-02-30\n---\n',
  },
  check(runbook) {
    return problemsOf(runbook, 'invalid-value').map((problem) =>
      findingOn(runbook, {
        span: problem.span,
        message: `Invalid \`${problem.key}\`: found ${problem.actual}, expected ${problem.expected}`,
        actual: problem.actual,
        expected: problem.expected,
      }),
    );
  },
};
