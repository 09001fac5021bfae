/**
 * The cheat sheet of a team or a service: what an on-call engineer needs on one or two printed
 * pages, most severe runbook first. Every format (html, md, txt, pdf) renders this one value, so the
 * formats cannot disagree about what is on the sheet.
 */
import type { CalendarDate } from '../model/calendar-date.js';
import { formatCalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { SourceCommit } from '../model/source-commit.js';
import { teamOf } from '../model/team-lookup.js';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { Blocks, Inlines } from '../model/prose.js';
import type { Contact } from '../model/runbook.js';
import type { Group, CollectionView, RunbookView } from '../view/collection-view.js';
import { typicalRecoveryText } from '../view/drills.js';
import type { StatusKind } from '../view/status.js';
import { blockLines, partsShown, runbookFrame, runbookSpace, stepLines } from './sheet-space.js';

/**
 * How many recovery steps (or blocks of a recovery written as prose) every runbook on a sheet shows
 * at least; more when the sheet's two pages have room (see `partsShown`), most severe runbook first.
 */
export const MIN_STEPS = 5;

/** When and from what a sheet was made: a date, not a time, so a day's sheets are byte-identical. */
export interface Provenance {
  readonly today: CalendarDate;
  readonly commit: SourceCommit;
}

/** One recovery step as printed: what to do (plain, and with its formatting), the command, what to expect. */
export interface SheetStep {
  readonly text: string;
  readonly textInlines: Inlines;
  readonly run?: string;
  readonly expectInlines?: Inlines;
}

/** A recovery section written as prose, not numbered steps: its heading and the blocks that fit. */
export interface SheetProse {
  readonly heading: string;
  /** A section without a numbered list, or numbered headings (every heading in `blocks`). */
  readonly form: 'section' | 'numbered-headings';
  readonly blocks: Blocks;
  /** How many blocks are left out. */
  readonly moreBlocks: number;
}

/** Who to call and where to talk: a team as the header of a sheet shows it. */
export interface SheetTeam {
  readonly key: string;
  readonly name: string;
  readonly chat: string | undefined;
  readonly contacts: readonly Contact[];
}

/** Where the full runbook is: what to print, and the site page for links inside the site. */
export interface RunbookLink {
  /**
   * What works on paper: `<baseUrl>/runbooks/<id>/` when the site's URL is known, else the runbook's
   * file as a path in the repository (from the config file's folder: `content/runbooks/x/Y.md`).
   */
  readonly url: string;
  /** The page inside the site: `runbooks/<id>/index.html`. */
  readonly page: string;
}

/** One runbook on a sheet. */
export interface SheetRunbook {
  readonly id: string;
  readonly title: string;
  /** The severity and its rank (0 = most severe). */
  readonly severity: { readonly id: string; readonly rank: number } | undefined;
  readonly alerts: readonly string[];
  readonly status: StatusKind;
  /** The status in words, with the dates that matter (see {@link statusText}). */
  readonly statusText: string;
  /** Stale or never tested: the steps may not work, and the sheet says so loudly. */
  readonly flagged: boolean;
  /** `typically recovered in 12 min (last 3 drills)`, when drills recovered (see `typicalRecoveryText`). */
  readonly recovered?: string;
  /** The steps that fit (at least {@link MIN_STEPS}). */
  readonly steps: readonly SheetStep[];
  /** How many steps are left out. */
  readonly moreSteps: number;
  /** The recovery as written, when it is prose and there are no steps. */
  readonly prose?: SheetProse;
  /** The runbook's own escalation list, when it differs from its team's (which the header shows). */
  readonly escalation: readonly Contact[];
  readonly link: RunbookLink;
}

/** A finished cheat sheet. */
export interface CheatSheet {
  readonly kind: 'team' | 'service';
  /** Team id or service name, as written in the runbooks. */
  readonly key: string;
  /** The name to show: the team's name from the config, or the service. */
  readonly name: string;
  /** File name without extension, safe and unique among the sheets (`platform`). */
  readonly slug: string;
  /** The group's page in the site: `teams/<team>/index.html`. */
  readonly page: string;
  /** The team, or for a service the teams owning its runbooks: their chat and escalation. */
  readonly teams: readonly SheetTeam[];
  readonly runbooks: readonly SheetRunbook[];
  /** `YYYY-MM-DD`. */
  readonly generated: string;
  readonly commit: SourceCommit;
}

/** Which sheets to make. */
export type SheetSelection =
  | { readonly kind: 'every-team' }
  | { readonly kind: 'team'; readonly wanted: string }
  | { readonly kind: 'every-service' }
  | { readonly kind: 'service'; readonly wanted: string };

/** The sheets selected, or the name that matched nothing with the names that exist. */
export type SelectedSheets =
  | { readonly kind: 'sheets'; readonly sheets: readonly CheatSheet[] }
  | { readonly kind: 'not-found'; readonly wanted: string; readonly of: 'team' | 'service'; readonly available: readonly string[] };

/**
 * Makes the selected cheat sheets from the site's data (which already has every runbook's status,
 * its page, and the groups sorted most severe first). A `wanted` team matches its id, or its name
 * ignoring case.
 */
export function cheatSheets(data: CollectionView, selection: SheetSelection, provenance: Provenance): SelectedSheets {
  const of = selection.kind === 'team' || selection.kind === 'every-team' ? 'team' : 'service';
  const groups = of === 'team' ? data.teams : data.services;
  let chosen: readonly Group[] = groups;
  if (selection.kind === 'team' || selection.kind === 'service') {
    const wanted = selection.wanted;
    const match = groups.find((group) => group.key === wanted) ?? groups.find((group) => group.key.toLowerCase() === wanted.toLowerCase() || group.name.toLowerCase() === wanted.toLowerCase());
    if (match === undefined) return { kind: 'not-found', wanted, of, available: groups.map((group) => group.key) };
    chosen = [match];
  }
  const generated = formatCalendarDate(provenance.today);
  return {
    kind: 'sheets',
    sheets: chosen.map((group): CheatSheet => {
      const teams = of === 'team' ? [sheetTeam(group.key, data.config)] : owningTeams(group, data.config);
      return {
        kind: of,
        key: group.key,
        name: group.name,
        slug: slugOf(group.page),
        page: group.page,
        teams,
        runbooks: fitted(group.runbooks.map((entry) => sheetRunbook(entry, teams, data.config)), teams.length),
        generated,
        commit: provenance.commit,
      };
    }),
  };
}

/** The status in words: `Fresh, tested 2026-11-12`, `STALE (last tested 2026-03-18, due 2026-09-18): …`. */
function statusText(kind: StatusKind, lastTested: string | undefined, due: string | undefined): string {
  switch (kind) {
    case 'stale':
      return `STALE (last tested ${lastTested ?? 'unknown'}, due ${due ?? 'unknown'}): the steps may no longer work`;
    case 'never-tested':
      return 'NEVER TESTED: the steps have never been exercised';
    case 'incomplete':
      return lastTested === undefined ? 'Incomplete (see the full runbook)' : `Incomplete (see the full runbook), tested ${lastTested}`;
    case 'untracked':
      return lastTested === undefined ? 'Not tracked (no test date)' : `Not tracked, tested ${lastTested}`;
    case 'due-soon':
      return `Due soon: tested ${lastTested ?? 'unknown'}, review due ${due ?? 'unknown'}`;
    case 'fresh':
      return `Fresh, tested ${lastTested ?? 'unknown'}`;
  }
}

/** The note under a runbook whose steps did not all fit. */
export function moreStepsNote(count: number): string {
  return `+${count} more step${count === 1 ? '' : 's'}: see the full runbook`;
}

/** The note under a recovery written as prose whose blocks did not all fit. */
export function moreBlocksNote(count: number): string {
  return `+${count} more paragraph${count === 1 ? '' : 's'}: see the full runbook`;
}

/** The quiet note above a recovery written as prose: its steps are not numbered (or are numbered headings). */
export function proseNote(prose: Pick<SheetProse, 'heading' | 'form'>): string {
  return prose.form === 'numbered-headings' ? "The runbook's numbered sections, as written." : `Steps not numbered: the ${prose.heading} section, as written.`;
}

/** What a sheet says for a runbook without recovery steps. */
export const NO_STEPS_NOTE = 'No recovery steps are written down: read the full runbook and escalate early.';

/** The commit as printed: the short hash, or `unknown`. */
export function commitText(commit: SourceCommit): string {
  return commit.kind === 'known' ? commit.short : 'unknown';
}

/** A contact in one line: `Platform on-call (primary): pager platform-primary`. */
export function contactText(contact: Contact): string {
  return `${contact.name}: ${contact.via} ${contact.target}`;
}

/** The runbooks with the steps (or blocks of prose) that fit on the sheet's pages, the rest counted. */
function fitted(runbooks: readonly SheetRunbook[], teams: number): readonly SheetRunbook[] {
  const parts = runbooks.map((runbook) => (runbook.prose === undefined ? runbook.steps.map(stepLines) : runbook.prose.blocks.map(blockLines)));
  const shown = partsShown(runbooks.map(runbookFrame), parts, runbookSpace(teams), MIN_STEPS);
  return runbooks.map((runbook, index) => {
    const count = shown[index] ?? 0;
    if (runbook.prose !== undefined) return { ...runbook, prose: { ...runbook.prose, blocks: runbook.prose.blocks.slice(0, count), moreBlocks: runbook.prose.blocks.length - count } };
    return { ...runbook, steps: runbook.steps.slice(0, count), moreSteps: runbook.steps.length - count };
  });
}

/** The runbook's file as a path from the config file's folder (its repository), or as shown when outside it. */
function repositoryPath(entry: RunbookView, config: Config): string {
  const folder = config.source.kind === 'file' ? dirname(config.source.path) : config.alerts.base;
  const path = relative(folder, entry.runbook.path).split(sep).join('/');
  return path === '' || path.startsWith('../') || isAbsolute(path) ? entry.runbook.file : path;
}

/** A runbook with every step (and its prose); `fitted` then keeps what the pages hold. */
function sheetRunbook(entry: RunbookView, teams: readonly SheetTeam[], config: Config): SheetRunbook {
  const { runbook, status, steps } = entry;
  const ownTeam = teams.find((team) => team.key === entry.owner);
  // The header shows the team's list; a runbook's own list is printed only where it differs.
  const escalation = entry.escalation.source === 'runbook' && !sameContacts(entry.escalation.contacts, ownTeam?.contacts ?? []) ? entry.escalation.contacts : [];
  return {
    id: runbook.id,
    title: runbook.title,
    severity: entry.severity,
    alerts: entry.alerts,
    status: status.kind,
    statusText: statusText(status.kind, status.lastTested, status.due),
    flagged: status.kind === 'stale' || status.kind === 'never-tested',
    ...(entry.drills.typical === undefined ? {} : { recovered: typicalRecoveryText(entry.drills.typical) }),
    steps: steps.map(
      (step): SheetStep => ({
        text: step.text,
        textInlines: step.textInlines,
        ...(step.run === undefined ? {} : { run: step.run }),
        ...(step.expectInlines === undefined ? {} : { expectInlines: step.expectInlines }),
      }),
    ),
    moreSteps: 0,
    ...(entry.recoveryProse === undefined || steps.length > 0 ? {} : { prose: { heading: entry.recoveryProse.heading, form: entry.recoveryProse.form, blocks: entry.recoveryProse.blocks, moreBlocks: 0 } }),
    escalation,
    link: { url: entry.url ?? repositoryPath(entry, config), page: entry.page },
  };
}

function sheetTeam(key: string, config: Config): SheetTeam {
  const team = teamOf(key, config);
  return { key, name: team?.name ?? key, chat: team?.chat, contacts: team?.escalation ?? [] };
}

/** The teams owning a service's runbooks, in the order their runbooks appear (most severe first). */
function owningTeams(group: Group, config: Config): readonly SheetTeam[] {
  const owners = [...new Set(group.runbooks.flatMap((entry) => (entry.owner === undefined ? [] : [entry.owner])))];
  return owners.map((owner) => sheetTeam(owner, config));
}

function sameContacts(a: readonly Contact[], b: readonly Contact[]): boolean {
  return a.length === b.length && a.every((contact, index) => contactText(contact) === contactText(b[index] ?? { name: '', via: '', target: '' }));
}

/** `teams/platform/index.html` → `platform`. */
function slugOf(page: string): string {
  const parts = page.split('/');
  return parts[parts.length - 2] ?? '_';
}
