import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../model/config.js';
import { printable } from '../text/terminal-text.js';
import { checkConfigPaths } from './config-paths.js';
import { displayPath } from './discover.js';
import { ConfigError, defaultConfig, parseConfig } from '../parse/config.js';

/** File names a config may have, in the order they are looked for in each folder. */
const CONFIG_NAMES = ['runbook.config.yaml', 'runbook.config.yml', 'runbook.config.json'] as const;

/** The nearest config file from `cwd` upwards, if any. */
export function findConfigFile(cwd: string): string | undefined {
  let folder = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * Loads the config: `explicit` (from `--config`) when given, else the nearest file above `cwd`, else
 * the defaults. Throws {@link ConfigError} for a missing explicit file or an invalid one, including
 * one naming a path that leads outside its repository.
 */
export function loadConfig(cwd: string, explicit: string | undefined, ruleIds: readonly string[]): Config {
  const path = explicit === undefined ? findConfigFile(cwd) : resolve(cwd, explicit);
  if (path === undefined) return defaultConfig(cwd);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new ConfigError(`cannot read config file ${displayPath(path, cwd)}`, { cause: error });
  }
  const label = displayPath(path, cwd);
  const config = parseConfig(text, path, { label, ruleIds });
  checkConfigPaths(config, { text, label: printable(label), cwd });
  return config;
}
