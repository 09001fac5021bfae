import type { Blocks } from '../model/prose.js';
import { plainText, textInline } from '../model/prose.js';
import type { Palette, Style } from '../report/ansi.js';
import { printable } from '../text/terminal-text.js';
import { columns } from '../text/wrap.js';
import type { StatusKind } from '../view/status.js';
import { blocksText } from './blocks-text.js';
import type { Card, CardReview } from './card.js';
import { inlineLines, writesColor, type InlineStyle } from './inline-text.js';
import { commandLines, styledWrap, WIDTH, wrap } from './wrap.js';

/** Width of the label column (`Status`, `Owner`, …). */
const LABEL_WIDTH = 10;

/** What `show --full` adds: the runbook's whole body, or undefined when it cannot be read as Markdown. */
export interface FullBody {
  readonly blocks: Blocks | undefined;
}

/** The note over a recovery section written as prose. */
const PROSE_NOTE = 'Recovery is written as prose (steps not numbered)';
const NUMBERED_NOTE = "Recovery as written, in the runbook's numbered sections";

/**
 * The card as terminal text for someone woken by a page: what it is, whether it can be trusted,
 * whom to call, then the numbered recovery steps (text, command, what to expect), or the recovery
 * section as written when it is prose. Prose is wrapped at 80 columns, inline code in cyan (between
 * backticks without colour); commands are indented and never wrapped, so they can be copied whole.
 * With `full`, the whole body follows, every section in order.
 */
export function cardText(card: Card, style: Palette, full?: FullBody): string {
  const inline: InlineStyle = { palette: style, color: writesColor(style) };
  const lines: string[] = [...wrap(card.title, { first: '', rest: '' }).map(style.bold)];
  const facts = [card.id, card.severity, card.service].filter((fact): fact is string => fact !== undefined);
  lines.push(...wrap(facts.join(' · '), { first: '', rest: '' }).map(style.dim), '');
  const valueIndent = ' '.repeat(LABEL_WIDTH);
  const row = (label: string, value: string): void => {
    lines.push(...styledWrap(value, label.padEnd(LABEL_WIDTH), (label === '' ? '' : style.dim(label)) + label.padEnd(LABEL_WIDTH).slice(label.length), valueIndent));
  };
  const statusLabel = `${card.statusLabel}: `;
  lines.push(
    ...styledWrap(
      statusSentence(card.review, card.status),
      `${'Status'.padEnd(LABEL_WIDTH)}${statusLabel}`,
      `${style.dim('Status')}${' '.repeat(LABEL_WIDTH - 'Status'.length)}${statusStyle(card.status, style)(card.statusLabel)}: `,
      valueIndent,
    ),
  );
  if (card.problems > 0) row('Problems', `${card.problems} found by \`runbook check ${card.file}\``);
  if (card.recovered !== undefined) row('Drills', card.recovered);
  row('Owner', card.owner === undefined ? 'not given' : card.owner.name === card.owner.id ? card.owner.id : `${card.owner.name} (${card.owner.id})`);
  if (card.owner?.chat !== undefined) row('Chat', card.owner.chat);
  if (card.escalation.contacts.length === 0) row('Escalate', `nobody listed${card.owner?.chat === undefined ? '' : `: ask in ${card.owner.chat}`}`);
  card.escalation.contacts.forEach((contact, index) => {
    row(index === 0 ? 'Escalate' : '', `${index + 1}. ${contact.name}: ${contact.via} ${contact.target}`);
  });
  if (card.alerts.length > 0) row('Alerts', card.alerts.join(', '));
  row('URL', card.url);
  lines.push('', style.bold('Recovery'), ...recoveryLines(card, inline, full !== undefined));
  if (card.links.length > 0) {
    lines.push('', style.bold('Links'));
    for (const link of card.links) {
      const url = printable(link.url);
      const oneLine = `  ${printable(link.name)}: ${url}`;
      if (columns(oneLine) <= WIDTH) lines.push(oneLine);
      else lines.push(...wrap(`${link.name}:`, { first: '  ', rest: '  ' }), `    ${url}`);
    }
  }
  if (full !== undefined) lines.push('', ...fullLines(card, full, inline));
  return `${lines.join('\n')}\n`;
}

/** The recovery panel: numbered steps, the recovery section as written (or, with the full body below, a pointer to it), or an alarm. */
function recoveryLines(card: Card, inline: InlineStyle, full: boolean): readonly string[] {
  const style = inline.palette;
  if (card.steps.length === 0 && card.prose !== undefined) {
    const heading = printable(card.prose.heading);
    const numbered = card.prose.form === 'numbered-headings';
    if (full) return wrap(numbered ? `${NUMBERED_NOTE}: see below, from ${heading}.` : `${PROSE_NOTE}: see ${heading} below.`, { first: '  ', rest: '  ' }).map(style.dim);
    const note = numbered ? `${NUMBERED_NOTE}:` : `${PROSE_NOTE}, under ${heading}:`;
    return [...wrap(note, { first: '  ', rest: '  ' }).map(style.dim), '', ...blocksText(card.prose.blocks, inline, { first: '  ', rest: '  ' })];
  }
  if (card.steps.length === 0) return wrap('No recovery steps are written down: escalate.', { first: '  ', rest: '  ' });
  const lines: string[] = [];
  const numberWidth = `${card.steps.length}.`.length;
  card.steps.forEach((step, index) => {
    const number = `${index + 1}.`.padStart(numberWidth);
    const indent = ' '.repeat(2 + numberWidth + 1);
    const text = step.textInlines.length === 0 && step.text === '' ? textInline('(no description)') : step.textInlines;
    lines.push(...inlineLines(text, inline, { first: `  ${number} `, styledFirst: `  ${style.bold(number)} `, rest: indent }));
    const commandIndent = `${indent}  `;
    if (step.run !== undefined) lines.push(...commandLines(step.run, commandIndent).map(style.cyan));
    if (step.expect !== undefined) {
      const label = `${commandIndent}expect: `;
      const expect = step.expectInlines ?? textInline(step.expect);
      lines.push(...inlineLines(expect, inline, { first: label, styledFirst: `${commandIndent}${style.dim('expect:')} `, rest: ' '.repeat(label.length) }));
    }
  });
  return lines;
}

/** The whole body for `show --full`, under a rule naming the file. */
function fullLines(card: Card, full: FullBody, inline: InlineStyle): readonly string[] {
  const style = inline.palette;
  const header = wrap(`Full runbook: ${card.file}`, { first: '', rest: '' }).map(style.bold);
  if (full.blocks === undefined) return [...header, ...wrap('The body cannot be shown: it is beyond what the Markdown parser reads (see `runbook check`).', { first: '  ', rest: '  ' })];
  const [first, ...rest] = full.blocks;
  // The body's opening H1 repeats the title the card starts with.
  const blocks = first?.kind === 'heading' && first.depth === 1 && plainText(first.inlines) === card.title ? rest : full.blocks;
  return [...header, '', ...blocksText(blocks, inline, { first: '  ', rest: '  ' })];
}

/** What the status means in words, after its label: the dates that explain it. */
export function statusSentence(review: CardReview, kind: StatusKind): string {
  const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
  switch (review.kind) {
    case 'never-tested':
      return 'nobody has tried these steps yet';
    case 'unknown':
      return 'no valid date of the last drill';
    case 'no-interval':
      return `last tested ${review.lastTested}, no review interval (severity or review_every)`;
    case 'tested': {
      const when =
        review.daysLeft < 0
          ? `was due ${review.due} (${days(-review.daysLeft)} ago)`
          : `next due ${review.due} (${review.daysLeft === 0 ? 'today' : `in ${days(review.daysLeft)}`})`;
      return `last tested ${review.lastTested}, ${when}${kind === 'stale' ? '; the steps may no longer work' : ''}`;
    }
  }
}

function statusStyle(kind: StatusKind, style: Palette): Style {
  if (kind === 'fresh') return style.green;
  if (kind === 'untracked') return (text) => text;
  if (kind === 'due-soon' || kind === 'incomplete') return style.yellow;
  return (text) => style.bold(style.red(text));
}
