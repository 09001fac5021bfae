import type { Block, Blocks, Inlines } from '../model/prose.js';
import { inlineLines, type InlineStyle } from './inline-text.js';
import { commandLines, type Prefixes } from './wrap.js';

/**
 * Blocks of a runbook as written, for the terminal: paragraphs wrapped at 80 columns, headings in
 * bold (after their `#` marks without colour), lists with their markers and hanging indents, code blocks indented and never wrapped (so
 * they can be copied), quotes behind `> `, table rows with ` | ` between cells. Blocks at the top
 * are separated by a blank line; `prefixes.first` starts the first line (a list marker).
 */
export function blocksText(blocks: Blocks, style: InlineStyle, prefixes: Prefixes): readonly string[] {
  return blockLines(blocks, style, prefixes, true);
}

function blockLines(blocks: Blocks, style: InlineStyle, prefixes: Prefixes, spaced: boolean): readonly string[] {
  const lines: string[] = [];
  blocks.forEach((block, index) => {
    const first = index === 0 ? prefixes.first : prefixes.rest;
    if (spaced && index > 0) lines.push('');
    lines.push(...linesOf(block, style, { first, rest: prefixes.rest }));
  });
  return lines;
}

function linesOf(block: Block, style: InlineStyle, prefixes: Prefixes): readonly string[] {
  switch (block.kind) {
    case 'paragraph':
      return inlineLines(block.inlines, style, prefixes);
    case 'heading':
      // Bold on a colour terminal; without colour, marked as in Markdown so it still stands out.
      return style.color
        ? inlineLines(block.inlines, style, prefixes).map(style.palette.bold)
        : inlineLines([{ kind: 'text', text: `${'#'.repeat(block.depth)} ` }, ...block.inlines], style, prefixes);
    case 'code': {
      const code = commandLines(block.text, `${prefixes.rest}  `).map(style.palette.cyan);
      return prefixes.first === prefixes.rest ? code : [prefixes.first.trimEnd(), ...code];
    }
    case 'list':
      return block.items.flatMap((item, index) => {
        const marker = block.ordered ? `${block.start + index}.` : '-';
        const first = index === 0 ? prefixes.first : prefixes.rest;
        const itemLines = blockLines(item, style, { first: `${first}${marker} `, rest: `${prefixes.rest}${' '.repeat(marker.length + 1)}` }, false);
        return itemLines.length === 0 ? [`${first}${marker}`] : itemLines;
      });
    case 'quote':
      return blockLines(block.blocks, style, { first: `${prefixes.first}> `, rest: `${prefixes.rest}> ` }, false);
    case 'table':
      return block.rows.flatMap((row, index) => {
        const first = index === 0 ? prefixes.first : prefixes.rest;
        const lines = inlineLines(joinCells(row), style, { first, rest: `${prefixes.rest}  ` });
        return index === 0 ? lines.map(style.palette.bold) : lines;
      });
    case 'rule':
      return [`${prefixes.first}---`];
  }
}

/** The cells of a table row as one line of inline content, ` | ` between cells. */
function joinCells(row: readonly Inlines[]): Inlines {
  return row.flatMap((cell, index) => (index === 0 ? cell : [{ kind: 'text' as const, text: ' | ' }, ...cell]));
}
