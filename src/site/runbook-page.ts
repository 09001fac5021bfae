/** The view model of a runbook's page, its search document, and the row every listing shows of it. */
import { compareDiagnostics } from '../model/diagnostic.js';
import type { BodyPiece, RenderedBody } from '../model/runbook.js';
import { relativeUrl } from '../model/site-paths.js';
import { teamOf } from '../model/team-lookup.js';
import type { AlertView, CollectionView, RunbookView } from '../view/collection-view.js';
import { lastTestedText } from '../view/review.js';
import { messageHtml } from './message-html.js';
import { runbookDrillsSection } from './drill-section.js';
import { recoveryPanel } from './recovery-panel.js';
import { resolveLinks } from './resolve-links.js';
import { runbookToc } from './runbook-toc.js';
import type { SearchDocument, SiteFile } from './search-document.js';
import type { PageRenderer } from './templates.js';

/** What the search index knows of one runbook. */
export function searchDocument(entry: RunbookView, rendered: RenderedBody | undefined): SearchDocument {
  const { runbook } = entry;
  return {
    id: runbook.id,
    url: entry.page,
    title: runbook.title,
    alerts: runbook.alerts.map((alert) => alert.value),
    service: entry.service,
    owner: entry.owner,
    severity: entry.severity?.id,
    status: entry.status.label,
    tags: runbook.tags,
    headings: runbook.headings.map((heading) => heading.text),
    text: rendered?.kind === 'rendered' ? rendered.text : '',
  };
}

export function runbookPage(
  entry: RunbookView,
  rendered: RenderedBody | undefined,
  data: CollectionView,
  render: PageRenderer,
  scripts: readonly string[],
): SiteFile {
  const { runbook, status, page } = entry;
  const shown = rendered?.kind === 'rendered' ? withoutTitleHeading(rendered.pieces, runbook.title) : { pieces: [], anchor: undefined };
  const { panel, body: rest, anchor: recoveryAnchor } = recoveryPanel(entry, shown.pieces, rendered);
  const links = { pagePath: page, pageOfFile: (path: string) => data.pageOfFile.get(path) };
  const body = rendered?.kind === 'rendered' ? resolveLinks(rest, runbook, links) : '';
  const drills = runbookDrillsSection(entry, data);
  const found = (ruleId: string): boolean => status.problems.some((problem) => problem.ruleId === ruleId);
  const banner =
    status.kind === 'stale'
      ? `Stale: the recovery steps were last tested ${status.lastTested ?? '?'} and were due ${status.due ?? '?'}. They may no longer work.`
      : status.kind === 'never-tested'
        ? 'Never tested: these recovery steps have never been exercised.'
        : status.kind === 'incomplete' && status.problems.length > 0
          ? 'Incomplete: this runbook has problems.'
          : status.kind === 'due-soon'
            ? `Review due ${status.due ?? ''}.`
            : undefined;
  return render({
    template: 'runbook',
    path: page,
    title: runbook.title,
    page: 'runbook',
    scripts,
    data: {
      ...rowOf(entry, page, data),
      id: runbook.id,
      alertLinks: entry.alerts.map((name) => ({ name, href: alertHref(name, page, data) })),
      toc: runbookToc(rest, runbook.headings, runbook.links.length > 0, drills !== undefined),
      titleAnchor: shown.anchor,
      file: runbook.file,
      steps: panel.kind === 'steps' ? panel.steps : [],
      recoveryAnchor,
      recoveryHeading: panel.kind === 'section' ? panel.heading : undefined,
      recoveryHtml: panel.kind === 'section' ? ('pieces' in panel.content ? resolveLinks(panel.content.pieces, runbook, links) : panel.content.html) : undefined,
      notNumbered: panel.kind === 'section' && !panel.numbered && !panel.numberedHeadings,
      numberedHeadings: panel.kind === 'section' && panel.numberedHeadings,
      noStepsAlarm: found('no-recovery-steps'),
      noEscalationAlarm: found('no-escalation'),
      contacts: entry.escalation.contacts,
      contactsFrom: entry.escalation.source === 'runbook' ? undefined : teamOf(entry.owner, data.config)?.name,
      chat: entry.team?.chat,
      links: runbook.links,
      banner,
      problems: banner === undefined ? [] : [...status.problems].sort(compareDiagnostics).map((problem) => ({ ...problem, messageHtml: messageHtml(problem.message), line: problem.span.start.line, column: problem.span.start.column })),
      lastTestedText: lastTestedText(entry.review),
      lastEdited: entry.lastEdited,
      drills,
      body,
    },
  });
}

/** The alert pages by alert name, once per collection (a runbook page links its alert chips to them). */
const alertPagesOf = new WeakMap<CollectionView, ReadonlyMap<string, AlertView>>();

/** The link from `fromPage` to the alert page of `name` (the site plan's path), or undefined when the site has none. */
function alertHref(name: string, fromPage: string, data: CollectionView): string | undefined {
  let byName = alertPagesOf.get(data);
  if (byName === undefined) {
    byName = new Map(data.alerts.map((alert) => [alert.name, alert]));
    alertPagesOf.set(data, byName);
  }
  const path = byName.get(name)?.pages[0];
  return path === undefined ? undefined : relativeUrl(fromPage, path);
}

/**
 * The body without its opening H1 when that stands for the title (the page shows the title as its
 * heading), and the anchor the left-out H1 had, which the page's header takes over so that links to
 * it still lead somewhere. An H1 stands for the title when it says the same in other spacing, case or
 * punctuation (`KubePodCrashLooping` for `Kube Pod Crash Looping`).
 */
function withoutTitleHeading(pieces: readonly BodyPiece[], title: string): { readonly pieces: readonly BodyPiece[]; readonly anchor: string | undefined } {
  const opening = pieces.find((piece) => piece.kind === 'opening-h1');
  if (opening === undefined || !standsFor(opening.text, title)) return { pieces, anchor: undefined };
  // The id the body gave it (parse/render-body.ts); a heading written as raw HTML has none.
  return { pieces: pieces.filter((piece) => piece !== opening), anchor: /^<h1 id="([^"]+)"/.exec(opening.html)?.[1] };
}

function standsFor(heading: string, title: string): boolean {
  const key = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return heading.trim() === title.trim() || (key(heading) !== '' && key(heading) === key(title));
}

/** The fields every listing of a runbook shows, with links relative to `fromPage`. */
export function rowOf(entry: RunbookView, fromPage: string, data: CollectionView) {
  const team = data.teams.find((group) => group.key === entry.owner);
  const service = data.services.find((group) => group.key === entry.service);
  return {
    title: entry.runbook.title,
    href: relativeUrl(fromPage, entry.page),
    alerts: entry.alerts,
    owner: entry.owner,
    service: entry.service,
    teamHref: team === undefined ? undefined : relativeUrl(fromPage, team.page),
    serviceHref: service === undefined ? undefined : relativeUrl(fromPage, service.page),
    severity: entry.severity,
    status: entry.status,
  };
}

