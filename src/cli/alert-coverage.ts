import { resolve } from 'node:path';
import type { AlertsInput } from '../check/coverage/alert-rule.js';
import { computeCoverage, type Coverage } from '../check/coverage/coverage.js';
import { parseRuleFileSource } from '../check/coverage/rule-file.js';
import type { RuleContext } from '../check/rule.js';
import { runAlertChecks } from '../check/run.js';
import { readRuleFiles, type RuleFileScope } from '../io/alert-rule-files.js';
import { displayPath, isInside } from '../io/discover.js';
import { repositoryOf } from '../io/inside-repository.js';
import type { RunCache } from '../model/run-cache.js';
import type { ProjectInputs } from '../model/sources.js';
import { loadProjectFrom, type Project } from '../run/project.js';
import { NODE_SHELL } from './shell.js';
import type { Config } from '../model/config.js';
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';

/** Alert coverage of some runbooks: the alert rules' diagnostics, the summary, and the rule files read. */
export interface AlertCoverage {
  readonly coverage: Coverage;
  readonly diagnostics: readonly Diagnostic[];
  /** The rule files read, as shown to users. */
  readonly ruleFiles: readonly string[];
  /** The globs that matched no file. */
  readonly unmatched: readonly string[];
}

/**
 * Reads the alert rule files (`globs`, read as `scope` says), parses them, and runs the alert rules
 * over them and `runbooks` (`runAlertChecks`): the part shared by `coverage` and by `check` when
 * `alerts.rules` is set. `complete` says whether `runbooks` is the whole collection (see {@link AlertsInput}).
 */
export function alertCoverage(
  runbooks: readonly Runbook[],
  context: RuleContext,
  options: { readonly globs: readonly string[]; readonly scope: RuleFileScope; readonly cwd: string; readonly complete: boolean },
): AlertCoverage {
  const read = readRuleFiles(options.globs, options.scope, options.cwd);
  const ruleFiles = read.files.map(parseRuleFileSource);
  const source = context.config.source;
  const configFile = source.kind === 'file' ? displayPath(source.path, options.cwd) : '.';
  const alerts: AlertsInput = { ruleFiles, unmatched: read.unmatched.map((glob) => ({ glob, file: configFile })), complete: options.complete };
  return {
    coverage: computeCoverage(ruleFiles, runbooks),
    diagnostics: runAlertChecks(runbooks, alerts, context),
    ruleFiles: ruleFiles.map((file) => file.file),
    unmatched: read.unmatched,
  };
}

/** What the rules of a loaded project read besides its runbooks (as the run's own checks had it). */
export function projectContext(project: Project, cwd: string): RuleContext {
  const existingFiles = new Set(project.linkTargets.flatMap(([target, exists]) => (exists ? [target] : [])));
  return { config: project.config, today: project.today, git: project.git, existingFiles, rootLabel: displayPath(project.config.root, cwd) };
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
  const project = loadProjectFrom(inputs, { cache }, NODE_SHELL);
  const config = project.config;
  const result = alertCoverage(project.runbooks, projectContext(project, cwd), { globs: config.alerts.rules, scope: configRuleScope(config), cwd, complete: coversRoot(paths, config, cwd) });
  return { diagnostics: [...project.diagnostics, ...result.diagnostics].sort(compareDiagnostics), ruleFiles: result.ruleFiles };
}
