import { findingOn, problemsOf } from '../frontmatter-problems.js';
import type { Rule } from '../rule.js';

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
  },
  check(runbook) {
    return problemsOf(runbook, 'unknown-key').map((problem) =>
      findingOn(runbook, {
        span: problem.span,
        message: `Unknown frontmatter key \`${problem.key}\`${problem.suggestion === undefined ? '' : `; did you mean \`${problem.suggestion}\`?`}`,
        actual: problem.key,
        ...(problem.suggestion === undefined ? {} : { expected: problem.suggestion }),
      }),
    );
  },
};
