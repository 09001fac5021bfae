/**
 * The table of contents of a runbook page: the panel's sections (recovery steps, escalation, links,
 * dates, drills when the collection keeps drill records) and the headings the body still shows, H3 under the H2 before it. Every anchor is one the
 * page has: the panel's fixed ids and the ids the body's headings were given, which are the anchors
 * `check` reads (parse/render-body.ts), so the text comes from the runbook's headings by anchor.
 */
import type { BodyPiece, Heading } from '../model/runbook.js';

/** One entry: the anchor it leads to, its text, and the entries under it. */
export interface TocEntry {
  readonly anchor: string;
  readonly text: string;
  readonly children: readonly TocEntry[];
}

/**
 * The ids of the panel's sections on the runbook page (templates/runbook.hbs). Capitals, so that no
 * heading of the body can take one: heading ids are slugs, always lower-case (a body's
 * `## Rb escalation` is `rb-escalation`). The layout's `RB-main` is written the same way.
 */
const PANEL_ANCHORS = { recovery: 'RB-recovery-steps', escalation: 'RB-escalation', links: 'RB-links', dates: 'RB-dates', drills: 'RB-drills' } as const;

/** Headings deeper than this stay out of the table of contents. */
const DEEPEST = 3;

/** The panel's sections, then the body's headings (shown apart: the body may have its own "Escalation"). */
export interface Toc {
  readonly panel: readonly TocEntry[];
  readonly body: readonly TocEntry[];
}

export function runbookToc(body: readonly BodyPiece[], headings: readonly Heading[], hasLinks: boolean, hasDrills: boolean): Toc {
  const panel: TocEntry[] = [
    { anchor: PANEL_ANCHORS.recovery, text: 'Recovery steps', children: [] },
    { anchor: PANEL_ANCHORS.escalation, text: 'Escalation', children: [] },
    ...(hasLinks ? [{ anchor: PANEL_ANCHORS.links, text: 'Links', children: [] }] : []),
    { anchor: PANEL_ANCHORS.dates, text: 'Dates', children: [] },
    ...(hasDrills ? [{ anchor: PANEL_ANCHORS.drills, text: 'Drills', children: [] }] : []),
  ];
  const textOf = new Map(headings.map((heading) => [heading.slug, heading.text]));
  const entries: { anchor: string; text: string; depth: number; children: TocEntry[] }[] = [];
  for (const piece of body) {
    if (piece.kind !== 'heading' || piece.depth > DEEPEST) continue;
    const text = textOf.get(piece.slug);
    if (piece.slug === '' || text === undefined || text === '') continue;
    const parent = entries.at(-1);
    if (piece.depth === DEEPEST && parent !== undefined && parent.depth < DEEPEST) parent.children.push({ anchor: piece.slug, text, children: [] });
    else entries.push({ anchor: piece.slug, text, depth: piece.depth, children: [] });
  }
  return { panel, body: entries.map(({ anchor, text, children }) => ({ anchor, text, children })) };
}
