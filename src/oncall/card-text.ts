import type { Palette, Style } from '../report/ansi.js';
import { printable } from '../text/terminal-text.js';
import { columns } from '../text/wrap.js';
import type { StatusKind } from '../view/status.js';
import type { Card, CardReview } from './card.js';
import { commandLines, styledWrap, WIDTH, wrap } from './wrap.js';

/** Width of the label column (`Status`, `Owner`, …). */
const LABEL_WIDTH = 10;

/**
 * The card as terminal text for someone woken by a page: what it is, whether it can be trusted,
 * whom to call, then the numbered recovery steps with their commands. Prose is wrapped at 80
 * columns; commands are indented under their step and never wrapped, so they can be copied whole.
 */
export function cardText(card: Card, style: Palette): string {
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
  row('Owner', card.owner === undefined ? 'not given' : card.owner.name === card.owner.id ? card.owner.id : `${card.owner.name} (${card.owner.id})`);
  if (card.owner?.chat !== undefined) row('Chat', card.owner.chat);
  if (card.escalation.contacts.length === 0) row('Escalate', `nobody listed${card.owner?.chat === undefined ? '' : `: ask in ${card.owner.chat}`}`);
  card.escalation.contacts.forEach((contact, index) => {
    row(index === 0 ? 'Escalate' : '', `${index + 1}. ${contact.name}: ${contact.via} ${contact.target}`);
  });
  if (card.alerts.length > 0) row('Alerts', card.alerts.join(', '));
  row('URL', card.url);
  lines.push('', style.bold('Recovery'));
  if (card.steps.length === 0) lines.push(...wrap('No recovery steps are written down: escalate.', { first: '  ', rest: '  ' }));
  const numberWidth = `${card.steps.length}.`.length;
  card.steps.forEach((step, index) => {
    const number = `${index + 1}.`.padStart(numberWidth);
    const indent = ' '.repeat(2 + numberWidth + 1);
    lines.push(...styledWrap(step.text === '' ? '(no description)' : step.text, `  ${number} `, `  ${style.bold(number)} `, indent));
    const commandIndent = `${indent}  `;
    if (step.run !== undefined) lines.push(...commandLines(step.run, commandIndent).map(style.cyan));
    if (step.expect !== undefined) {
      const label = `${commandIndent}expect: `;
      lines.push(...styledWrap(step.expect, label, `${commandIndent}${style.dim('expect:')} `, ' '.repeat(label.length)));
    }
  });
  if (card.links.length > 0) {
    lines.push('', style.bold('Links'));
    for (const link of card.links) {
      const url = printable(link.url);
      const oneLine = `  ${printable(link.name)}: ${url}`;
      if (columns(oneLine) <= WIDTH) lines.push(oneLine);
      else lines.push(...wrap(`${link.name}:`, { first: '  ', rest: '  ' }), `    ${url}`);
    }
  }
  return `${lines.join('\n')}\n`;
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
