/**
 * `runbook due --format slack`: a Block Kit message payload for an incoming webhook (a header, a
 * section per team, a context line). Runbook text is escaped for mrkdwn (`&`, `<`, `>`), so no title
 * can make a link or a mention (`<!channel>`, `<http://evil|click>`), and `@here`, `@channel`,
 * `@everyone` get a word joiner after the `@`. Block Kit's limits are kept: at most 50 blocks, 150
 * characters in the header, 3000 in a section's text; what does not fit ends in `…and N more`.
 */
import { jsonText } from '../report/json-text.js';
import { plural } from '../text/plural.js';
import { whenText, type DueEntry, type DueList, type DueTeam } from './due-list.js';
import { summary } from './due-text.js';

/** Block Kit's limits (api.slack.com/reference/block-kit). */
const SLACK_LIMITS = { blocks: 50, headerText: 150, sectionText: 3000 } as const;

/** The longest runbook title shown, so one title never fills a section. */
const TITLE_CHARACTERS = 200;

type TextObject = { readonly type: 'plain_text'; readonly text: string; readonly emoji: boolean } | { readonly type: 'mrkdwn'; readonly text: string };

/** The blocks this payload uses. */
export type SlackBlock =
  | { readonly type: 'header'; readonly text: Extract<TextObject, { readonly type: 'plain_text' }> }
  | { readonly type: 'section'; readonly text: Extract<TextObject, { readonly type: 'mrkdwn' }> }
  | { readonly type: 'context'; readonly elements: readonly Extract<TextObject, { readonly type: 'mrkdwn' }>[] };

/** The message: `text` is the notification's fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** The list as a Block Kit message. */
function dueSlackMessage(list: DueList): SlackMessage {
  const scope = list.team === undefined ? '' : ` of ${list.team.name}`;
  const headline = list.counts.total === 0 ? `No runbooks${scope} due by ${list.until}` : `${plural(list.counts.total, 'runbook')}${scope} due by ${list.until}: ${summary(list)}`;
  const room = SLACK_LIMITS.blocks - 2;
  const shown = list.teams.length <= room ? list.teams : list.teams.slice(0, room - 1);
  const hidden = list.teams.slice(shown.length);
  const sections = shown.map((team): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: teamText(team) } }));
  const rest: SlackBlock[] =
    hidden.length === 0
      ? []
      : [{ type: 'section', text: { type: 'mrkdwn', text: `…and ${plural(hidden.length, 'more team')} (${plural(hidden.reduce((sum, team) => sum + team.entries.length, 0), 'runbook')})` } }];
  return {
    text: mrkdwn(headline),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(headline, SLACK_LIMITS.headerText), emoji: false } },
      ...sections,
      ...rest,
      { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn(`Within ${list.within} of ${list.today} · overdue and never-tested runbooks first · runbook due`) }] },
    ],
  };
}

/** A team's section: its name, then one line per runbook while they fit, then `…and N more`. */
function teamText(team: DueTeam): string {
  const head = `*${mrkdwn(team.name)}*${team.id === undefined ? '' : ` (${mrkdwn(team.id)})`}`;
  const lines = [head];
  let length = head.length;
  for (const [index, entry] of team.entries.entries()) {
    const line = entryLine(entry);
    const left = team.entries.length - index - 1;
    const more = left === 0 ? 0 : `\n…and ${left} more`.length;
    if (length + 1 + line.length + more > SLACK_LIMITS.sectionText) {
      lines.push(`…and ${team.entries.length - index} more`);
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join('\n');
}

function entryLine(entry: DueEntry): string {
  const view = entry.view;
  const title = mrkdwn(cut(view.runbook.title, TITLE_CHARACTERS));
  const link = view.url === undefined ? `*${title}*` : `*<${slackUrl(view.url)}|${title}>*`;
  const severity = view.severity === undefined ? '' : ` · ${mrkdwn(view.severity.id)}`;
  const dates = entry.kind === 'never-tested' ? '' : ` (due ${entry.review.due}, last tested ${entry.review.lastTested})`;
  const when = entry.kind === 'due' ? whenText(entry) : `*${whenText(entry)}*`;
  return `• ${link} ${mrkdwn(view.runbook.id)}${severity} · ${when}${dates}`;
}

/** Text for mrkdwn: the three characters Slack reads as markup escaped, and no broadcast mention. */
function mrkdwn(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=here|channel|everyone)/gi, '@\u2060');
}

/** A URL inside `<…|…>`: nothing in it can end the link or start its label. */
function slackUrl(url: string): string {
  return url.replace(/[|<>\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/&/g, '&amp;');
}

/** At most `length` UTF-16 code units (what `.length` counts, never fewer than Slack's characters), cut between code points with `…`. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  let kept = '';
  for (const character of text) {
    if (kept.length + character.length > length - 1) break;
    kept += character;
  }
  return `${kept}…`;
}

/** The payload as JSON text, ready for `curl --data @due.json`. */
export function renderDueSlack(list: DueList): string {
  return jsonText(dueSlackMessage(list));
}
