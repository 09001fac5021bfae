/**
 * The formats of a cheat sheet. `md` and `txt` are strings made straight from the sheet; `html` needs
 * the templates; `pdf` is the html printed by a browser, so it lives in the shell.
 */
import { renderSheetMarkdown } from './markdown.js';
import type { CheatSheet } from './sheet.js';
import { renderSheetText } from './text.js';

/** Every format, in the order `--help` lists them. */
export const SHEET_FORMATS = ['html', 'md', 'txt', 'pdf'] as const;

export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** The formats for chat and terminals: a sheet becomes text without templates or a browser. */
export type TextFormat = Extract<SheetFormat, 'md' | 'txt'>;

/** The renderer of each text format. */
export const TEXT_RENDERERS: Readonly<Record<TextFormat, (sheet: CheatSheet) => string>> = {
  md: renderSheetMarkdown,
  txt: renderSheetText,
};

/** Whether a format is one of the text formats. */
export function isTextFormat(format: SheetFormat): format is TextFormat {
  return format === 'md' || format === 'txt';
}
