/**
 * `runbook due --format json`: a stable shape for scripts, with a `version` that changes only when
 * a field changes meaning or goes away (fields may be added). Documented in docs/ci.md.
 */
import { jsonText } from '../report/json-text.js';
import type { DueEntry, DueList } from './due-list.js';

/** The version of the shape below. */
export const DUE_JSON_VERSION = 1;

/** One runbook in the JSON output. */
export interface DueRunbookJson {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly severity: string | null;
  readonly state: DueEntry['kind'];
  /** `YYYY-MM-DD`, or `never`. */
  readonly lastTested: string;
  readonly due: string | null;
  /** Negative when overdue; null when never tested. */
  readonly daysLeft: number | null;
  readonly interval: string | null;
  readonly url: string | null;
}

/** The whole JSON document. */
export interface DueJson {
  readonly version: typeof DUE_JSON_VERSION;
  readonly today: string;
  readonly until: string;
  readonly within: string;
  readonly team: string | null;
  readonly counts: DueList['counts'];
  readonly teams: readonly { readonly id: string | null; readonly name: string; readonly runbooks: readonly DueRunbookJson[] }[];
}

/** The list as a JSON value. */
function dueJson(list: DueList): DueJson {
  return {
    version: DUE_JSON_VERSION,
    today: list.today,
    until: list.until,
    within: list.within,
    team: list.team?.id ?? null,
    counts: list.counts,
    teams: list.teams.map((team) => ({ id: team.id ?? null, name: team.name, runbooks: team.entries.map(runbookJson) })),
  };
}

function runbookJson(entry: DueEntry): DueRunbookJson {
  const view = entry.view;
  const dated = entry.kind === 'never-tested' ? undefined : entry.review;
  return {
    id: view.runbook.id,
    title: view.runbook.title,
    file: view.runbook.file,
    severity: view.severity?.id ?? null,
    state: entry.kind,
    lastTested: dated?.lastTested ?? 'never',
    due: dated?.due ?? null,
    daysLeft: dated?.daysLeft ?? null,
    interval: dated?.interval ?? null,
    url: view.url ?? null,
  };
}

/** The JSON text, safe to print. */
export function renderDueJson(list: DueList): string {
  return jsonText(dueJson(list));
}
