/**
 * The Markdown cheat sheet, for chat tools, issues and wikis: commands in fenced blocks so they
 * copy cleanly, every other piece of runbook text escaped so it cannot turn into markup or links.
 * The sheet is also printed to terminals (`--format md` to stdout), so every line is made printable.
 */
import { printableLines } from '../text/terminal-text.js';
import { commitText, contactText, moreStepsNote, NO_STEPS_NOTE, type CheatSheet, type SheetRunbook, type SheetTeam } from './sheet.js';

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
  parts.push(facts.join('  \n'));
  if (runbook.steps.length === 0) parts.push(`_${escapeMarkdown(NO_STEPS_NOTE)}_`);
  else parts.push(runbook.steps.map((step, index) => stepItem(step.text, step.run, index + 1)).join('\n').trimEnd());
  if (runbook.moreSteps > 0) parts.push(`_${escapeMarkdown(moreStepsNote(runbook.moreSteps))}._`);
  if (runbook.escalation.length > 0) parts.push(`**Escalation for this runbook:**\n\n${contactList(runbook.escalation)}`);
  parts.push(`[Full runbook](${linkDestination(runbook.link.url)})`);
  return parts.join('\n\n');
}

function stepItem(text: string, run: string | undefined, number: number): string {
  const marker = `${number}. `;
  const pad = ' '.repeat(marker.length);
  const head = `${marker}${text === '' ? '' : escapeBlockStart(text)}`;
  if (run === undefined) return head;
  const code = run.replace(/\s+$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const block = [`${fence}sh`, ...code.split('\n').map((line) => line.trimEnd()), fence].map((line) => `${pad}${line}`.trimEnd());
  return `${head.trimEnd()}\n\n${block.join('\n')}\n`;
}

/**
 * Text made safe inside a Markdown line: every character that could start markup, a link or HTML
 * is escaped, and nothing else, so the raw text stays readable in chat tools that show it as is.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/_/g, (underscore: string, offset: number, whole: string) => (/[\p{L}\p{N}]/u.test(whole[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[offset + 1] ?? '') ? underscore : '\\_'))
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
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
