import { FILE_START } from '../../model/diagnostic.js';
import { problemsOf } from '../frontmatter-problems.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'frontmatter-missing': () => 'No frontmatter; expected a YAML block between `---` lines at the top of the file',
  'frontmatter-missing/unclosed': () => 'Frontmatter block opened with `---` is never closed; expected a closing `---` line',
  'frontmatter-missing/defaulted': (p: { readonly given: string; readonly missing: string }) =>
    `No frontmatter; the config's \`defaults\` give ${p.given}, but not ${p.missing}; expected a YAML block between \`---\` lines at the top of the file`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** `a`, `a` and `b`, `a`, `b` and `c`: keys quoted, for a message. */
function keyList(keys: readonly string[]): string {
  const quoted = keys.map((key) => `\`${key}\``);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}

/**
 * frontmatter-missing: the file has no YAML frontmatter block, so none of the runbook's facts are
 * known. When the config's `defaults` stand in for it (docs/overrides.md), the runbook has an owner,
 * a service and a severity, but still no title of its own and no `last_tested`: the finding says
 * which keys the defaults gave and which required ones are still missing.
 */
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
    const frontmatter = runbook.frontmatter;
    const at = { file: runbook.file, span: FILE_START, subject: '' };
    if (frontmatter.kind === 'defaulted') {
      const missing = problemsOf(runbook, 'missing-field').map((problem) => problem.key);
      return missing.length === 0 ? [] : [finding('frontmatter-missing/defaulted', { given: keyList(frontmatter.given), missing: keyList(missing) }, at)];
    }
    if (frontmatter.kind !== 'missing') return [];
    return [frontmatter.unclosed ? finding('frontmatter-missing/unclosed', {}, at) : finding('frontmatter-missing', {}, at)];
  },
};
