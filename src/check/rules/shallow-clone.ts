import { FILE_START } from '../../model/diagnostic.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'shallow-clone': () => 'Shallow git clone: last-edited dates are unreliable; fetch the full history with `git fetch --unshallow` (GitHub Actions: `fetch-depth: 0`)',
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * shallow-clone: the git history is shallow, so last-edited dates are unreliable. Reported once per run.
 * Its examples differ in git facts, not in text: test/check/examples-elsewhere.test.ts has them.
 */
export const shallowClone: Rule = {
  id: 'shallow-clone',
  scope: 'collection',
  category: 'git',
  defaultSeverity: 'warning',
  summary: 'The repository is a shallow clone; last-edited dates from git are unreliable.',
  why: 'In a shallow clone every file looks edited in the newest commit, so edit dates would be wrong.',
  fix: 'Fetch the full history (`git fetch --unshallow`; in GitHub Actions `fetch-depth: 0`, in GitLab `GIT_DEPTH: 0`).',
  examples: { testedIn: 'test/check/examples-elsewhere.test.ts' },
  messages,
  check(runbooks, context) {
    if (context.git.kind !== 'repository' || !context.git.shallow || runbooks.length === 0) return [];
    return [finding('shallow-clone', {}, { file: context.rootLabel, span: FILE_START, subject: '' })];
  },
};
