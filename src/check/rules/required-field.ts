import type { Rule } from '../rule.js';

/** required-field: one of `title`, `owner`, `service`, `severity`, `last_tested` is missing. */
export const requiredField: Rule = {
  id: 'required-field',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'error',
  summary: 'A required frontmatter field is missing.',
  why: 'Without an owner nobody fixes it; without a severity and a test date nobody knows whether it can be trusted.',
  fix: 'Add the field (or map it to your own key name with `fields` in the config).',
  examples: {
    ok: '---\ntitle: Disk full\nowner: storage\nservice: volumes\nseverity: high\nlast_tested: never\n---\n',
    notOk: '---\ntitle: Disk full\n---\n',
  },
  check(runbook) {
    const frontmatter = runbook.frontmatter;
    if (frontmatter.kind !== 'parsed') return [];
    return frontmatter.problems.flatMap((problem) =>
      problem.kind === 'missing-field'
        ? [{ file: runbook.file, span: frontmatter.span, message: `Missing required field \`${problem.key}\``, expected: problem.key }]
        : [],
    );
  },
};
