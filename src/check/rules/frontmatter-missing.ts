import type { Rule } from '../rule.js';

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
  },
  check(runbook) {
    if (runbook.frontmatter.kind !== 'missing') return [];
    return [
      {
        file: runbook.file,
        span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        message: runbook.frontmatter.unclosed
          ? 'Frontmatter block opened with `---` is never closed; expected a closing `---` line'
          : 'No frontmatter; expected a YAML block between `---` lines at the top of the file',
      },
    ];
  },
};
