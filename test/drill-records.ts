/** Drill records made in tests: the values `Project.drills` holds, without files. */
import type { DrillOutcome, DrillRecordFile } from '../src/model/drill.js';
import { formatInstant } from '../src/model/drill.js';
import type { Config } from '../src/model/config.js';
import type { Runbook } from '../src/model/runbook.js';
import { defaultConfig } from '../src/parse/config.js';
import { parseRunbook } from '../src/parse/runbook.js';

/** A drill of `runbook` started at `started` (`YYYY-MM-DDTHH:MM:SSZ`) that took `seconds`. */
export function drillFile(
  runbook: string,
  started: string,
  outcome: DrillOutcome,
  seconds: number,
  more: { readonly environment?: string; readonly operator?: string } = {},
): DrillRecordFile {
  const ended = formatInstant(new Date(Date.parse(started) + seconds * 1000));
  const day = started.slice(0, 10);
  return {
    path: `/repo/drills/${runbook}/${day}.md`,
    file: `drills/${runbook}/${day}.md`,
    record: {
      runbook,
      runbookCommit: undefined,
      environment: more.environment ?? 'staging',
      operator: more.operator ?? 'Ada Lovelace',
      started,
      ended,
      outcome,
      timeToRecoverSeconds: outcome === 'recovered' ? seconds : undefined,
      steps: [],
    },
  };
}

/** A runbook of id `id` parsed from `text`. */
export function runbookWithId(id: string, text: string, config: Config = defaultConfig('/runbooks')): Runbook {
  const loaded = parseRunbook({ id, file: `${id}.md`, path: `/runbooks/${id}.md`, bytes: new TextEncoder().encode(text) }, config);
  if (loaded.kind !== 'runbook') throw new Error(`expected a runbook, got: ${loaded.reason}`);
  return loaded.runbook;
}
