import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'required-field': (p: { readonly key: string }) => `Missing required field \`${p.key}\``,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

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
    reported: [{ at: '1:1' }, { at: '1:1' }, { at: '1:1' }, { at: '1:1' }],
  },
  messages,
  check(runbook) {
    const frontmatter = runbook.frontmatter;
    if (frontmatter.kind !== 'parsed') return [];
    return frontmatter.problems.flatMap((problem) =>
      problem.kind === 'missing-field'
        ? [finding('required-field', { key: problem.key }, { file: runbook.file, span: frontmatter.span, subject: problem.key, expected: problem.key })]
        : [],
    );
  },
};
