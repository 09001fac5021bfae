import { relative, sep } from 'node:path';
import type { Config } from '../model/config.js';
import type { FileSettings } from '../model/file-settings.js';
import { globMatcher } from './glob.js';

/** Each override's matcher, compiled once per config. */
const matchersOf = new WeakMap<Config, readonly ((path: string) => boolean)[]>();

/**
 * The settings of the runbook at `path` (absolute): the top-level ones, with every entry of
 * `overrides` whose `files` match its path relative to `root` laid over them in order, so later
 * entries win. Rules and defaults merge key by key; `sections.required` replaces the list. A file
 * outside `root` (named on the command line) matches no override.
 */
export function settingsFor(config: Config, path: string): FileSettings {
  const relativePath = relative(config.root, path).split(sep).join('/');
  const inside = relativePath !== '' && !relativePath.startsWith('../') && relativePath !== '..';
  const matching = inside ? config.overrides.filter((_, index) => matchersFor(config)[index]?.(relativePath) === true) : [];
  let settings = topLevelSettings(config);
  for (const override of matching) {
    settings = {
      rules: { ...settings.rules, ...Object.fromEntries(override.rules) },
      defaults: { ...settings.defaults, ...override.defaults },
      requiredSections: override.requiredSections ?? settings.requiredSections,
    };
  }
  return settings;
}

/** The settings of the config's top-level keys: those of files no override matches, and of findings on no runbook. */
export function topLevelSettings(config: Config): FileSettings {
  return { rules: Object.fromEntries(config.rules), defaults: config.defaults, requiredSections: config.requiredSections };
}

function matchersFor(config: Config): readonly ((path: string) => boolean)[] {
  let matchers = matchersOf.get(config);
  if (matchers === undefined) {
    // dot: a folder's override covers its runbooks in dot-folders too (the include globs decide what is a runbook).
    matchers = config.overrides.map((override) => globMatcher(override.files, { dot: true }));
    matchersOf.set(config, matchers);
  }
  return matchers;
}
