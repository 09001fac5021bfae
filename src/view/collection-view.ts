import type { CalendarDate } from '../model/calendar-date.js';
import { formatCalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Recovery, RecoveryStep, Runbook } from '../model/runbook.js';
import { teamOf } from '../model/team-lookup.js';
import type { GitFacts } from '../model/git-facts.js';
import { alertFolders } from '../model/alert-paths.js';
import { runbookFolders } from '../model/runbook-paths.js';
import { safeSegment, uniquePaths } from '../model/site-paths.js';
import { RULES } from '../check/registry.js';
import { reviewView, type ReviewView } from './review.js';
import { runbookStatus, type RunbookStatus } from './status.js';
import { escalationView, ownerView, type EscalationView, type OwnerView } from './team.js';
import type { DrillRecordFile } from '../model/drill.js';
import { collectionDrills, groupRecoveryTime, runbookDrills, type CollectionDrills, type RecoveryTime, type RunbookDrills } from './drills.js';

/**
 * A runbook's on-call view: every fact an output shows about it, computed once per run from the
 * runbook, its diagnostics and the config. Site pages, `catalog.json`, cheat sheets and `show`
 * render this value and derive none of these facts themselves, so they cannot disagree.
 */
export interface RunbookView {
  readonly runbook: Runbook;
  /** Status with its reasons (the runbook's check problems, errors first). */
  readonly status: RunbookStatus;
  /** Last tested, due date and days left, written out. */
  readonly review: ReviewView;
  /** `runbooks/<id>/index.html`. */
  readonly page: string;
  /** The same page at other paths (see `runbookFolders`): `runbooks/<id in lower case>/index.html` when it has one. */
  readonly variants: readonly string[];
  /** `<base_url>/runbooks/<id>/` when the site's URL is known. */
  readonly url: string | undefined;
  /** Where it is on the site: `url` when known, else the path from the site's root (`runbooks/<id>/`). */
  readonly link: string;
  /** The owner's team id, as written. */
  readonly owner: string | undefined;
  /** The owning team as the config names it. */
  readonly team: OwnerView | undefined;
  readonly service: string | undefined;
  readonly severity: { readonly id: string; readonly rank: number } | undefined;
  readonly alerts: readonly string[];
  /** Whom to call, in order. */
  readonly escalation: EscalationView;
  /** The recovery steps, each with its text and what to expect as written (`textInlines`, `expectInlines`). */
  readonly steps: readonly RecoveryStep[];
  /** The recovery section as written (heading, anchor slug, blocks) when the runbook has no steps but that section. */
  readonly recoveryProse: RecoveryProse | undefined;
  /** Errors and warnings of its file besides the staleness the status shows. */
  readonly problemCount: number;
  readonly lastEdited: string | undefined;
  /** Its drills from the drill records: history newest first, the latest, the typical time to recover. */
  readonly drills: RunbookDrills;
}

/** A recovery section written as prose, not numbered steps. */
export type RecoveryProse = Extract<Recovery, { readonly source: 'prose' }>;

/** Rules whose findings the status itself shows (not counted as problems besides it). */
const STATUS_RULES: ReadonlySet<string> = new Set(['stale', 'never-tested', 'due-soon']);

/** Each rule's default severity, for telling whether a rule the config does not name is on. */
const DEFAULT_SETTINGS: ReadonlyMap<string, string> = new Map(RULES.map((rule) => [rule.id, rule.defaultSeverity]));

/** A team or service and the runbooks under it. */
export interface Group {
  readonly key: string;
  readonly name: string;
  readonly page: string;
  readonly runbooks: readonly RunbookView[];
  /** The median time to recover over its runbooks' latest recovered drills (see `groupRecoveryTime`). */
  readonly recovery: RecoveryTime | undefined;
}

/** An alert and the runbook that answers it. */
export interface AlertView {
  readonly name: string;
  /** Pages of this alert (see `alertFolders`): its own first, then the lower-case variant when it has one. */
  readonly pages: readonly string[];
  readonly runbook: RunbookView;
}

/** Everything the pages are made from, computed once. */
export interface CollectionView {
  readonly config: Config;
  readonly runbooks: readonly RunbookView[];
  readonly teams: readonly Group[];
  readonly services: readonly Group[];
  readonly alerts: readonly AlertView[];
  readonly pageOfFile: ReadonlyMap<string, string>;
  /** Recent drills and what falls due next (the Drills page). */
  readonly drills: CollectionDrills;
}

/**
 * Derives the site's data: status of every runbook, unique safe page paths, and the team, service
 * and alert indexes. Sorted everywhere, so the output is deterministic.
 */
export function collectionView(
  runbooks: readonly Runbook[],
  diagnostics: readonly Diagnostic[],
  config: Config,
  today: CalendarDate,
  git: GitFacts,
  /** The ids of the whole collection, when `runbooks` is only part of it (`show`): colliding page paths are made unique among all. */
  allIds: readonly string[] = runbooks.map((runbook) => runbook.id),
  /** The valid drill records (`Project.drills`); those of runbooks not in `runbooks` are left out. */
  drills: readonly DrillRecordFile[] = [],
): CollectionView {
  const drillsOf = new Map<string, DrillRecordFile[]>();
  for (const file of drills) {
    const list = drillsOf.get(file.record.runbook);
    if (list === undefined) drillsOf.set(file.record.runbook, [file]);
    else list.push(file);
  }
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list === undefined) byFile.set(diagnostic.file, [diagnostic]);
    else list.push(diagnostic);
  }
  const pages = runbookFolders(allIds);
  const sorted = [...runbooks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const siteRunbooks = sorted.map((runbook): RunbookView => {
    const edited = git.kind === 'repository' ? git.lastEdited.get(runbook.path) : undefined;
    const own = byFile.get(runbook.file) ?? [];
    const review = reviewView(runbook, today);
    const [folder = 'runbooks/_', ...variants] = pages.get(runbook.id) ?? [];
    const url = siteUrl(`${folder}/`, config.site.baseUrl);
    return {
      runbook,
      // A rule is on for this runbook as its settings say (the config's `overrides` applied).
      status: runbookStatus(review, own, config, (id) => (Object.hasOwn(runbook.settings.rules, id) ? runbook.settings.rules[id] : DEFAULT_SETTINGS.get(id)) !== 'off'),
      review,
      page: `${folder}/index.html`,
      variants: variants.map((variant) => `${variant}/index.html`),
      url,
      link: url ?? `${folder}/`,
      owner: runbook.owner.kind === 'given' ? runbook.owner.value : undefined,
      team: ownerView(runbook, config),
      service: runbook.service.kind === 'given' ? runbook.service.value : undefined,
      severity: runbook.severity.kind === 'given' ? { id: runbook.severity.value.id, rank: runbook.severity.value.rank } : undefined,
      alerts: runbook.alerts.map((alert) => alert.value),
      escalation: escalationView(runbook, config),
      steps: runbook.recovery.source === 'frontmatter' || runbook.recovery.source === 'body' ? runbook.recovery.steps : [],
      recoveryProse: runbook.recovery.source === 'prose' ? runbook.recovery : undefined,
      problemCount: own.filter((diagnostic) => diagnostic.severity !== 'info' && !STATUS_RULES.has(diagnostic.ruleId)).length,
      lastEdited: edited === undefined ? undefined : formatCalendarDate(edited),
      drills: runbookDrills(drillsOf.get(runbook.id) ?? []),
    };
  });
  const teams = groups(siteRunbooks, (entry) => entry.owner, 'teams', (key) => teamOf(key, config)?.name ?? key);
  const services = groups(siteRunbooks, (entry) => entry.service, 'services', (key) => key);
  const alerts = siteAlerts(siteRunbooks);
  return {
    config,
    runbooks: siteRunbooks,
    teams,
    services,
    alerts,
    pageOfFile: new Map(siteRunbooks.map((entry) => [entry.runbook.path, entry.page])),
    drills: collectionDrills(siteRunbooks),
  };
}

function groups(entries: readonly RunbookView[], keyOf: (entry: RunbookView) => string | undefined, folder: string, nameOf: (key: string) => string): readonly Group[] {
  const byKey = new Map<string, RunbookView[]>();
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
    recovery: groupRecoveryTime((byKey.get(key) ?? []).map((entry) => entry.drills)),
  }));
}

/** Most severe first, then by title. */
function bySeverity(entries: readonly RunbookView[]): readonly RunbookView[] {
  return [...entries].sort(
    (a, b) => (a.severity?.rank ?? 99) - (b.severity?.rank ?? 99) || (a.runbook.title < b.runbook.title ? -1 : a.runbook.title > b.runbook.title ? 1 : 0),
  );
}

function siteAlerts(entries: readonly RunbookView[]): readonly AlertView[] {
  const claims = new Map<string, RunbookView>();
  for (const entry of entries) {
    for (const alert of entry.runbook.alerts) if (!claims.has(alert.value)) claims.set(alert.value, entry);
  }
  const folders = alertFolders(claims.keys());
  return [...folders].flatMap(([name, paths]) => {
    const runbook = claims.get(name);
    return runbook === undefined ? [] : [{ name, pages: paths.map((path) => `${path}/index.html`), runbook }];
  });
}

/** A site path as an absolute URL under the site's base URL; undefined when that is not known. */
export function siteUrl(path: string, baseUrl: string | undefined): string | undefined {
  return baseUrl === undefined ? undefined : new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
