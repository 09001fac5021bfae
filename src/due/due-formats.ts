/** The formats of `runbook due`: one entry per format, each a function of the list. */
import type { Palette } from '../report/ansi.js';
import type { DueList } from './due-list.js';
import { renderDueIcs } from './due-ics.js';
import { renderDueJson } from './due-json.js';
import { renderDueMarkdown } from './due-markdown.js';
import { renderDueSlack } from './due-slack.js';
import { renderDueText } from './due-text.js';

export const DUE_FORMATS = ['text', 'markdown', 'json', 'ics', 'slack'] as const;

export type DueFormat = (typeof DUE_FORMATS)[number];

/** Each format's renderer; only `text` uses colour (the palette is colourless otherwise). */
export const DUE_RENDERERS: Readonly<Record<DueFormat, (list: DueList, style: Palette) => string>> = {
  text: renderDueText,
  markdown: renderDueMarkdown,
  json: renderDueJson,
  ics: renderDueIcs,
  slack: renderDueSlack,
};
