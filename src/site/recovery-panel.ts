/**
 * The recovery panel of a runbook page, and the body it leaves: the page shows the recovery once.
 * Steps from the frontmatter are rendered from the model. Steps from a numbered list in the body,
 * and a recovery section written as prose, are that section of the body itself, moved into the
 * panel (as written and sanitised, relative links pointed at pages like the rest of the body): the
 * body no longer prints it, and the panel takes over the section's anchor so links to it still work.
 * When the section cannot be found among the body's pieces, the panel renders it from the model and
 * the body keeps it.
 */
import { blocksHtml, inlinesHtml } from '../cheatsheet/prose-html.js';
import type { BodyPiece, RenderedBody } from '../model/runbook.js';
import type { RunbookView } from '../view/collection-view.js';

/** A step as the panel shows it: text, command, what to expect, in that order. */
export interface PanelStep {
  readonly textHtml: string;
  readonly run: string | undefined;
  readonly expectHtml: string | undefined;
}

/** What the panel shows. */
export type Panel =
  | { readonly kind: 'steps'; readonly steps: readonly PanelStep[] }
  /** The recovery section as written: moved from the body (`pieces`) or rendered from the model (`html`). */
  | {
      readonly kind: 'section';
      readonly heading: string;
      readonly numbered: boolean;
      /** Written as numbered headings (`## 1. …`, `## 2. …`): the first heading stays in the content, with its anchor. */
      readonly numberedHeadings: boolean;
      readonly content: { readonly pieces: readonly BodyPiece[] } | { readonly html: string };
    }
  | { readonly kind: 'none' };

/** The panel, the body's pieces without what moved into it, and the anchor the panel takes over. */
export interface PanelAndBody {
  readonly panel: Panel;
  readonly body: readonly BodyPiece[];
  readonly anchor: string | undefined;
}

/** The section named `recovery` by the config (see `sectionAliases`). */
const RECOVERY_SECTION = 'recovery';

export function recoveryPanel(entry: RunbookView, body: readonly BodyPiece[], rendered: RenderedBody | undefined): PanelAndBody {
  const { runbook } = entry;
  const recovery = runbook.recovery;
  const modelSteps = (): Panel => ({ kind: 'steps', steps: entry.steps.map(panelStep) });
  if (recovery.source === 'frontmatter') return { panel: modelSteps(), body, anchor: undefined };
  if (recovery.source === 'none') return { panel: { kind: 'none' }, body, anchor: undefined };
  // The section holding the steps' list: the last recovery heading before it.
  const section =
    recovery.source === 'prose'
      ? { heading: recovery.heading, slug: recovery.slug }
      : runbook.sections
          .filter((each) => each.name === RECOVERY_SECTION && each.heading.span.start.line <= recovery.span.start.line)
          .map((each) => ({ heading: each.heading.text, slug: each.heading.slug }))
          .at(-1);
  // Further sections of a prose recovery that follow its first directly (numbered headings) move with it.
  const further = new Set(recovery.source === 'prose' ? recovery.blocks.flatMap((block) => (block.kind === 'heading' ? [block.slug] : [])) : []);
  const numberedHeadings = recovery.source === 'prose' && recovery.form === 'numbered-headings';
  const cut = section === undefined || rendered?.kind !== 'rendered' ? undefined : cutSection(body, section.slug, further, numberedHeadings);
  const numbered = recovery.source === 'body';
  if (section === undefined || cut === undefined) {
    if (recovery.source !== 'prose') return { panel: modelSteps(), body, anchor: undefined };
    return { panel: { kind: 'section', heading: recovery.heading, numbered, numberedHeadings, content: { html: blocksHtml(recovery.blocks) } }, body, anchor: undefined };
  }
  const panel: Panel = { kind: 'section', heading: section.heading, numbered, numberedHeadings, content: { pieces: cut.section } };
  return { panel, body: cut.rest, anchor: numberedHeadings ? undefined : section.slug };
}

function panelStep(step: RunbookView['steps'][number]): PanelStep {
  return {
    textHtml: inlinesHtml(step.textInlines),
    run: step.run,
    expectHtml: step.expectInlines === undefined ? undefined : inlinesHtml(step.expectInlines),
  };
}

/**
 * The section under the top-level heading with anchor `slug` (its heading left out unless
 * `keepHeading`), up to the next
 * heading of the same or a higher level that is not one of `further` (the sections that go with it),
 * and the pieces around it; undefined when no heading has it.
 */
function cutSection(
  pieces: readonly BodyPiece[],
  slug: string,
  further: ReadonlySet<string>,
  keepHeading: boolean,
): { readonly section: readonly BodyPiece[]; readonly rest: readonly BodyPiece[] } | undefined {
  const start = pieces.findIndex((piece) => piece.kind === 'heading' && piece.slug === slug);
  const heading = pieces[start];
  if (slug === '' || heading?.kind !== 'heading') return undefined;
  const after = pieces.slice(start + 1);
  const length = after.findIndex((piece) => (piece.kind === 'heading' && piece.depth <= heading.depth && !further.has(piece.slug)) || piece.kind === 'opening-h1');
  const end = length === -1 ? pieces.length : start + 1 + length;
  // A heading holding a relative link has no HTML of its own: its pieces come first in the section.
  return { section: pieces.slice(keepHeading ? start : start + 1, end), rest: [...pieces.slice(0, start), ...pieces.slice(end)] };
}
