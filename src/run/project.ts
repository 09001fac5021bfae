/**
 * The one pipeline: discover → read → parse → check, for every command. The shell supplies the
 * effects (`RunShell`); everything here is plain values in, plain values out.
 */
import { readDrillRecords } from '../check/drill-records.js';
import { linkTargets } from '../check/links.js';
import { RULES } from '../check/registry.js';
import type { RuleContext } from '../check/rule.js';
import { runChecks, type ReadResult } from '../check/run.js';
import type { Config } from '../model/config.js';
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { DrillRecordFile } from '../model/drill.js';
import { NO_CACHE, type RunCache } from '../model/run-cache.js';
import type { RenderedBody, Runbook } from '../model/runbook.js';
import { drillIdentity, sourceIdentity, type FoundFile, type ProjectInputs, type RunRecord } from '../model/sources.js';
import { alertCoverage } from './alert-coverage.js';
import { parseSources } from './parse-sources.js';
import type { RunRequest, RunShell } from './shell.js';
import type { Jobs } from '../parse/parse-file.js';

/** The ids of every rule: the config refuses others under `rules:`. */
const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** Parsing on this thread only. */
const ONE_THREAD: Jobs = { kind: 'given', count: 1 };

/** What a run is asked for, and how it runs (see `RunOptions`). */
export type ProjectOptions = RunRequest & RunOptions;

/** The runbooks of one run, read, parsed and checked: the input of every command. */
export interface Project extends Pick<ProjectInputs, 'config' | 'today' | 'git' | 'found' | 'complete' | 'configLabel'> {
  readonly results: readonly ReadResult[];
  readonly runbooks: readonly Runbook[];
  /** The drill records that count (parsed, of a runbook of the collection, not after today), sorted by runbook id then start; their files' problems are among `diagnostics`. */
  readonly drills: readonly DrillRecordFile[];
  /** Rendered bodies by absolute path (empty unless `render` was asked for). */
  readonly bodies: ReadonlyMap<string, RenderedBody>;
  readonly diagnostics: readonly Diagnostic[];
  /** Link targets outside the runbooks, and whether each exists (part of what a site shows). */
  readonly linkTargets: RunRecord['linkTargets'];
  /** The run's key, from every file's bytes as read for this run. */
  readonly key: string;
  /** What the rules read besides the runbooks (for rules run later: `coverage`). */
  readonly context: RuleContext;
  /** The alert rule files read (with `alerts`), as shown to users. */
  readonly ruleFiles: readonly string[];
  /** The diagnostics of the runbook rules alone, without alert coverage's: what the run remembers and the site shows. */
  readonly runbookDiagnostics: readonly Diagnostic[];
}

/** How `loadProjectFrom` runs: render bodies (for the site), the cache, and alert coverage. */
export interface RunOptions {
  readonly render?: boolean;
  readonly cache?: RunCache;
  /**
   * Also run the alert rules over the config's `alerts.rules` (when it names any) and report their
   * diagnostics with the others. Their result is not remembered: the run's key does not cover the
   * rule files.
   */
  readonly alerts?: boolean;
  /** How many threads may parse the files the cache does not hold (default: this one only). */
  readonly jobs?: Jobs;
}

/** discover → read → parse → check. Throws (exit 2) only when the run itself cannot go on. */
export async function loadProject(options: ProjectOptions, shell: RunShell): Promise<Project> {
  return loadProjectFrom(await readInputs(options, shell), options, shell);
}

/** discover → identify (the first half, for commands that may reuse a remembered run). */
export function readInputs(request: RunRequest, shell: RunShell): Promise<ProjectInputs> {
  return shell.readInputs({ ...request, ruleIds: RULE_IDS });
}

/** parse → check, from inputs already identified; remembers the diagnostics under the run's key. */
export async function loadProjectFrom(inputs: ProjectInputs, options: RunOptions, shell: RunShell): Promise<Project> {
  const { config, git, found } = inputs;
  const cache = options.cache ?? NO_CACHE;
  // Every file's bytes are at hand now, and they decide the key under which this run is remembered.
  const sources = shell.readAll(inputs);
  const identities = sources.map(sourceIdentity);
  const stampsHeld = identities.every((identity, index) => identity.digest === inputs.identities[index]?.digest);
  const key = stampsHeld ? inputs.key : shell.runKey({ sources: identities, drills: inputs.drills.map(drillIdentity), config, today: inputs.today, git });
  const results = await parseSources(shell.parseFiles, sources, config, { render: options.render ?? false, cache, cacheKey: shell.cacheKey, jobs: options.jobs ?? ONE_THREAD });
  const runbooks = results.flatMap((result): Runbook[] => (result.kind === 'runbook' ? [result.runbook] : []));
  const bodies = new Map(results.flatMap((result): [string, RenderedBody][] => (result.kind === 'runbook' ? [[result.runbook.path, result.body]] : [])));
  const targets = linkTargets(runbooks);
  const existingFiles = shell.existingPaths(targets);
  const records = readDrillRecords(inputs.drills, { folder: config.drills.folder, ids: inputs.allIds, today: inputs.today });
  const context: RuleContext = { config, today: inputs.today, git, existingFiles, rootLabel: inputs.rootLabel, allIds: inputs.allIds, drills: records.drills };
  const checked = runChecks(results, context, records);
  const record: RunRecord = { diagnostics: checked, linkTargets: targets.map((target) => [target, existingFiles.has(target)]) };
  cache.storeRun(key, record);
  const alerts =
    options.alerts === true && config.alerts.rules.length > 0
      ? alertCoverage(runbooks, context, shell.readConfigRuleFiles(config, inputs.cwd), { configFile: inputs.configLabel, complete: inputs.complete })
      : undefined;
  const diagnostics = alerts === undefined ? checked : [...checked, ...alerts.diagnostics].sort(compareDiagnostics);
  return { config, today: inputs.today, git, found, results, runbooks, drills: records.drills, bodies, diagnostics, linkTargets: record.linkTargets, key, context, ruleFiles: alerts?.ruleFiles ?? [], runbookDiagnostics: checked, complete: inputs.complete, configLabel: inputs.configLabel };
}

/** Parses some found files on their own with the run's config (`show`: the findable scan's fallback). */
export function parseFound(found: readonly FoundFile[], config: Config, shell: RunShell): Promise<readonly ReadResult[]> {
  return parseSources(shell.parseFiles, shell.readSources(found), config, { render: false, cache: NO_CACHE, cacheKey: shell.cacheKey, jobs: ONE_THREAD });
}
