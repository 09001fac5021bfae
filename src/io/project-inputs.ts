/**
 * discover → identify, the shell's half of every run: loads the config, finds the runbook files,
 * takes a digest of each (reading only files whose stat changed since the cache last saw them), asks
 * git once, and computes the run's key. Parsing and checking are the pipeline's (src/run/).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { CalendarDate } from '../model/calendar-date.js';
import type { GitFacts } from '../model/git-facts.js';
import { NO_CACHE, type RunCache } from '../model/run-cache.js';
import { drillIdentity, sourceIdentity, type FoundFile, type ProjectInputs, type ReadSource, type RunRecord } from '../model/sources.js';
import { loadConfig } from './config-file.js';
import { readDrillSources } from './drill-files.js';
import { DiscoveryError, discoverRunbooks, displayPath, isInside } from './discover.js';
import { readGitFacts } from './git.js';
import { existingPaths, readSources } from './read-sources.js';
import { derivedKey, runKey } from './run-memo.js';
import { stampedIdentities, takeStamps } from './source-stamps.js';

/** Where to look and when "today" is: what every command that reads runbooks starts from. */
export interface InputOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly today: CalendarDate;
  readonly git: boolean;
  /** The ids of every rule, so the config can refuse unknown ones under `rules:`. */
  readonly ruleIds: readonly string[];
  /** Where parsed files are remembered between runs (default: none). */
  readonly cache?: RunCache;
  /**
   * Every runbook under the config's root, when the caller found them moments ago (`show`, which
   * looked them all up and then reads one): not searched for again for the collection's ids.
   */
  readonly collection?: readonly FoundFile[];
}

/**
 * The config, the runbook files and a digest of each (read only when its stat changed since the
 * cache last saw it), what git knows, and the run's key. Throws (exit 2) only when the run itself
 * cannot go on.
 */
export async function readProjectInputs(options: InputOptions): Promise<ProjectInputs> {
  const config = loadConfig(options.cwd, options.config, options.ruleIds);
  const found = discoverRunbooks(options.paths, config, options.cwd);
  if (found.length === 0) {
    const where = options.paths.length === 0 ? displayPath(config.root, options.cwd) : options.paths.join(', ');
    throw new DiscoveryError(`no runbooks found in ${where} (include: ${config.include.join(', ')})`);
  }
  const cache = options.cache ?? NO_CACHE;
  const stampsKey = derivedKey(config.root, 'source stamps');
  const stamps = cache.lookupStamps(stampsKey);
  const stamped = await stampedIdentities(found, stamps);
  const read = readMissing(found, (_file, index) => stamped[index] !== undefined);
  const identities = found.map((file, index) => stamped[index] ?? sourceIdentity(read.get(file.path) ?? bug(file)));
  if (read.size > 0) cache.storeStamps(stampsKey, takeStamps(stamps, [...read.values()].map(sourceIdentity), Date.now()));
  const git: GitFacts = options.git ? await readGitFacts(commonFolder(found.map((file) => dirname(file.path)))) : { kind: 'none' };
  const drills = readDrillSources(config.drills.folder, options.cwd);
  const key = runKey({ sources: identities, drills: drills.map(drillIdentity), config, today: options.today, git });
  const configLabel = config.source.kind === 'file' ? displayPath(config.source.path, options.cwd) : '.';
  const complete = options.paths.length === 0 || options.paths.some((path) => isInside(config.root, resolve(options.cwd, path)));
  const allIds = collectionIds(found, complete, () => options.collection ?? discoverRunbooks([], config, options.cwd), config.root);
  return { config, today: options.today, git, found, identities, read, key, rootLabel: displayPath(config.root, options.cwd), configLabel, cwd: options.cwd, complete, allIds, drills };
}

/** The ids of the runbooks found and, when the run reads only some (`check <file>`), of every other runbook under the config's root. */
function collectionIds(found: readonly FoundFile[], complete: boolean, collection: () => readonly FoundFile[], root: string): readonly string[] {
  const ids = found.map((file) => file.id);
  if (complete || !existsSync(root) || !statSync(root).isDirectory()) return ids;
  return [...new Set([...ids, ...collection().map((file) => file.id)])];
}

/** Every found file's bytes: those read for their digests, and the others read now. */
export function readAllSources(inputs: ProjectInputs): readonly ReadSource[] {
  const read = readMissing(inputs.found, (file) => inputs.read.has(file.path));
  return inputs.found.map((file) => inputs.read.get(file.path) ?? read.get(file.path) ?? bug(file));
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
