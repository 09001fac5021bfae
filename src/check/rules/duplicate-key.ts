import { problemsOf } from '../frontmatter-problems.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'duplicate-key': (p: { readonly key: string }) => `Duplicate frontmatter key \`${p.key}\`; the first value is used`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

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
    reported: [{ at: '3:1' }],
  },
  messages,
  check(runbook) {
    return problemsOf(runbook, 'duplicate-key').map((problem) =>
      finding('duplicate-key', { key: problem.key }, { file: runbook.file, span: problem.span, subject: problem.key }),
    );
  },
};
