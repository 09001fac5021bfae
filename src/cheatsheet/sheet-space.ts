/**
 * How much of the printed page a sheet's parts take, in lines of a column's body text, and how many
 * recovery steps each runbook can show in the space the sheet really has (two pages of two columns,
 * templates/cheatsheet/sheet.css). An estimate made from the text (characters per line at each font
 * size, A4's narrower column), calibrated against Chromium's print and with a share kept free: the
 * printed-sheet tests hold it to two real pages on A4 and Letter.
 */
import type { Block, Blocks, Inlines } from '../model/prose.js';
import { plainText } from '../model/prose.js';
import { columns } from '../text/wrap.js';

/**
 * Estimated lines (the unit of the functions below) one printed page holds, both columns: measured
 * with Chromium on Letter, the smaller paper (the ten-runbook fixture, grown until it took a third
 * page: 400 estimated lines fitted on two pages, 437 did not; A4 held 437).
 */
const PAGE_LINES = 200;
/** A sheet is one or two printed pages. */
const SHEET_PAGES = 2;
/** The share of the space the estimate may fill: the estimate is rough, and unsplit steps leave gaps. */
const FILL = 0.85;

/** Characters per column line (90 mm of A4) at each size, a little under the average so wrapping is not underestimated. */
const CHARS = { body: 48, small: 56, code: 50, title: 42 } as const;
/** Line heights relative to a body line: 8pt × 1.25, 7.5pt × 1.25, 10.5pt × 1.2 over 12.16pt. */
const HEIGHT = { small: 0.83, code: 0.78, title: 1.04 } as const;

/** Lines `text` wraps to at `chars` per line, every written line at least one. */
function wrapped(text: string, chars: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(columns(line) / chars)), 0);
}

/** The space of a sheet's runbooks: the pages less the header (title, one block per team) and the footer. */
export function runbookSpace(teams: number): number {
  const header = 2 + 2.5 * teams + 1;
  const footer = 2;
  return SHEET_PAGES * PAGE_LINES * FILL - header - footer;
}

/** What a runbook shows besides its steps: title, alerts, status, typical time to recover, a note on steps left out, its own escalation, the link. */
export function runbookFrame(runbook: { readonly title: string; readonly alerts: readonly string[]; readonly statusText: string; readonly recovered?: string; readonly escalation: readonly unknown[] }): number {
  const title = wrapped(runbook.title, CHARS.title) * HEIGHT.title;
  const alerts = runbook.alerts.length === 0 ? 0 : wrapped(runbook.alerts.join('  '), CHARS.small) * HEIGHT.small;
  const status = wrapped(runbook.statusText, CHARS.small) * HEIGHT.small + 0.3 + (runbook.recovered === undefined ? 0 : wrapped(`Drills: ${runbook.recovered}`, CHARS.small) * HEIGHT.small);
  const small = (1 + 1 + runbook.escalation.length) * HEIGHT.small * 1.5;
  return title + alerts + status + small + 1;
}

/** A step: its text, its command (never wrapped shorter than written), what to expect, and the gap after it. */
export function stepLines(step: { readonly textInlines: Inlines; readonly run?: string; readonly expectInlines?: Inlines }): number {
  const text = step.textInlines.length === 0 ? 0 : wrapped(plainText(step.textInlines), CHARS.body);
  const command = step.run === undefined ? 0 : wrapped(step.run.replace(/\s+$/, ''), CHARS.code) * HEIGHT.code + 0.4;
  const expect = step.expectInlines === undefined ? 0 : wrapped(`Expect: ${plainText(step.expectInlines)}`, CHARS.small) * HEIGHT.small;
  return text + command + expect + 0.2;
}

/** A block of a recovery written as prose. */
export function blockLines(block: Block): number {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return wrapped(plainText(block.inlines), CHARS.body) + 0.3;
    case 'code':
      return wrapped(block.text.replace(/\s+$/, ''), CHARS.code) * HEIGHT.code + 0.4;
    case 'list':
      return block.items.reduce((sum, item) => sum + blocksLines(item), 0);
    case 'quote':
      return blocksLines(block.blocks);
    case 'table':
      return block.rows.reduce((sum, row) => sum + Math.max(1, ...row.map((cell) => wrapped(plainText(cell), CHARS.body / Math.max(1, row.length)))), 0);
    case 'rule':
      return 0.5;
  }
}

function blocksLines(blocks: Blocks): number {
  return blocks.reduce((sum, block) => sum + blockLines(block), 0);
}

/**
 * How many parts (steps, or blocks of prose) each runbook shows: first each runbook's frame and
 * up to `guaranteed` parts (what every sheet showed before), then, most severe first, as many more
 * as the space left holds. `parts[i]` are the heights of runbook i's parts, `frames[i]` its frame.
 */
export function partsShown(frames: readonly number[], parts: readonly (readonly number[])[], space: number, guaranteed: number): readonly number[] {
  const shown = parts.map((heights) => Math.min(guaranteed, heights.length));
  let used = frames.reduce((sum, frame) => sum + frame, 0) + parts.reduce((sum, heights, index) => sum + sumOf(heights.slice(0, shown[index])), 0);
  return parts.map((heights, index) => {
    let count = shown[index] ?? 0;
    while (count < heights.length && used + (heights[count] ?? 0) <= space) {
      used += heights[count] ?? 0;
      count += 1;
    }
    return count;
  });
}

function sumOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}
