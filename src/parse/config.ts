/**
 * Reading a config file: its text (YAML, of which JSON is a subset) is checked against the schema
 * of what users write (config-schema.ts), then by a few cross-field checks, every problem located
 * in the file (config-locations.ts), and the result normalised to the `Config` the program uses
 * (config-normalise.ts). Reading goes through here; the schema and the defaults are imported from
 * their own modules.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Config } from '../model/config.js';
import { excerpt, PARSER_MESSAGE_LENGTH, printable } from '../text/terminal-text.js';
import { closest as closestKey } from './closest.js';
import { keyNodeAt, nodeAt, placeOf } from './config-locations.js';
import { normaliseConfig } from './config-normalise.js';
import { configSchema, keysAllowedAt, type WrittenConfig } from './config-schema.js';
import { errorsWithDuplicateKeys, YAML_OPTIONS } from './yaml-unique-keys.js';

/** Largest alias expansion accepted when the config is read: defeats "billion laughs". */
const MAX_ALIAS_COUNT = 100;

/** The run cannot go on because the configuration is wrong; the message says where and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** How `parseConfig` names the file in messages, and which rule ids `rules:` may name. */
export interface ConfigOptions {
  /** The path as shown to users (default: `path`). */
  readonly label?: string;
  /** The known rule ids; when given, `rules:` keys are checked against them. */
  readonly ruleIds?: readonly string[];
}

/** Reports a problem at a node of the config's document (undefined: the file as a whole). */
type Report = (node: YamlNode | undefined, message: string) => void;

/**
 * Parses a config file's text (YAML, of which JSON is a subset) into the normalised {@link Config}.
 * Throws {@link ConfigError} naming the file, line and column of every problem (up to ten). What
 * the message quotes of the file (keys, ids, YAML's messages) is a short printable excerpt, since
 * the message is printed to a terminal or a CI log and the config may come from a pull request.
 */
export function parseConfig(text: string, path: string, options: ConfigOptions = {}): Config {
  const label = printable(options.label ?? path);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', ...YAML_OPTIONS });
  const yamlError = errorsWithDuplicateKeys(document)[0];
  if (yamlError !== undefined) {
    const { line, col } = lineCounter.linePos(yamlError.pos[0]);
    throw new ConfigError(`${label}:${line}:${col}: invalid YAML: ${excerpt(yamlError.message, PARSER_MESSAGE_LENGTH)}`);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error: unknown) {
    throw new ConfigError(`${label}: cannot read the config`, { cause: error });
  }
  const at = placeOf(lineCounter, label);
  const problems: { readonly line: number; readonly text: string }[] = [];
  const report: Report = (node, message) => {
    const where = at(node);
    problems.push({ line: where.line, text: `${where.text}: ${message}` });
  };
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(issue, document.contents, report);
  } else {
    reportDuplicateSeverities(parsed.data, document.contents, report);
    reportDrillsHoldingRoot(parsed.data, dirname(path), document.contents, report);
    if (options.ruleIds !== undefined) reportUnknownRules(parsed.data, options.ruleIds, document.contents, report);
  }
  if (!parsed.success || problems.length > 0) {
    const sorted = [...problems].sort((a, b) => a.line - b.line).slice(0, 10);
    throw new ConfigError(`invalid configuration:\n  ${sorted.map((problem) => problem.text).join('\n  ')}`);
  }
  return normaliseConfig(parsed.data, { kind: 'file', path }, dirname(path));
}

/** The config used when no file is found: defaults, runbooks under `cwd`. */
export function defaultConfig(cwd: string): Config {
  return normaliseConfig({}, { kind: 'defaults' }, cwd);
}

/** One problem the schema found, at the key or value it is about, with "did you mean" for an unknown key. */
function reportIssue(issue: z.core.$ZodIssue, contents: unknown, report: Report): void {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key.description) : key));
  const name = path.length > 0 ? `\`${path.map((key) => excerpt(String(key))).join('.')}\`: ` : '';
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const suggestion = closestKey(key, keysAllowedAt(path));
      report(keyNodeAt(contents, path, key) ?? nodeAt(contents, path), `${name}unknown key \`${excerpt(key)}\`${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`}`);
    }
  } else {
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    report(nodeAt(contents, path), missing ? `${name}missing (required)` : `${name}${issue.message}`);
  }
}

/** A severity id listed twice would make its rank ambiguous. */
function reportDuplicateSeverities(written: WrittenConfig, contents: unknown, report: Report): void {
  for (const [index, level] of (written.severities ?? []).entries()) {
    const first = written.severities?.findIndex((other) => other.id === level.id);
    if (first !== index) report(nodeAt(contents, ['severities', index, 'id']), `severity \`${excerpt(level.id)}\` is listed twice`);
  }
}

/** Drill records are not runbooks: a drills folder holding the runbooks root would leave no runbook to read. */
function reportDrillsHoldingRoot(written: WrittenConfig, base: string, contents: unknown, report: Report): void {
  if (written.drills?.folder === undefined) return;
  const fromRecords = relative(resolve(base, written.drills.folder), resolve(base, written.root ?? '.'));
  if (fromRecords === '' || (fromRecords !== '..' && !fromRecords.startsWith(`..${sep}`) && !isAbsolute(fromRecords))) {
    report(nodeAt(contents, ['drills', 'folder']), `\`drills.folder\` \`${excerpt(written.drills.folder)}\` holds the runbooks root (\`root\`): expected a folder of its own for the drill records, such as \`drills\``);
  }
}

/** A `rules:` key (top-level or in an override) that names no rule would be silently ignored: most likely a typo. */
function reportUnknownRules(written: WrittenConfig, ruleIds: readonly string[], contents: unknown, report: Report): void {
  const places: readonly (readonly [readonly (string | number)[], Readonly<Record<string, unknown>> | undefined])[] = [
    [['rules'], written.rules],
    ...(written.overrides ?? []).map((override, index) => [['overrides', index, 'rules'], override.rules] as const),
  ];
  for (const [path, rules] of places) {
    // The schema drops a `__proto__` key without a word (found by H8, #12): it is read from the document.
    const proto = keyNodeAt(contents, path, '__proto__') === undefined ? [] : ['__proto__'];
    for (const id of [...Object.keys(rules ?? {}), ...proto]) {
      if (ruleIds.includes(id)) continue;
      const suggestion = closestKey(id, ruleIds);
      const name = path.join('.');
      report(keyNodeAt(contents, path, id), `unknown rule \`${excerpt(id)}\` in \`${name}\`${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`}`);
    }
  }
}
