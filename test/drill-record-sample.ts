/** A drill record as `runbook drill` makes it, for the tests of the record file's writer and reader. */
import type { DrillRecord, DrillStep } from '../src/model/drill.js';

/** Step `number`, done in 10 s, with `fields` changed. */
export function drillStep(number: number, fields: Partial<DrillStep> = {}): DrillStep {
  return { number, text: `Step ${number}`, status: 'done', durationSeconds: 10, note: undefined, exitCode: undefined, outputTail: [], ...fields };
}

/** A recovered drill with every optional key and two steps (the first run with `--exec`). */
export const SAMPLE_DRILL: DrillRecord = {
  runbook: 'database/primary-down',
  runbookCommit: '1a2b3c4',
  environment: 'staging',
  operator: 'Ada Lovelace',
  started: '2026-12-05T01:02:03Z',
  ended: '2026-12-05T01:14:08Z',
  outcome: 'recovered',
  timeToRecoverSeconds: 725,
  steps: [drillStep(1, { note: 'slow', exitCode: 0 }), drillStep(2, { status: 'skipped' })],
};
