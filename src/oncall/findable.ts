import type { Runbook } from '../model/runbook.js';

/** What finding a runbook looks at: its id, the file it is in, its title and the alerts it answers. */
export interface Findable {
  readonly id: string;
  /** The path as shown to users (relative to the working folder when inside it). */
  readonly file: string;
  readonly title: string;
  readonly alerts: readonly string[];
}

/** A runbook with what finding it looks at. */
export interface FindableRunbook extends Findable {
  readonly runbook: Runbook;
}

/** The findable view of each runbook. */
export function findablesOf(runbooks: readonly Runbook[]): readonly FindableRunbook[] {
  return runbooks.map((runbook) => ({ id: runbook.id, file: runbook.file, title: runbook.title, alerts: runbook.alerts.map((alert) => alert.value), runbook }));
}
