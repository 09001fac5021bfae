/**
 * The output formats of `runbook check`, by name. A new format is one file in `src/report/` plus
 * one line here.
 */
import { concise } from './concise.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { pretty } from './pretty.js';
import type { Formatter } from './report.js';
import { sarif } from './sarif.js';

/** Every output format, by the name `--format` takes; `pretty` is the default. */
export const FORMATTERS = { pretty, concise, json, github, gitlab, junit, sarif } as const satisfies Record<string, Formatter>;

/** The name of an output format. */
export type FormatName = keyof typeof FORMATTERS;

/** Whether a string (say, the value of `--format`) names an output format. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

/** The format names, in the order help text lists them (the order of `FORMATTERS`). */
export const FORMAT_NAMES: readonly FormatName[] = Object.keys(FORMATTERS).filter(isFormatName);
