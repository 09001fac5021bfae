import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'internal-error': (p: { readonly doing: string; readonly error: string }) =>
    `Internal error while ${p.doing}: ${p.error} (this is a bug in runbook; please report it)`,
} satisfies MessageFormats;

/** An `internal-error` finding: `doing` (what crashed, e.g. ``rule `stale` ``) is its subject. */
export const internalErrorFinding = finder<typeof messages>();

/**
 * internal-error: reading this one file crashed the tool. It is reported on that file so that one bad
 * file never hides the others; it is always a bug in runbook, please report it. Its example is a crash,
 * which no runbook text causes (else it would be fixed): test/check/examples-elsewhere.test.ts has it.
 */
export const internalError: Rule = {
  id: 'internal-error',
  scope: 'loader',
  category: 'file',
  defaultSeverity: 'error',
  summary: 'The tool failed while reading this file (a bug in runbook).',
  why: 'One file that trips a bug must not stop the others from being checked.',
  fix: 'Report the bug with the file attached; the message carries the cause.',
  examples: { testedIn: 'test/check/examples-elsewhere.test.ts' },
  messages,
};
