import { formatCalendarDate } from '../../model/calendar-date.js';
import { dayOfInstant } from '../../model/drill.js';
import { drillsOf } from '../drill-records.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'unrecorded-test': (p: { readonly date: string }) => `\`last_tested\` says ${p.date}, but no \`recovered\` drill record of this runbook started that day (UTC)`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * unrecorded-test: `last_tested` is a date, and no `recovered` drill record of the runbook started
 * on that UTC day. Off by default; `drills.require_record: true` in the config turns it on as an
 * error (unless the config's `rules:` sets it), for teams that want evidence, not claims.
 */
export const unrecordedTest: Rule = {
  id: 'unrecorded-test',
  scope: 'runbook',
  category: 'staleness',
  defaultSeverity: 'off',
  summary: '`last_tested` has no `recovered` drill record on that day (off unless the config sets `drills.require_record: true`).',
  why: 'A date anyone can type is a claim; a drill record shows what was exercised, by whom, and that it worked.',
  fix: 'Drill the runbook with `runbook drill <id>` (a recovered drill sets `last_tested` and writes the record), or commit the record of the drill that day.',
  examples: {
    ok: {
      'runbook.config.yaml': 'drills: {require_record: true}\n',
      'db.md': '---\nlast_tested: 2026-11-02\n---\n',
      'drills/db/2026-11-02.md':
        '---\nrunbook: db\nstarted: 2026-11-02T10:00:00Z\nended: 2026-11-02T10:12:00Z\noutcome: recovered\ntime_to_recover_seconds: 720\nsteps: []\n---\n',
    },
    notOk: {
      'runbook.config.yaml': 'drills: {require_record: true}\n',
      'db.md': '---\nlast_tested: 2026-11-03\n---\n',
      'drills/db/2026-11-02.md':
        '---\nrunbook: db\nstarted: 2026-11-02T10:00:00Z\nended: 2026-11-02T10:12:00Z\noutcome: recovered\ntime_to_recover_seconds: 720\nsteps: []\n---\n',
    },
    reported: [{ at: 'db.md:2:14' }],
  },
  messages,
  check(runbook, context) {
    const lastTested = runbook.lastTested;
    if (lastTested.kind !== 'given' || lastTested.value.kind !== 'on') return [];
    const date = formatCalendarDate(lastTested.value.date);
    const recorded = drillsOf(context.drills ?? [], runbook.id).some((drill) => drill.record.outcome === 'recovered' && dayOfInstant(drill.record.started) === date);
    return recorded ? [] : [finding('unrecorded-test', { date }, { file: runbook.file, span: lastTested.span, subject: '', expected: `a \`recovered\` drill record started on ${date}` })];
  },
};
