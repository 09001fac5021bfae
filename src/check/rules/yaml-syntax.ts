import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'yaml-syntax': (p: { readonly error: string }) => `Invalid frontmatter YAML: ${p.error}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** yaml-syntax: the frontmatter is not valid YAML, or not a mapping; located where the YAML parser stopped. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'error',
  summary: 'The frontmatter is not valid YAML (or not a mapping of keys to values, or longer than 64 KiB).',
  why: 'A frontmatter the parser cannot read means every field is unknown; other tools may read it differently.',
  fix: 'Fix the YAML at the reported line and column; quote values that contain `:` or start with special characters.',
  examples: {
    ok: '---\ntitle: "Disk: full"\n---\n',
    notOk: '---\ntitle: Disk: full\n---\n',
    reported: [{ at: '2:8' }],
  },
  messages,
  check(runbook) {
    if (runbook.frontmatter.kind !== 'broken') return [];
    // The parser's message names the line and column: not part of the subject, so that fingerprints survive moves.
    return runbook.frontmatter.errors.map((error) => finding('yaml-syntax', { error: error.value }, { file: runbook.file, span: error.span, subject: '' }));
  },
};
