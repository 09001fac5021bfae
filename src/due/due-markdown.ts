/**
 * `runbook due --format markdown`: for an issue or a wiki page, a table per team. Every cell is one
 * line with `|` and markup escaped, so no runbook text can end a cell, a row or the table.
 */
import { escapeMarkdown } from '../cheatsheet/markdown.js';
import { plural } from '../text/plural.js';
import { printable } from '../text/terminal-text.js';
import { whenText, type DueEntry, type DueList } from './due-list.js';
import { summary } from './due-text.js';

/** The list as GitHub-flavoured Markdown. */
export function renderDueMarkdown(list: DueList): string {
  const scope = list.team === undefined ? '' : ` of ${cell(list.team.name)}`;
  const title = `# Runbooks${scope} due by ${list.until}`;
  const lede = `Within ${list.within} of ${list.today}: ${list.counts.total === 0 ? 'nothing is due.' : `${plural(list.counts.total, 'runbook')} (${summary(list)}).`}`;
  const teams = list.teams.map((team) =>
    [
      `## ${cell(team.name)}${team.id === undefined ? '' : ` (${cell(team.id)})`}`,
      '',
      '| Runbook | Severity | Last tested | Due | When |',
      '| --- | --- | --- | --- | --- |',
      ...team.entries.map(row),
    ].join('\n'),
  );
  return `${[title, lede, ...teams].join('\n\n')}\n`;
}

function row(entry: DueEntry): string {
  const view = entry.view;
  const title = view.url === undefined ? cell(view.runbook.title) : `[${cell(view.runbook.title)}](${markdownUrl(view.url)})`;
  const dated = entry.kind === 'never-tested' ? undefined : entry.review;
  const cells = [`${title}<br>${cell(view.runbook.id)}`, cell(view.severity?.id ?? ''), dated?.lastTested ?? 'never', dated?.due ?? '—', whenText(entry)];
  return `| ${cells.join(' | ')} |`;
}

/** Runbook text for one table cell: markup, `|` and line breaks escaped, control characters shown. */
function cell(text: string): string {
  return printable(escapeMarkdown(text));
}

/** A URL as a link destination: nothing in it can end the link or the cell. */
function markdownUrl(url: string): string {
  return printable(url).replace(/[()|<>\s\\]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
