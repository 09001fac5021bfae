import { finder, type MessageFormats, type Rule } from '../rule.js';
import { bodyStart } from './no-recovery-steps.js';

const messages = {
  'missing-section': (p: { readonly section: string; readonly headings: string }) =>
    `Missing section \`${p.section}\`; expected a heading named ${p.headings}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** missing-section: a required section (by default Summary, Impact, Diagnosis, Recovery) has no heading. */
export const missingSection: Rule = {
  id: 'missing-section',
  scope: 'runbook',
  category: 'completeness',
  defaultSeverity: 'error',
  summary: 'A required section has no heading in the body.',
  why: 'At 3 a.m. readers jump to "Impact" or "Recovery"; every runbook having the same sections is what makes that possible.',
  fix: 'Add a heading for the section (any level; aliases such as `Mitigation` for Recovery count), or change `sections.required` in the config.',
  examples: {
    ok: '## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Mitigation\n1. x\n',
    notOk: '## Summary\nx\n## Recovery\n1. x\n',
    reported: [{ at: '1:1' }, { at: '1:1' }],
  },
  messages,
  check(runbook, context) {
    const present = new Set(runbook.sections.map((section) => section.name));
    const aliases = [...context.config.sectionAliases];
    const at = bodyStart(runbook);
    return runbook.settings.requiredSections
      .filter((section) => !present.has(section))
      .map((section) => {
        const names = aliases.filter(([, canonical]) => canonical === section).map(([written]) => `\`${written}\``);
        return finding('missing-section', { section, headings: names.join(' or ') }, { file: runbook.file, span: at, subject: section, expected: section });
      });
  },
};
