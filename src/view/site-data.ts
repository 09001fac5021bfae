import type { CalendarDate } from '../model/calendar-date.js';
import { formatCalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';
import type { GitFacts } from '../model/git-facts.js';
import { alertFolders } from '../model/alert-paths.js';
import { safeIdPath, safeSegment, uniquePaths } from '../model/site-paths.js';
import { runbookStatus, type RunbookStatus } from './status.js';

/** One runbook as the site shows it: the runbook, its status, and where its pages are. */
export interface SiteRunbook {
  readonly runbook: Runbook;
  readonly status: RunbookStatus;
  /** `runbooks/<id>/index.html`. */
  readonly page: string;
  readonly owner: string | undefined;
  readonly service: string | undefined;
  readonly severity: { readonly id: string; readonly rank: number } | undefined;
  readonly lastEdited: string | undefined;
}

/** A team or service and the runbooks under it. */
export interface Group {
  readonly key: string;
  readonly name: string;
  readonly page: string;
  readonly runbooks: readonly SiteRunbook[];
}

/** An alert and the runbook that answers it. */
export interface SiteAlert {
  readonly name: string;
  /** Pages of this alert (see `alertFolders`): its own first, then the lower-case variant when it has one. */
  readonly pages: readonly string[];
  readonly runbook: SiteRunbook;
}

/** Everything the pages are made from, computed once. */
export interface SiteData {
  readonly config: Config;
  readonly runbooks: readonly SiteRunbook[];
  readonly teams: readonly Group[];
  readonly services: readonly Group[];
  readonly alerts: readonly SiteAlert[];
  readonly pageOfFile: ReadonlyMap<string, string>;
}

/**
 * Derives the site's data: status of every runbook, unique safe page paths, and the team, service
 * and alert indexes. Sorted everywhere, so the output is deterministic.
 */
export function siteData(runbooks: readonly Runbook[], diagnostics: readonly Diagnostic[], config: Config, today: CalendarDate, git: GitFacts): SiteData {
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list === undefined) byFile.set(diagnostic.file, [diagnostic]);
    else list.push(diagnostic);
  }
  const pages = uniquePaths(runbooks.map((runbook) => runbook.id), (id) => `runbooks/${safeIdPath(id)}`);
  const sorted = [...runbooks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const siteRunbooks = sorted.map((runbook): SiteRunbook => {
    const edited = git.kind === 'repository' ? git.lastEdited.get(runbook.path) : undefined;
    return {
      runbook,
      status: runbookStatus(runbook, byFile.get(runbook.file) ?? [], config, today),
      page: `${pages.get(runbook.id) ?? 'runbooks/_'}/index.html`,
      owner: runbook.owner.kind === 'given' ? runbook.owner.value : undefined,
      service: runbook.service.kind === 'given' ? runbook.service.value : undefined,
      severity: runbook.severity.kind === 'given' ? { id: runbook.severity.value.id, rank: runbook.severity.value.rank } : undefined,
      lastEdited: edited === undefined ? undefined : formatCalendarDate(edited),
    };
  });
  const teams = groups(siteRunbooks, (entry) => entry.owner, 'teams', (key) => {
    const team = config.teams.kind === 'listed' ? config.teams.byId.get(key) : undefined;
    return team?.name ?? key;
  });
  const services = groups(siteRunbooks, (entry) => entry.service, 'services', (key) => key);
  const alerts = siteAlerts(siteRunbooks);
  return {
    config,
    runbooks: siteRunbooks,
    teams,
    services,
    alerts,
    pageOfFile: new Map(siteRunbooks.map((entry) => [entry.runbook.path, entry.page])),
  };
}

function groups(entries: readonly SiteRunbook[], keyOf: (entry: SiteRunbook) => string | undefined, folder: string, nameOf: (key: string) => string): readonly Group[] {
  const byKey = new Map<string, SiteRunbook[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === undefined) continue;
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [entry]);
    else group.push(entry);
  }
  const paths = uniquePaths([...byKey.keys()], (key) => `${folder}/${safeSegment(key)}`);
  return [...byKey.keys()].sort().map((key) => ({
    key,
    name: nameOf(key),
    page: `${paths.get(key) ?? `${folder}/_`}/index.html`,
    runbooks: bySeverity(byKey.get(key) ?? []),
  }));
}

/** Most severe first, then by title. */
export function bySeverity(entries: readonly SiteRunbook[]): readonly SiteRunbook[] {
  return [...entries].sort(
    (a, b) => (a.severity?.rank ?? 99) - (b.severity?.rank ?? 99) || (a.runbook.title < b.runbook.title ? -1 : a.runbook.title > b.runbook.title ? 1 : 0),
  );
}

function siteAlerts(entries: readonly SiteRunbook[]): readonly SiteAlert[] {
  const claims = new Map<string, SiteRunbook>();
  for (const entry of entries) {
    for (const alert of entry.runbook.alerts) if (!claims.has(alert.value)) claims.set(alert.value, entry);
  }
  const folders = alertFolders(claims.keys());
  return [...folders].flatMap(([name, paths]) => {
    const runbook = claims.get(name);
    return runbook === undefined ? [] : [{ name, pages: paths.map((path) => `${path}/index.html`), runbook }];
  });
}
