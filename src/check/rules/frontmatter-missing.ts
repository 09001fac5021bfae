import { FILE_START } from '../../model/diagnostic.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'frontmatter-missing': () => 'No frontmatter; expected a YAML block between `---` lines at the top of the file',
  'frontmatter-missing/unclosed': () => 'Frontmatter block opened with `---` is never closed; expected a closing `---` line',
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** frontmatter-missing: the file has no YAML frontmatter block, so none of the runbook's facts are known. */
export const frontmatterMissing: Rule = {
  id: 'frontmatter-missing',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'error',
  summary: 'The file has no YAML frontmatter block (or the block is never closed).',
  why: 'Owner, severity and when the recovery was last tested live in the frontmatter; without it the runbook cannot be checked, routed or trusted.',
  fix: 'Start the file with a `---` line, the keys (`title`, `owner`, `service`, `severity`, `last_tested`), and a closing `---` line.',
  examples: {
    ok: '---\ntitle: Disk full\n---\n# Disk full\n',
    notOk: '# Disk full\n\nNo frontmatter here.\n',
    reported: [{ at: '1:1', code: 'frontmatter-missing' }],
  },
  messages,
  check(runbook) {
    if (runbook.frontmatter.kind !== 'missing') return [];
    const at = { file: runbook.file, span: FILE_START, subject: '' };
    return [runbook.frontmatter.unclosed ? finding('frontmatter-missing/unclosed', {}, at) : finding('frontmatter-missing', {}, at)];
  },
};
