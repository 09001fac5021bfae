import { dirname, sep } from 'node:path';
import { linkTargets } from '../check/links.js';
import { RULES } from '../check/registry.js';
import type { GitFacts } from '../model/git-facts.js';
import { runChecks, type ReadResult } from '../check/run.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RenderedBody, Runbook } from '../model/runbook.js';
import { loadConfig } from './config-file.js';
import { DiscoveryError, discoverRunbooks, displayPath, isInside, type FoundFile } from './discover.js';
import { readGitFacts } from './git.js';
import { existingPaths, parseSources, readSources, sourceIdentity, type ReadSource } from './read-runbooks.js';
import { stampedIdentities, takeStamps } from './source-stamps.js';
import { derivedKey, runKey, type RunRecord, type SourceIdentity } from './run-memo.js';
import { NO_CACHE, type RunCache } from './run-cache.js';

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
  readonly cache?: RunCache;
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
  /** Link targets outside the runbooks, and whether each exists (part of what a site shows). */
  readonly linkTargets: RunRecord['linkTargets'];
  /** The run's key, from every file's bytes as read for this run. */
  readonly key: string;
}

/** What a run starts from, read but not parsed: enough to tell whether anything changed. */
export interface ProjectInputs {
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
  readonly found: readonly FoundFile[];
  /** Each file's identity: its digest taken from its bytes, or from its stamp when its stat is unchanged. */
  readonly identities: readonly SourceIdentity[];
  /** The files that had to be read for their digests, by path, so that parsing does not read them again. */
  readonly read: ReadonlyMap<string, ReadSource>;
  /** The digest of everything that decides the run's diagnostics (`runKey`). */
  readonly key: string;
}

/**
 * discover → read → parse → check: loads the config, finds and reads the runbooks, reads git once,
 * and runs every rule. Throws (exit 2) only when the run itself cannot go on.
 */
export async function loadProject(options: ProjectOptions): Promise<Project> {
  return loadProjectFrom(await readProjectInputs(options), options);
}

/**
 * discover → identify: the config, the runbook files and a digest of each (read only when its stat
 * changed since the cache last saw it), what git knows, and the run's key.
 */
export async function readProjectInputs(options: Pick<ProjectOptions, 'cwd' | 'paths' | 'config' | 'today' | 'git' | 'cache'>): Promise<ProjectInputs> {
  const config = loadConfig(options.cwd, options.config, RULES.map((rule) => rule.id));
  const found = discoverRunbooks(options.paths, config, options.cwd);
  if (found.length === 0) {
    const where = options.paths.length === 0 ? displayPath(config.root, options.cwd) : options.paths.join(', ');
    throw new DiscoveryError(`no runbooks found in ${where} (include: ${config.include.join(', ')})`);
  }
  const cache = options.cache ?? NO_CACHE;
  const stampsKey = derivedKey(config.root, 'source stamps');
  const stamps = cache.lookupStamps(stampsKey);
  const stamped = stampedIdentities(found, stamps);
  const read = readMissing(found, (_file, index) => stamped[index] !== undefined);
  const identities = found.map((file, index) => stamped[index] ?? sourceIdentity(read.get(file.path) ?? bug(file)));
  if (read.size > 0) cache.storeStamps(stampsKey, takeStamps(stamps, [...read.values()].map(sourceIdentity), Date.now()));
  const git: GitFacts = options.git ? await readGitFacts(commonFolder(found.map((file) => dirname(file.path)))) : { kind: 'none' };
  const key = runKey({ sources: identities, config, today: options.today, git });
  return { config, today: options.today, git, found, identities, read, key };
}

/** parse → check, from inputs already read; remembers the diagnostics for `rememberedDiagnostics`. */
export function loadProjectFrom(inputs: ProjectInputs, options: Pick<ProjectOptions, 'cwd' | 'render' | 'cache'>): Project {
  const { config, git, found } = inputs;
  const cache = options.cache ?? NO_CACHE;
  // Every file's bytes are at hand now (those not read for their digests are read here), and they
  // decide the key under which this run is remembered.
  const read = readMissing(found, (file) => inputs.read.has(file.path));
  const sources = found.map((file) => inputs.read.get(file.path) ?? read.get(file.path) ?? bug(file));
  const identities = sources.map(sourceIdentity);
  const stampsHeld = identities.every((identity, index) => identity.digest === inputs.identities[index]?.digest);
  const key = stampsHeld ? inputs.key : runKey({ sources: identities, config, today: inputs.today, git });
  const results = parseSources(sources, config, { render: options.render ?? false, cache });
  const runbooks = results.flatMap((result): Runbook[] => (result.kind === 'runbook' ? [result.runbook] : []));
  const bodies = new Map(results.flatMap((result): [string, RenderedBody][] => (result.kind === 'runbook' ? [[result.runbook.path, result.body]] : [])));
  const targets = linkTargets(runbooks);
  const existingFiles = existingPaths(targets);
  const diagnostics = runChecks(results, { config, today: inputs.today, git, existingFiles, rootLabel: displayPath(config.root, options.cwd) });
  const record: RunRecord = { diagnostics, linkTargets: targets.map((target) => [target, existingFiles.has(target)]) };
  cache.storeRun(key, record);
  return { config, today: inputs.today, git, found, results, runbooks, bodies, diagnostics, linkTargets: record.linkTargets, key };
}

/** Reads the found files that `skip` does not exclude, by path. */
function readMissing(found: readonly FoundFile[], skip: (file: FoundFile, index: number) => boolean): ReadonlyMap<string, ReadSource> {
  return new Map(readSources(found.filter((file, index) => !skip(file, index))).map((source) => [source.found.path, source]));
}

function bug(file: FoundFile): never {
  throw new Error(`bug: ${file.file} was neither read nor stamped`);
}

/**
 * An earlier run with the same key, when the cache has it and every file its runbooks' links
 * pointed at is still there (or still missing); otherwise undefined, and the run is done afresh.
 */
export function rememberedRun(inputs: ProjectInputs, cache: RunCache): RunRecord | undefined {
  const record = cache.lookupRun(inputs.key);
  if (record === undefined) return undefined;
  const existing = existingPaths(record.linkTargets.map(([target]) => target));
  if (record.linkTargets.some(([target, existed]) => existing.has(target) !== existed)) return undefined;
  return record;
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
