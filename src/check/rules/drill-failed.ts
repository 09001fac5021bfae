import { FILE_START, type Span } from '../../model/diagnostic.js';
import { dayOfInstant } from '../../model/drill.js';
import type { Runbook } from '../../model/runbook.js';
import { drillsOf } from '../drill-records.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'drill-failed': (p: { readonly record: string; readonly day: string }) =>
    `The last drill failed (\`${p.record}\`, ${p.day}) and no drill recovered since: the recovery steps did not work when last tried`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** How many of the config's severity levels, from the most severe, make a failed drill an error. */
const MOST_SEVERE_LEVELS = 2;

/**
 * drill-failed: a runbook's last failed drill has no `recovered` drill after it (drills that were
 * aborted since do not clear it). Reported at `last_tested` (the frontmatter's start when the
 * runbook has none), naming the record. An error for a runbook of the config's two most severe
 * levels (`critical`, `high` by default) and a warning for the others: the finding says the most
 * it is worth, and the configured severity caps it (`rules: {drill-failed: warning}` makes every
 * one a warning; `off` none).
 */
export const drillFailed: Rule = {
  id: 'drill-failed',
  scope: 'runbook',
  category: 'staleness',
  defaultSeverity: 'error',
  summary: 'The last drill of the runbook failed and no drill recovered since (an error for the two most severe levels, a warning below).',
  why: 'A failed drill is evidence that the recovery steps do not work; until a drill recovers, the next incident will find the same gap.',
  fix: 'Fix the recovery steps the record shows failing, then drill again (`runbook drill <id>`) until it recovers.',
  examples: {
    ok: {
      'db.md': '---\nseverity: critical\nlast_tested: 2026-11-02\n---\n',
      'drills/db/2026-11-01.md':
        '---\nrunbook: db\nstarted: 2026-11-01T10:00:00Z\nended: 2026-11-01T10:20:00Z\noutcome: failed\nsteps: []\n---\n',
      'drills/db/2026-11-02.md':
        '---\nrunbook: db\nstarted: 2026-11-02T10:00:00Z\nended: 2026-11-02T10:12:00Z\noutcome: recovered\ntime_to_recover_seconds: 720\nsteps: []\n---\n',
    },
    notOk: {
      'db.md': '---\nseverity: critical\nlast_tested: 2026-11-02\n---\n',
      'drills/db/2026-11-02.md':
        '---\nrunbook: db\nstarted: 2026-11-02T10:00:00Z\nended: 2026-11-02T10:12:00Z\noutcome: recovered\ntime_to_recover_seconds: 720\nsteps: []\n---\n',
      'drills/db/2026-11-20.md':
        '---\nrunbook: db\nstarted: 2026-11-20T10:00:00Z\nended: 2026-11-20T10:20:00Z\noutcome: failed\nsteps: []\n---\n',
    },
    reported: [{ at: 'db.md:3:14' }],
  },
  messages,
  check(runbook, context) {
    const drills = drillsOf(context.drills ?? [], runbook.id);
    // `drills` is oldest first (a day's `-2` after its first record): "since" is "later in the list".
    const index = drills.findLastIndex((drill) => drill.record.outcome === 'failed');
    const failed = drills[index];
    if (failed === undefined || drills.slice(index + 1).some((drill) => drill.record.outcome === 'recovered')) return [];
    const rank = runbook.severity.kind === 'given' ? runbook.severity.value.rank : Number.POSITIVE_INFINITY;
    return [
      {
        ...finding('drill-failed', { record: failed.file, day: dayOfInstant(failed.record.started) }, { file: runbook.file, span: lastTestedSpan(runbook), subject: '' }),
        severity: rank < MOST_SEVERE_LEVELS ? 'error' : 'warning',
      },
    ];
  },
};

/** Where a runbook's drill findings go: its `last_tested` value, else the frontmatter's start, else the file's. */
function lastTestedSpan(runbook: Runbook): Span {
  if (runbook.lastTested.kind === 'given') return runbook.lastTested.span;
  return runbook.frontmatter.kind === 'parsed' ? { start: runbook.frontmatter.span.start, end: runbook.frontmatter.span.start } : FILE_START;
}
