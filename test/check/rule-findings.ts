import { parseRuleFile } from '../../src/check/coverage/rule-file.js';
import { RULES } from '../../src/check/registry.js';
import type { ExampleFiles, ExampleFinding, Finding, Rule, RuleContext } from '../../src/check/rule.js';
import { readDrillRecords } from '../../src/check/drill-records.js';
import { runAlertChecks, runChecks } from '../../src/check/run.js';
import type { CalendarDate } from '../../src/model/calendar-date.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { DrillSource } from '../../src/model/sources.js';
import { defaultConfig, parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { runbookOf, TODAY } from '../helpers.js';

/** Where example files live: runbooks under it, the config in it (so its root is the default `.`), drill records in its `drills/`. */
const ROOT = '/runbooks';

/** The config file of an example, by name. */
const CONFIG_FILE = 'runbook.config.yaml';

/** What one rule finds in Markdown text (as `example.md`, without git, with the default config) on `today`. */
export function findingsOf(ruleId: string, text: string, today: CalendarDate = TODAY): readonly Finding[] {
  const context: RuleContext = { config: defaultConfig(ROOT), today, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks' };
  const rule = ruleOf(ruleId);
  const runbook = runbookOf(text);
  if (rule.scope === 'runbook') return rule.check(runbook, context);
  if (rule.scope === 'collection') return rule.check([runbook], context);
  throw new Error(`rule ${ruleId} has no check function`);
}

/**
 * What the runner reports for `ruleId` over the files of an example (see {@link ExampleFiles}), on
 * `today`, without git: every rule runs as in `check` (the alert rules too when there is a rule
 * file, or the rule is one of them), and only the diagnostics with this rule id are kept.
 */
export function exampleDiagnostics(ruleId: string, example: ExampleFiles, today: CalendarDate = TODAY): readonly Diagnostic[] {
  const files = typeof example === 'string' ? { 'example.md': example } : example;
  const configText = files[CONFIG_FILE];
  const ruleIds = RULES.map((rule) => rule.id);
  const config = configText === undefined ? defaultConfig(ROOT) : parseConfig(configText, `${ROOT}/${CONFIG_FILE}`, { label: CONFIG_FILE, ruleIds });
  const names = Object.keys(files).filter((name) => name !== CONFIG_FILE && !isDrillRecord(name));
  const unknown = names.filter((name) => !/\.(md|ya?ml)$/.test(name));
  if (unknown.length > 0) throw new Error(`example files of ${ruleId} that are neither runbooks nor rule files: ${unknown.join(', ')}`);
  const runbookNames = names.filter((name) => name.endsWith('.md'));
  const drillSources = Object.keys(files)
    .filter(isDrillRecord)
    .sort()
    .map((file): DrillSource => {
      const bytes = new TextEncoder().encode(files[file]);
      return { kind: 'read', file, path: `${ROOT}/${file}`, bytes, digest: file };
    });
  const records = readDrillRecords(drillSources, { folder: config.drills.folder, ids: runbookNames.map((file) => file.replace(/\.md$/, '')), today });
  const context: RuleContext = { config, today, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks', drills: records.drills };
  const results = runbookNames
    .map((file) => parseRunbook({ id: file.replace(/\.md$/, ''), file, path: `${ROOT}/${file}`, bytes: new TextEncoder().encode(files[file]) }, config));
  const ruleFiles = names.filter((name) => /\.ya?ml$/.test(name)).map((file) => parseRuleFile(files[file] ?? '', file));
  const runbooks = results.flatMap((result) => (result.kind === 'runbook' ? [result.runbook] : []));
  const diagnostics = [
    ...runChecks(results, context, records),
    ...(ruleOf(ruleId).scope === 'alerts' || ruleFiles.length > 0 ? runAlertChecks(runbooks, { ruleFiles, unmatched: [], complete: true }, context) : []),
  ];
  return diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
}

/** Where {@link exampleDiagnostics} start (`line:column`, with the file when the example has several) and their codes. */
export function exampleFindings(ruleId: string, example: ExampleFiles): readonly Required<ExampleFinding>[] {
  return exampleDiagnostics(ruleId, example).map((diagnostic) => {
    const where = `${diagnostic.span.start.line}:${diagnostic.span.start.column}`;
    return { at: typeof example === 'string' ? where : `${diagnostic.file}:${where}`, code: diagnostic.code };
  });
}

/** Whether an example file is a drill record (`drills/<id>/<YYYY-MM-DD>.md`, under the default drills folder). */
function isDrillRecord(name: string): boolean {
  return name.startsWith('drills/');
}

/** The rule with this id; throws for an unknown one. */
function ruleOf(ruleId: string): Rule {
  const rule = RULES.find((candidate) => candidate.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return rule;
}
