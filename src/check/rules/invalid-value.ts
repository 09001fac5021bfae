import { problemsOf } from '../frontmatter-problems.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'invalid-value': (p: { readonly key: string; readonly actual: string; readonly expected: string }) =>
    `Invalid \`${p.key}\`: found ${p.actual}, expected ${p.expected}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

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
    reported: [{ at: '2:11' }, { at: '3:14' }],
  },
  messages,
  check(runbook) {
    return problemsOf(runbook, 'invalid-value').map((problem) =>
      finding('invalid-value', { key: problem.key, actual: problem.actual, expected: problem.expected }, {
        file: runbook.file,
        span: problem.span,
        subject: problem.key,
        actual: problem.actual,
        expected: problem.expected,
      }),
    );
  },
};
