/**
 * Whether a cache folder is one a repository could fill. An entry's digest is a checksum, not a
 * secret, and its key follows from the tool's version, the config, the checkout path and the file's
 * bytes: entries a commit puts into a cache folder inside the checkout (`RUNBOOK_CACHE_DIR=.cache/runbook`,
 * natural in GitLab CI) would be read as the tool's own, so a planted run record would pass `check`
 * and a planted parse would put markup into the site. Such a cache folder is not used.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { findConfigFile } from './config-file.js';
import { isInside } from './discover.js';
import { repositoryOf } from './inside-repository.js';

/**
 * The folder holding `cache` among the working folder, its repository and the config file's
 * repository (`config` is `--config`, else the nearest config file above `cwd`), with the paths as
 * written or every symlink followed; undefined when it is in none of them. Never runs git.
 */
export function repositoryHoldingCache(cache: string, cwd: string, config: string | undefined): string | undefined {
  const configFile = config === undefined ? findConfigFile(cwd) : resolve(cwd, config);
  const folders = [
    resolve(cwd),
    // repositoryOf starts from the folder of the file it is given: a file in `cwd` makes it start there.
    repositoryOf(join(resolve(cwd), 'runbook.config.yaml')).folder,
    ...(configFile === undefined ? [] : [repositoryOf(configFile).folder]),
  ];
  const path = resolve(cwd, cache);
  const real = realPathOf(path);
  return folders.find((folder) => isInside(path, folder) || isInside(real, realPathOf(folder)));
}

/** `path` with every symlink among its parts that exist followed; the parts that do not exist (yet) are kept as written. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch (error: unknown) {
    if (!(error instanceof Error)) throw error;
    // Missing, unreadable or looping: its parent is resolved instead, and the name kept as it is.
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), basename(path));
  }
}
