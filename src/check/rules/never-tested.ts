import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'never-tested': () => 'Never tested: the recovery steps have not been exercised',
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** never-tested: `last_tested: never`, the recovery steps have never been exercised. */
export const neverTested: Rule = {
  id: 'never-tested',
  scope: 'runbook',
  category: 'staleness',
  defaultSeverity: 'error',
  summary: 'The recovery steps have never been tested (`last_tested: never`).',
  why: 'An untested recovery procedure is a hypothesis; the incident is the worst time to find out it is wrong.',
  fix: 'Exercise the recovery steps in a drill: `runbook drill <id>` guides it, keeps a record and sets `last_tested` (or set it to the day they were exercised with `runbook tested <id>`).',
  examples: {
    ok: '---\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nlast_tested: never\n---\n',
    reported: [{ at: '2:14' }],
  },
  messages,
  check(runbook) {
    const lastTested = runbook.lastTested;
    if (lastTested.kind !== 'given' || lastTested.value.kind !== 'never') return [];
    return [finding('never-tested', {}, { file: runbook.file, span: lastTested.span, subject: '', actual: 'never', expected: 'a date `YYYY-MM-DD`' })];
  },
};
