/**
 * `runbook due` for a terminal: 80 columns, colour only when asked for, every piece of runbook text
 * made printable (titles are wrapped; ids and URLs are kept whole so they can be copied).
 */
import type { Palette } from '../report/ansi.js';
import { plural } from '../text/plural.js';
import { printable } from '../text/terminal-text.js';
import { wrap } from '../text/wrap.js';
import { whenText, type DueEntry, type DueList } from './due-list.js';

const WIDTH = 80;

/** The list as text, one block per team, one paragraph per runbook. */
export function renderDueText(list: DueList, style: Palette): string {
  const scope = list.team === undefined ? '' : `${list.team.name} (${list.team.id}): `;
  const window = `by ${list.until} (within ${list.within} of ${list.today})`;
  if (list.counts.total === 0) return `${lines(`${scope}nothing due ${window}.`).join('\n')}\n`;
  const head = lines(`${scope}${plural(list.counts.total, 'runbook')} due ${window}: ${summary(list)}.`);
  const teams = list.teams.map((team) => [style.bold(lines(`${team.name}${team.id === undefined ? '' : ` (${team.id})`}`).join('\n')), ...team.entries.map((entry) => entryText(entry, style))].join('\n'));
  return `${[head.join('\n'), ...teams].join('\n\n')}\n`;
}

/** `1 overdue, 1 never tested, 2 due`, leaving out the kinds there are none of. */
export function summary(list: DueList): string {
  const { overdue, neverTested, due } = list.counts;
  return [overdue > 0 ? `${overdue} overdue` : '', neverTested > 0 ? `${neverTested} never tested` : '', due > 0 ? `${due} due` : ''].filter((part) => part !== '').join(', ');
}

function entryText(entry: DueEntry, style: Palette): string {
  const when = entry.kind === 'due' ? style.yellow(whenText(entry)) : style.red(whenText(entry));
  const severity = entry.view.severity === undefined ? '' : ` · ${printable(entry.view.severity.id)}`;
  const dates =
    entry.kind === 'never-tested' ? 'last tested: never (no due date: due now)' : `last tested ${entry.review.lastTested} · due ${entry.review.due} · every ${entry.review.interval}`;
  return [
    `  ${printable(entry.view.runbook.id)}${severity} · ${when}`,
    ...lines(entry.view.runbook.title, '    '),
    `    ${dates}`,
    ...(entry.view.url === undefined ? [] : [`    ${printable(entry.view.url)}`]),
  ].join('\n');
}

function lines(text: string, indent = ''): readonly string[] {
  return wrap(text, { width: WIDTH, first: indent, rest: indent, longWords: 'whole' });
}
