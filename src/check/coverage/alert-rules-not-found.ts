import { FILE_START } from '../../model/diagnostic.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'alert-rules-not-found': (p: { readonly glob: string }) => `\`alerts.rules\` glob \`${p.glob}\` matches no file`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * alert-rules-not-found: a glob of `alerts.rules` that matches no file, reported on the config file.
 * Its examples are folders on disk that the glob does or does not match: test/check/examples-elsewhere.test.ts has them.
 */
export const alertRulesNotFound: Rule = {
  id: 'alert-rules-not-found',
  scope: 'alerts',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'A glob in `alerts.rules` matches no file.',
  why: 'A moved or renamed rule file would otherwise leave every alert in it unchecked, silently.',
  fix: 'Correct the glob (it is relative to the config file), or remove it.',
  examples: { testedIn: 'test/check/examples-elsewhere.test.ts' },
  messages,
  check(_runbooks, alerts) {
    return alerts.unmatched.map(({ glob, file }) => finding('alert-rules-not-found', { glob }, { file, span: FILE_START, subject: glob, actual: glob }));
  },
};
