import type { Palette } from '../report/ansi.js';
import { printable } from '../text/terminal-text.js';
import { isNamedBy, type Suggestion } from './find-runbook.js';
import type { Findable } from '../parse/findable.js';
import { styledWrap, wrap } from './wrap.js';

/** At most this many candidates are listed when a query matches several runbooks. */
const MAX_LISTED = 10;

/**
 * The runbooks a query matched with no clear winner: a short numbered list (title, then id and
 * alerts) and how to narrow it down.
 */
export function candidatesText(query: string, candidates: readonly Findable[], style: Palette): string {
  const lines = wrap(`\`${query}\` matches ${candidates.length} runbooks:`, { first: '', rest: '' }).slice();
  const shown = candidates.slice(0, MAX_LISTED);
  const numberWidth = `${shown.length}.`.length;
  shown.forEach((candidate, index) => {
    const number = `${index + 1}.`.padStart(numberWidth);
    const indent = ' '.repeat(2 + numberWidth + 1);
    lines.push(...styledWrap(candidate.title, `  ${number} `, `  ${style.bold(number)} `, indent));
    const facts = candidate.alerts.length === 0 ? candidate.id : `${candidate.id} · ${candidate.alerts.join(', ')}`;
    lines.push(...wrap(facts, { first: indent, rest: indent }).map(style.dim));
  });
  if (candidates.length > shown.length) lines.push(`  … and ${candidates.length - shown.length} more`);
  lines.push('Be more specific: give an alert name, an id or more words of the title, e.g.');
  // An id that is the query is also another runbook's alert: only its file path names it alone.
  const example = shown[0]?.id === query.trim() ? shown[0].file : shown[0]?.id;
  if (example !== undefined) lines.push(`  runbook show ${printable(example)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Nothing matched: say so, quoting the query, and offer the closest names; `hint` says what to try
 * when no name is close.
 */
export function noMatchText(query: string, suggestions: readonly Suggestion<Findable>[], hint: string): string {
  const lines = [`no runbook matches \`${printable(query)}\``];
  if (suggestions.length === 0) {
    lines.push(...wrap(`No alert name, id or title is close to it; ${hint}.`, { first: '', rest: '' }));
  } else {
    lines.push('Closest:');
    for (const suggestion of suggestions) lines.push(...wrap(suggestionLine(suggestion), { first: '  ', rest: '      ' }));
  }
  return `${lines.join('\n')}\n`;
}

function suggestionLine(suggestion: Suggestion<Findable>): string {
  const id = suggestion.item.id;
  if (suggestion.kind === 'id') return id;
  return `${suggestion.name} (${suggestion.kind === 'alert' ? 'alert of ' : ''}${id})`;
}

/**
 * Why `tested` records nothing when the query is one runbook's id or file path and an alert another
 * runbook claims: that claim may be a runbook taking over the other's id, and a drill recorded in
 * the wrong file would hide an untested runbook. Names every runbook involved.
 */
export function contestedText(query: string, candidates: readonly Findable[]): string {
  const named = candidates.filter((candidate) => isNamedBy(candidate, query));
  const claiming = candidates.filter((candidate) => !named.includes(candidate));
  const files = (some: readonly Findable[]): string => some.map((candidate) => printable(candidate.file)).join(', ');
  const lines = [
    `\`${printable(query)}\` is the id or file of ${files(named)} and an alert claimed by ${files(claiming)}`,
    'The alert name may be taking over the runbook\'s id (`runbook check` reports it: alert-shadows-id); rename the alert, or give the file path, e.g.',
  ];
  const example = named[0]?.file;
  if (example !== undefined) lines.push(`  runbook tested ${printable(example)}`);
  return `${lines.join('\n')}\n`;
}
