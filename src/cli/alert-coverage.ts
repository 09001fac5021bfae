import { resolve } from 'node:path';
import { computeCoverage, type Coverage } from '../check/coverage/coverage.js';
import { coverageDiagnostics } from '../check/coverage/diagnostics.js';
import { readRuleFiles, type RuleFileScope } from '../io/alert-rule-files.js';
import { displayPath, isInside } from '../io/discover.js';
import { repositoryOf } from '../io/inside-repository.js';
import type { RunCache } from '../io/run-cache.js';
import { loadProjectFrom, type ProjectInputs } from '../io/project.js';
import type { Config } from '../model/config.js';
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';

/** Alert coverage of some runbooks: the findings as diagnostics, the summary, and the rule files read. */
export interface AlertCoverage {
  readonly coverage: Coverage;
  readonly diagnostics: readonly Diagnostic[];
  /** The rule files read, as shown to users. */
  readonly ruleFiles: readonly string[];
}

/**
 * Reads the alert rule files (`globs`, read as `scope` says) and compares them with `runbooks`: the
 * shell part shared by `coverage` and by `check` when `alerts.rules` is set. `complete` says whether
 * `runbooks` is the whole collection (see {@link computeCoverage}).
 */
export function alertCoverage(
  runbooks: readonly Runbook[],
  config: Config,
  options: { readonly globs: readonly string[]; readonly scope: RuleFileScope; readonly cwd: string; readonly complete: boolean },
): AlertCoverage {
  const read = readRuleFiles(options.globs, options.scope, options.cwd);
  const configFile = config.source.kind === 'file' ? displayPath(config.source.path, options.cwd) : '.';
  const coverage = computeCoverage({
    ruleFiles: read.files,
    unmatched: read.unmatched.map((glob) => ({ glob, file: configFile })),
    runbooks,
    url: config.alerts.url,
    fromFileName: config.alerts.fromFileName,
    complete: options.complete,
  });
  return { coverage, diagnostics: coverageDiagnostics(coverage.findings, config), ruleFiles: read.files.map((file) => file.file) };
}

/** Where the rule files of `alerts.rules` may be: inside the config file's repository (see {@link repositoryOf}). */
export function configRuleScope(config: Config): RuleFileScope {
  const base = config.alerts.base;
  return { kind: 'config', base, repository: config.source.kind === 'file' ? repositoryOf(config.source.path) : { folder: base, kind: 'config-folder' } };
}

/** Whether checking `paths` reads the whole collection under the config's root (no paths: yes). */
export function coversRoot(paths: readonly string[], config: Config, cwd: string): boolean {
  return paths.length === 0 || paths.some((path) => isInside(config.root, resolve(cwd, path)));
}

/**
 * What `check` reports when `alerts.rules` is set: every rule's diagnostics plus alert coverage's,
 * sorted, and the rule files read. The runbooks are always parsed (from the run cache when it has
 * them), since a remembered run does not know the rule files.
 */
export function checkWithAlerts(
  inputs: ProjectInputs,
  paths: readonly string[],
  cwd: string,
  cache: RunCache,
): { readonly diagnostics: readonly Diagnostic[]; readonly ruleFiles: readonly string[] } {
  const project = loadProjectFrom(inputs, { cwd, cache });
  const config = project.config;
  const result = alertCoverage(project.runbooks, config, { globs: config.alerts.rules, scope: configRuleScope(config), cwd, complete: coversRoot(paths, config, cwd) });
  return { diagnostics: [...project.diagnostics, ...result.diagnostics].sort(compareDiagnostics), ruleFiles: result.ruleFiles };
}
