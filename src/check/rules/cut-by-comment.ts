import { problemsOf } from '../frontmatter-problems.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'cut-by-comment': (p: { readonly key: string; readonly kept: string; readonly comment: string }) =>
    `\`${p.key}\` is cut short by a YAML comment: it reads \`${p.kept}\` and drops \`#${p.comment}\`; quote the whole value`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * cut-by-comment: an unquoted frontmatter value that ` #` cut short, leaving an unclosed quote.
 * In YAML, ` #` starts a comment even in the middle of a command, so `run: echo "see #ops"` runs
 * `echo "see`; the runbook would hand the on-call engineer a broken command.
 */
export const cutByComment: Rule = {
  id: 'cut-by-comment',
  scope: 'runbook',
  category: 'frontmatter',
  defaultSeverity: 'error',
  summary: 'An unquoted value is cut short by ` #`, which YAML reads as the start of a comment.',
  why: 'A recovery command silently truncated at `#` is a broken command handed to someone at 3 a.m.',
  fix: "Quote the whole value: `run: 'notify --channel \"#ops\"'` (single quotes keep double quotes inside as they are).",
  examples: {
    ok: "---\nrecovery:\n  - step: Tell the channel\n    run: 'notify \"#ops\"'\n---\n",
    notOk: '---\nrecovery:\n  - step: Tell the channel\n    run: notify "#ops and #inc"\n---\n',
    reported: [{ at: '4:10' }],
  },
  messages,
  check(runbook) {
    return problemsOf(runbook, 'cut-by-comment').map((problem) =>
      finding('cut-by-comment', { key: problem.key, kept: problem.kept, comment: problem.comment }, {
        file: runbook.file,
        span: problem.span,
        subject: problem.key,
        actual: problem.kept,
      }),
    );
  },
};
