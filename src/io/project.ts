import { dirname, sep } from 'node:path';
import { linkTargets } from '../check/links.js';
import { RULES } from '../check/registry.js';
import type { GitFacts } from '../check/rule.js';
import { runChecks, type ReadResult } from '../check/run.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RenderedBody, Runbook } from '../model/runbook.js';
import { loadConfig } from './config-file.js';
import { DiscoveryError, discoverRunbooks, displayPath, isInside, type FoundFile } from './discover.js';
import { readGitFacts } from './git.js';
import { existingPaths, readRunbooks } from './read-runbooks.js';
import { NO_CACHE, type ParseCache } from './parse-cache.js';

/** What every command that reads runbooks needs: where to look, and when "today" is. */
export interface ProjectOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly today: CalendarDate;
  readonly git: boolean;
  /** Also render each body to HTML (for the site) while its tree is at hand. */
  readonly render?: boolean;
  /** Where parsed files are remembered between runs (default: none). */
  readonly cache?: ParseCache;
}

/** The runbooks of one run, read, parsed and checked: the input of every command. */
export interface Project {
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
  readonly found: readonly FoundFile[];
  readonly results: readonly ReadResult[];
  readonly runbooks: readonly Runbook[];
  /** Rendered bodies by absolute path (empty unless `render` was asked for). */
  readonly bodies: ReadonlyMap<string, RenderedBody>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * discover → read → parse → check: loads the config, finds and reads the runbooks, reads git once,
 * and runs every rule. Throws (exit 2) only when the run itself cannot go on.
 */
export async function loadProject(options: ProjectOptions): Promise<Project> {
  const config = loadConfig(options.cwd, options.config, RULES.map((rule) => rule.id));
  const found = discoverRunbooks(options.paths, config, options.cwd);
  if (found.length === 0) {
    const where = options.paths.length === 0 ? displayPath(config.root, options.cwd) : options.paths.join(', ');
    throw new DiscoveryError(`no runbooks found in ${where} (include: ${config.include.join(', ')})`);
  }
  const results = readRunbooks(found, config, { render: options.render ?? false, cache: options.cache ?? NO_CACHE });
  const runbooks = results.flatMap((result): Runbook[] => (result.kind === 'runbook' ? [result.runbook] : []));
  const bodies = new Map(results.flatMap((result): [string, RenderedBody][] => (result.kind === 'runbook' ? [[result.runbook.path, result.body]] : [])));
  const git: GitFacts = options.git ? await readGitFacts(commonFolder(found.map((file) => dirname(file.path)))) : { kind: 'none' };
  const diagnostics = runChecks(results, {
    config,
    today: options.today,
    git,
    existingFiles: existingPaths(linkTargets(runbooks)),
    rootLabel: displayPath(config.root, options.cwd),
  });
  return { config, today: options.today, git, found, results, runbooks, bodies, diagnostics };
}

/** The deepest folder containing all of `folders`. */
export function commonFolder(folders: readonly string[]): string {
  const [first = sep, ...rest] = folders;
  let common = first;
  for (const folder of rest) {
    while (!isInside(folder, common)) common = dirname(common);
  }
  return common;
}
