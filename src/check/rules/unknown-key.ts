import { problemsOf } from '../frontmatter-problems.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  /** `suggestion` is left out when no known key is close. */
  'unknown-key': (p: { readonly key: string; readonly suggestion?: string }) =>
    `Unknown frontmatter key \`${p.key}\`${p.suggestion === undefined ? '' : `; did you mean \`${p.suggestion}\`?`}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** unknown-key: a frontmatter key the tool does not read, usually a typo of one it does. */
export const unknownKey: Rule = {
  id: 'unknown-key',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'warning',
  summary: 'A frontmatter key the tool does not know (often a typo).',
  why: 'A misspelt `last_tsted` silently leaves the real field missing; a warning catches it at once.',
  fix: 'Rename the key as suggested, or list it under `extra_keys` in the config if your team uses it on purpose.',
  examples: {
    ok: '---\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nlast_tsted: 2026-11-01\n---\n',
    reported: [{ at: '2:1' }],
  },
  messages,
  check(runbook) {
    return problemsOf(runbook, 'unknown-key').map((problem) =>
      problem.suggestion === undefined
        ? finding('unknown-key', { key: problem.key }, { file: runbook.file, span: problem.span, subject: problem.key, actual: problem.key })
        : finding('unknown-key', { key: problem.key, suggestion: problem.suggestion }, {
            file: runbook.file,
            span: problem.span,
            subject: problem.key,
            actual: problem.key,
            expected: problem.suggestion,
          }),
    );
  },
};
