import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'placeholder-text': (p: { readonly text: string }) => `Placeholder text \`${p.text}\` left in`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** placeholder-text: `TODO`, `TBD`, `FIXME`, `<insert …>` or lorem ipsum left in the runbook. */
export const placeholderText: Rule = {
  id: 'placeholder-text',
  scope: 'runbook',
  category: 'completeness',
  defaultSeverity: 'warning',
  summary: 'Placeholder text is left in (`TODO`, `TBD`, `FIXME`, `<insert …>`, lorem ipsum).',
  why: 'A placeholder is a gap someone meant to fill; during an incident it is a dead end.',
  fix: 'Write the missing content, or remove the placeholder.',
  examples: {
    ok: 'Restart the `api` deployment.\n',
    notOk: 'Restart the TODO deployment.\n',
    reported: [{ at: '1:13' }],
  },
  messages,
  check(runbook) {
    return runbook.placeholders.map((placeholder) =>
      finding('placeholder-text', { text: placeholder.value }, { file: runbook.file, span: placeholder.span, subject: placeholder.value, actual: placeholder.value }),
    );
  },
};
