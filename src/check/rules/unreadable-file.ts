import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'unreadable-file': (p: { readonly reason: string }) => `Cannot read the file: ${p.reason}`,
} satisfies MessageFormats;

/** An `unreadable-file` finding. */
export const unreadableFileFinding = finder<typeof messages>();

/**
 * unreadable-file: a file that is not UTF-8 text (binary, or invalid UTF-8), or nests too deeply or has a block too
 * large to parse safely.
 * Reported by the loader, since such a file never becomes a runbook. Its examples are bytes that are
 * not UTF-8, which a runbook's text cannot hold: test/check/examples-elsewhere.test.ts has them.
 */
export const unreadableFile: Rule = {
  id: 'unreadable-file',
  scope: 'loader',
  category: 'file',
  defaultSeverity: 'error',
  summary: 'The file is not UTF-8 text (binary, or invalid UTF-8), nests more than 100 levels deep, or has more than 256 KiB of Markdown that cannot be parsed in pieces.',
  why: 'A runbook nobody can read is no runbook; a binary file among the runbooks is usually a mistake.',
  fix: 'Re-save the file as UTF-8, flatten the nesting the message points at, break a huge block into paragraphs or files, or exclude the file with `exclude` in the config.',
  examples: { testedIn: 'test/check/examples-elsewhere.test.ts' },
  messages,
};
