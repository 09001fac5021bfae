import { readConfigRuleFiles } from '../io/alert-rule-files.js';
import { readAllSources, readProjectInputs } from '../io/project-inputs.js';
import { existingPaths, readSources } from '../io/read-sources.js';
import { parseFiles } from '../io/parse-pool.js';
import { cacheKey } from '../io/run-cache.js';
import { runKey } from '../io/run-memo.js';
import type { RunShell } from '../run/shell.js';

/** The pipeline's effects on this machine: files, git, the clock, the cache (all from src/io/). */
export const NODE_SHELL: RunShell = {
  readInputs: readProjectInputs,
  readAll: readAllSources,
  readSources,
  existingPaths,
  runKey,
  parseFiles,
  cacheKey,
  readConfigRuleFiles,
};
