import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'empty-section': (p: { readonly heading: string }) => `Section \`${p.heading}\` is empty`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** empty-section: a section heading with nothing under it. */
export const emptySection: Rule = {
  id: 'empty-section',
  scope: 'runbook',
  category: 'completeness',
  defaultSeverity: 'warning',
  summary: 'A known section heading has nothing under it.',
  why: 'An empty "Impact" looks complete in a table of contents and helps nobody.',
  fix: 'Write the section, or remove the heading if it does not apply (and say why in Summary).',
  examples: {
    ok: '## Impact\nCheckout fails for all users.\n',
    notOk: '## Impact\n\n## Diagnosis\nLook at the dashboard.\n',
    reported: [{ at: '1:1' }],
  },
  messages,
  check(runbook) {
    return runbook.sections
      .filter((section) => section.empty && section.name !== undefined)
      .map((section) =>
        finding('empty-section', { heading: section.heading.text }, { file: runbook.file, span: section.heading.span, subject: section.heading.text }),
      );
  },
};
