/**
 * The plain-text cheat sheet, for terminals and chat code blocks: prose wrapped at 80 columns,
 * commands on their own indented lines and never wrapped (a wrapped command is a broken command).
 * Runbook text comes from the repository and the sheet is printed to terminals, so every line is
 * made printable: no ESC, OSC (clipboard writes, fake links) or other control character gets out.
 */
import { printable, printableLines } from '../text/terminal-text.js';
import { columns, wrap as wrapText } from '../text/wrap.js';
import type { Block, Inlines } from '../model/prose.js';
import { isWebUrl, safeUrl } from './prose-html.js';
import { commitText, contactText, moreBlocksNote, moreStepsNote, NO_STEPS_NOTE, proseNote, type CheatSheet, type SheetRunbook, type SheetTeam } from './sheet.js';

/** The width prose is wrapped to. */
export const TEXT_WIDTH = 80;

/** Prose for the sheet: no line wider than `width`, a word longer than a line split across lines. */
function wrap(text: string, width: number, first: string, rest: string): readonly string[] {
  return wrapText(text, { width, first, rest, longWords: 'split' });
}

/** What comes before the first line of a command, and before each line after it. */
const COMMAND_PREFIX = { first: '$ ', rest: '  ' } as const;

const RULE = '-'.repeat(TEXT_WIDTH);

/** Renders a sheet as plain text ending in one newline. */
export function renderSheetText(sheet: CheatSheet): string {
  const title = `${sheet.kind === 'team' ? '' : 'Service '}${sheet.name}: on-call cheat sheet`;
  const lines: string[] = [...wrap(title, TEXT_WIDTH, '', ''), '='.repeat(Math.min(TEXT_WIDTH, columns(printable(title)))), ''];
  for (const team of sheet.teams) lines.push(...teamLines(team, sheet.kind === 'service'), '');
  lines.push(...wrap(`${sheet.runbooks.length} runbook${sheet.runbooks.length === 1 ? '' : 's'}, most severe first.`, TEXT_WIDTH, '', ''));
  for (const runbook of sheet.runbooks) lines.push('', RULE, ...runbookLines(runbook));
  lines.push('', RULE, ...wrap(`Generated ${sheet.generated} from commit ${commitText(sheet.commit)} by runbook cheatsheet.`, TEXT_WIDTH, '', ''));
  return `${lines.join('\n')}\n`;
}

function teamLines(team: SheetTeam, named: boolean): readonly string[] {
  const lines: string[] = [];
  if (named) lines.push(...wrap(`Team: ${team.name}`, TEXT_WIDTH, '', '      '));
  lines.push(...wrap(`Chat: ${team.chat ?? 'none recorded'}`, TEXT_WIDTH, '', '      '));
  if (team.contacts.length === 0) {
    lines.push('Escalation: none recorded');
    return lines;
  }
  lines.push('Escalation, in order:');
  team.contacts.forEach((contact, index) => {
    lines.push(...wrap(contactText(contact), TEXT_WIDTH, `  ${index + 1}. `, '     '));
  });
  return lines;
}

function runbookLines(runbook: SheetRunbook): readonly string[] {
  const heading = `${runbook.severity === undefined ? '' : `[${runbook.severity.id.toUpperCase()}] `}${runbook.title}`;
  const lines: string[] = [...wrap(heading, TEXT_WIDTH, '', '  ')];
  if (runbook.alerts.length > 0) lines.push(...wrap(`Alerts: ${runbook.alerts.join(', ')}`, TEXT_WIDTH, '', '        '));
  lines.push(...wrap(`Status: ${runbook.flagged ? '!! ' : ''}${runbook.statusText}`, TEXT_WIDTH, '', '        '));
  if (runbook.recovered !== undefined) lines.push(...wrap(`Drills: ${runbook.recovered}`, TEXT_WIDTH, '', '        '));
  lines.push('');
  if (runbook.steps.length === 0 && runbook.prose === undefined) lines.push(...wrap(NO_STEPS_NOTE, TEXT_WIDTH, '  ', '  '));
  runbook.steps.forEach((step, index) => {
    const marker = `  ${index + 1}. `;
    const text = inlinesText(step.textInlines);
    if (text !== '') lines.push(...wrap(text, TEXT_WIDTH, marker, '     '));
    if (step.run !== undefined) {
      const indent = text === '' ? marker : '       ';
      lines.push(...commandLines(step.run, indent));
    }
    if (step.expectInlines !== undefined) {
      const first = text === '' && step.run === undefined ? marker : '     ';
      lines.push(...wrap(`Expect: ${inlinesText(step.expectInlines)}`, TEXT_WIDTH, first, '             '));
    }
  });
  if (runbook.prose !== undefined) {
    lines.push(...wrap(proseNote(runbook.prose), TEXT_WIDTH, '  ', '  '));
    for (const block of runbook.prose.blocks) lines.push(...blockLines(block, '  '));
  }
  if (runbook.moreSteps > 0) lines.push(...wrap(moreStepsNote(runbook.moreSteps), TEXT_WIDTH, '  ', '  '));
  if (runbook.prose !== undefined && runbook.prose.moreBlocks > 0) lines.push(...wrap(moreBlocksNote(runbook.prose.moreBlocks), TEXT_WIDTH, '  ', '  '));
  if (runbook.escalation.length > 0) {
    lines.push('', 'Escalation for this runbook:');
    runbook.escalation.forEach((contact, index) => {
      lines.push(...wrap(contactText(contact), TEXT_WIDTH, `  ${index + 1}. `, '     '));
    });
  }
  lines.push('', ...wrap(`Full runbook: ${runbook.link.url}`, TEXT_WIDTH, '', '  '));
  return lines;
}

/**
 * Inline content as plain text for terminals: code in backticks, bold and emphasis as their text, a
 * link to an `http(s)`/`mailto` URL followed by it in angle brackets (paper and terminals have no links).
 */
function inlinesText(inlines: Inlines): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'text':
          return inline.text;
        case 'code':
          return `\`${inline.text}\``;
        case 'strong':
        case 'emphasis':
          return inlinesText(inline.children);
        case 'link': {
          const text = inlinesText(inline.children);
          const url = safeUrl(inline.url);
          return url === undefined || !isWebUrl(url) || url === text ? text : `${text} <${url}>`;
        }
        case 'break':
          return ' ';
      }
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A block of a recovery written as prose, indented by `indent`: prose wrapped, commands whole. */
function blockLines(block: Block, indent: string): readonly string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return wrap(inlinesText(block.inlines), TEXT_WIDTH, indent, indent);
    case 'code':
      return commandLines(block.text, indent);
    case 'list':
      return block.items.flatMap((item, index) => {
        const marker = block.ordered ? `${block.start + index}. ` : '- ';
        return item.flatMap((inner, at) => {
          const lines = blockLines(inner, `${indent}${' '.repeat(marker.length)}`);
          return at === 0 ? lines.map((line, row) => (row === 0 ? `${indent}${marker}${line.slice(indent.length + marker.length)}` : line)) : lines;
        });
      });
    case 'quote':
      return block.blocks.flatMap((inner) => blockLines(inner, `${indent}| `));
    case 'table':
      return block.rows.flatMap((row) => wrap(row.map(inlinesText).join(' | '), TEXT_WIDTH, indent, indent));
    case 'rule':
      return [];
  }
}

/** A command, line by line, as written (tabs kept, other control characters shown): `$ ` before the first line, aligned continuation lines. */
export function commandLines(run: string, indent: string): readonly string[] {
  return run
    .replace(/\s+$/, '')
    .split('\n')
    .map((line, index) => `${indent}${index === 0 ? COMMAND_PREFIX.first : COMMAND_PREFIX.rest}${printableLines(line.trimEnd())}`);
}
