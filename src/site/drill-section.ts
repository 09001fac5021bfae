/**
 * Drills on the site: the Drills section of a runbook page (its last drills and a small inline SVG
 * trend of time to recover) and the rows the Drills page shares with it (drills-page.ts). Shown only when the collection keeps drill records (`CollectionView.drills.count`), so a
 * site without them is what it was. Every value from a record is untrusted: names are shortened and
 * their hidden characters written out here, and the templates escape everything.
 */
import { splitAtHiddenCharacters } from '../text/hidden-characters.js';
import type { CollectionView, RunbookView } from '../view/collection-view.js';
import type { DrillView } from '../view/drills.js';

/** How many drills a runbook page lists. */
const DRILLS_ON_PAGE = 10;

/** How many recovered drills the trend shows at most (the newest). */
const TREND_POINTS = 20;

/** The most characters of an operator's or environment's name a page shows. */
const NAME_CHARACTERS = 40;

/** The trend's drawing box, in SVG user units. */
const TREND = { width: 320, height: 80, pad: 8 } as const;

/** Whether the site shows drills at all: only when the collection keeps drill records. */
export function siteHasDrills(data: CollectionView): boolean {
  return data.drills.count > 0;
}

/**
 * A name from a record as a page shows it: each hidden character (bidi control, zero-width,
 * control) written out as `[U+202E]`, and at most {@link NAME_CHARACTERS} characters (then `…`).
 */
function shownName(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const visible = splitAtHiddenCharacters(text)
    .map((part) => (part.kind === 'text' ? part.text : `[${part.name}]`))
    .join('');
  // Code points, not graphemes: a grapheme may hold thousands of combining marks.
  const characters = Array.from(visible);
  return characters.length <= NAME_CHARACTERS ? visible : `${characters.slice(0, NAME_CHARACTERS - 1).join('')}…`;
}

/** One drill as a table row. */
export function drillRow(drill: DrillView) {
  return {
    day: drill.day,
    outcome: drill.outcome,
    outcomeLabel: drill.outcomeLabel,
    timeToRecover: drill.timeToRecover,
    environment: shownName(drill.environment),
    operator: shownName(drill.operator),
  };
}

/** The trend of time to recover over a runbook's recovered drills, oldest to newest; undefined under two (the typical time says the one). */
function drillTrend(history: readonly DrillView[]) {
  const recovered = history.filter((drill) => drill.timeToRecoverSeconds !== undefined).slice(0, TREND_POINTS).reverse();
  if (recovered.length < 2) return undefined;
  const seconds = recovered.map((drill) => drill.timeToRecoverSeconds ?? 0);
  const highest = Math.max(...seconds, 1);
  const across = TREND.width - 2 * TREND.pad;
  const up = TREND.height - 2 * TREND.pad;
  const points = seconds.map((value, index) => ({
    x: round(TREND.pad + (index * across) / (recovered.length - 1)),
    y: round(TREND.height - TREND.pad - (value / highest) * up),
  }));
  const texts = recovered.map((drill) => drill.timeToRecover ?? '');
  const over = `the last ${recovered.length} recovered drills`;
  return {
    width: TREND.width,
    height: TREND.height,
    baseline: TREND.height - TREND.pad,
    right: TREND.width - TREND.pad,
    pad: TREND.pad,
    polyline: points.map((point) => `${point.x},${point.y}`).join(' '),
    points,
    label: `Time to recover over ${over}, oldest to newest: ${texts.join(', ')}`,
    caption: `Time to recover, oldest to newest (${over}): ${texts[0] ?? ''} → ${texts.at(-1) ?? ''}; highest ${texts[seconds.indexOf(highest)] ?? ''}.`,
  };
}

/** The Drills section of a runbook page; undefined when the collection keeps no drill records. */
export function runbookDrillsSection(entry: RunbookView, data: CollectionView) {
  if (!siteHasDrills(data)) return undefined;
  const { history, typical } = entry.drills;
  return {
    rows: history.slice(0, DRILLS_ON_PAGE).map(drillRow),
    more: history.length > DRILLS_ON_PAGE ? `The last ${DRILLS_ON_PAGE} of ${history.length} drills.` : undefined,
    typical: typical === undefined ? undefined : `Typically recovered in ${typical.text} (${typical.over === 1 ? 'last recovered drill' : `median of the last ${typical.over} recovered drills`}).`,
    trend: drillTrend(history),
  };
}


function round(value: number): number {
  return Math.round(value * 10) / 10;
}
