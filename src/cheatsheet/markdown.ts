/**
 * The Markdown cheat sheet, for chat tools, issues and wikis: commands in fenced blocks so they
 * copy cleanly, every other piece of runbook text escaped so it cannot turn into markup or links.
 * The sheet is also printed to terminals (`--format md` to stdout), so every line is made printable.
 */
import { printableLines } from '../text/terminal-text.js';
import type { Block, Inlines } from '../model/prose.js';
import { isWebUrl, safeUrl } from './prose-html.js';
import { commitText, contactText, moreBlocksNote, moreStepsNote, NO_STEPS_NOTE, proseNote, type CheatSheet, type SheetRunbook, type SheetStep, type SheetTeam } from './sheet.js';

/** Renders a sheet as Markdown ending in one newline, with no control character but line breaks and tabs. */
export function renderSheetMarkdown(sheet: CheatSheet): string {
  const blocks: string[] = [`# ${escapeMarkdown(`${sheet.kind === 'team' ? '' : 'Service '}${sheet.name}`)}: on-call cheat sheet`];
  for (const team of sheet.teams) blocks.push(teamBlock(team, sheet.kind === 'service'));
  blocks.push(`${sheet.runbooks.length} runbook${sheet.runbooks.length === 1 ? '' : 's'}, most severe first.`);
  for (const runbook of sheet.runbooks) blocks.push(runbookBlock(runbook));
  blocks.push('---', `Generated ${sheet.generated} from commit \`${commitText(sheet.commit)}\` by \`runbook cheatsheet\`.`);
  return printableLines(`${blocks.join('\n\n')}\n`);
}

function teamBlock(team: SheetTeam, named: boolean): string {
  const lines: string[] = [];
  if (named) lines.push(`**Team:** ${escapeMarkdown(team.name)}  `);
  lines.push(`**Chat:** ${team.chat === undefined ? 'none recorded' : escapeMarkdown(team.chat)}`);
  if (team.contacts.length === 0) return `${lines.join('\n')}  \n**Escalation:** none recorded`;
  return `${lines.join('\n')}\n\n**Escalation, in order:**\n\n${contactList(team.contacts)}`;
}

function contactList(contacts: SheetTeam['contacts']): string {
  return contacts.map((contact, index) => `${index + 1}. ${escapeBlockStart(contactText(contact))}`).join('\n');
}

function runbookBlock(runbook: SheetRunbook): string {
  const severity = runbook.severity === undefined ? '' : ` (${escapeMarkdown(runbook.severity.id)})`;
  const parts: string[] = [`## ${escapeMarkdown(runbook.title).replace(/ (#+)$/, ' \\$1')}${severity}`];
  const facts: string[] = [];
  if (runbook.alerts.length > 0) facts.push(`**Alerts:** ${runbook.alerts.map(inlineCode).join(', ')}`);
  const status = escapeMarkdown(runbook.statusText);
  facts.push(`**Status:** ${runbook.flagged ? `**${status}**` : status}`);
  if (runbook.recovered !== undefined) facts.push(`**Drills:** ${escapeMarkdown(runbook.recovered)}`);
  parts.push(facts.join('  \n'));
  if (runbook.steps.length > 0) parts.push(runbook.steps.map((step, index) => stepItem(step, index + 1)).join('\n').trimEnd());
  else if (runbook.prose !== undefined) parts.push(`_${escapeMarkdown(proseNote(runbook.prose))}_`, ...runbook.prose.blocks.map((block) => blockMarkdown(block, '')).filter((block) => block !== ''));
  else parts.push(`_${escapeMarkdown(NO_STEPS_NOTE)}_`);
  if (runbook.moreSteps > 0) parts.push(`_${escapeMarkdown(moreStepsNote(runbook.moreSteps))}._`);
  if (runbook.prose !== undefined && runbook.prose.moreBlocks > 0) parts.push(`_${escapeMarkdown(moreBlocksNote(runbook.prose.moreBlocks))}._`);
  if (runbook.escalation.length > 0) parts.push(`**Escalation for this runbook:**\n\n${contactList(runbook.escalation)}`);
  // Without the site's URL the pointer is the file's path in the repository: a path, not a link.
  parts.push(isWebUrl(runbook.link.url) ? `[Full runbook](${linkDestination(runbook.link.url)})` : `Full runbook: ${inlineCode(runbook.link.url)}`);
  return parts.join('\n\n');
}

/** A step as a list item: its text, the command in a fence, then what to expect, each its own paragraph. */
function stepItem(step: SheetStep, number: number): string {
  const marker = `${number}. `;
  const pad = ' '.repeat(marker.length);
  const head = `${marker}${inlinesMarkdown(step.textInlines, true)}`;
  const expect = step.expectInlines === undefined ? undefined : `${pad}Expect: ${inlinesMarkdown(step.expectInlines, false)}`;
  if (step.run === undefined) return expect === undefined ? head : `${head.trimEnd()}\n\n${expect}\n`;
  const block = fenced(step.run).map((line) => `${pad}${line}`.trimEnd());
  return `${head.trimEnd()}\n\n${block.join('\n')}\n${expect === undefined ? '' : `\n${expect}\n`}`;
}

/** A command in a fence longer than any run of backticks in it, lines as written. */
function fenced(run: string): readonly string[] {
  const code = run.replace(/\s+$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return [`${fence}sh`, ...code.split('\n').map((line) => line.trimEnd()), fence];
}

/**
 * Inline content as Markdown: text escaped, code in backticks, bold and emphasis kept, links only to
 * `http(s)`/`mailto` URLs (a relative link means nothing in chat or on paper: its text stays).
 */
function inlinesMarkdown(inlines: Inlines, atBlockStart: boolean): string {
  return inlines
    .map((inline, index) => {
      switch (inline.kind) {
        case 'text':
          return atBlockStart && index === 0 ? escapeBlockStart(inline.text) : escapeMarkdown(inline.text);
        case 'code':
          return inlineCode(joinedLines(inline.text));
        case 'strong':
        case 'emphasis': {
          const inner = inlinesMarkdown(inline.children, false).trim();
          const mark = inline.kind === 'strong' ? '**' : '*';
          return inner === '' ? '' : `${mark}${inner}${mark}`;
        }
        case 'link': {
          const inner = inlinesMarkdown(inline.children, false);
          const url = safeUrl(inline.url);
          return url === undefined || !isWebUrl(url) ? inner : `[${inner}](${linkDestination(url)})`;
        }
        case 'break':
          return ' ';
      }
    })
    .join('');
}

/** A block of a recovery written as prose, each line after the first indented by `pad`. */
function blockMarkdown(block: Block, pad: string): string {
  switch (block.kind) {
    case 'paragraph':
      return inlinesMarkdown(block.inlines, true);
    case 'heading':
      return `**${inlinesMarkdown(block.inlines, false)}**`;
    case 'code':
      return fenced(block.text).map((line, index) => (index === 0 ? line : `${pad}${line}`.trimEnd())).join('\n');
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '- ';
          const inner = `${pad}${' '.repeat(marker.length)}`;
          return `${marker}${item.map((inside) => blockMarkdown(inside, inner)).join(`\n\n${inner}`)}`;
        })
        .join(`\n${pad}`);
    case 'quote':
      return block.blocks.map((inside) => `> ${blockMarkdown(inside, `${pad}> `)}`).join(`\n${pad}>\n${pad}`);
    case 'table':
      // Each row starts a line: its first cell cannot start a heading, list or rule there (`# x`, `---`).
      return block.rows.map((row) => row.map((cell, index) => inlinesMarkdown(cell, index === 0)).join(' \\| ')).join(`  \n${pad}`);
    case 'rule':
      return '';
  }
}

/**
 * Text made safe inside a Markdown line: every character that could start markup, a link or HTML
 * is escaped, and nothing else, so the raw text stays readable in chat tools that show it as is.
 */
export function escapeMarkdown(text: string): string {
  return joinedLines(text)
    .replace(/[\\`*[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/_/g, (underscore: string, offset: number, whole: string) => (/[\p{L}\p{N}]/u.test(whole[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? '') ? underscore : '\\_'))
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/**
 * `text` with each run of white space holding a line break made one space (a Markdown line). As a
 * replacement of every `\s*\n\s*` this took time growing with the square of a run of spaces without
 * a line break: 1.3 s for 40,000 in one step (found by H8, #12).
 */
function joinedLines(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}

/** Text that starts a block (a list item's content): also no heading, list or rule marker at its start. */
export function escapeBlockStart(text: string): string {
  return escapeMarkdown(text)
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Inline code that holds any text: the fence is longer than any run of backticks inside. */
function inlineCode(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** A link destination that cannot end the link early: `<…>` form with `<`, `>` and spaces encoded. */
function linkDestination(url: string): string {
  return `<${url.replace(/[<>\s\\]/g, (character) => encodeURIComponent(character))}>`;
}

function longestRun(text: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const each of text) {
    current = each === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
