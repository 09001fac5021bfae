import type { Finding } from '../rule.js';
import { FILE_START } from '../../model/diagnostic.js';
import type { Located, Runbook } from '../../model/runbook.js';
import { fileNameAlert } from '../../parse/alert-claims.js';
import { plural } from '../../text/plural.js';
import { alertFolders, type AlertFolders } from '../../model/alert-paths.js';
import type { AlertRule, RuleFile } from './alert-rule.js';
import type { CoverageRuleId } from './rules.js';
import { expandUrlTemplate } from './url-template.js';
import { expectedUrls, leadsTo, type AlertInUrls } from './url-pattern.js';

/** Everything alert coverage looks at: plain values read by the shell. */
export interface CoverageInput {
  readonly ruleFiles: readonly RuleFile[];
  /** Globs of `alerts.rules` that matched no file, and the config file (as shown) they are written in. */
  readonly unmatched: readonly { readonly glob: string; readonly file: string }[];
  readonly runbooks: readonly Runbook[];
  /** `alerts.url`, when configured. */
  readonly url: string | undefined;
  /** Whether a runbook may answer the alert its file is named after (`alerts.from_file_name`). */
  readonly fromFileName: boolean;
  /**
   * Whether `runbooks` is the whole collection. When only some runbooks were read, an alert none of
   * them answers may have a runbook elsewhere, so `alert-without-runbook` is not reported.
   */
  readonly complete: boolean;
}

/** A coverage problem: a finding and the rule that reports it. */
export interface CoverageFinding extends Finding {
  readonly ruleId: CoverageRuleId;
}

/** How many of the alerts defined in one rule file some runbook answers. */
export interface FileCoverage {
  readonly file: string;
  /** The alert names the file defines, each once, in file order. */
  readonly alerts: readonly string[];
  /** The alerts no runbook answers, in file order. */
  readonly uncovered: readonly string[];
}

/** The result of alert coverage: findings, and alerts covered / total per rule file and overall. */
export interface Coverage {
  readonly findings: readonly CoverageFinding[];
  readonly files: readonly FileCoverage[];
  /** Distinct alert names over all rule files. */
  readonly total: { readonly alerts: number; readonly covered: number };
}

/** A runbook's claim on an alert. */
interface Claim {
  readonly runbook: Runbook;
  readonly alert: Located<string>;
}

/**
 * Compares the alerts the rule files define with the alerts the runbooks answer, and each rule's
 * `runbook_url` with the URL `alerts.url` gives for the runbook answering it.
 */
export function computeCoverage(input: CoverageInput): Coverage {
  const findings: CoverageFinding[] = [];
  const claims = new Map<string, Claim[]>();
  for (const runbook of input.runbooks) {
    for (const alert of runbook.alerts) {
      const group = claims.get(alert.value);
      if (group === undefined) claims.set(alert.value, [{ runbook, alert }]);
      else group.push({ runbook, alert });
    }
  }
  const folders = alertFolders(claims.keys());
  for (const { glob, file } of input.unmatched) {
    findings.push({ ruleId: 'alert-rules-not-found', file, span: FILE_START, message: `\`alerts.rules\` glob \`${glob}\` matches no file`, actual: glob });
  }
  for (const ruleFile of input.ruleFiles) {
    for (const problem of ruleFile.problems) findings.push({ ruleId: 'alert-rules-invalid', file: ruleFile.file, span: problem.span, message: problem.value });
    for (const alert of ruleFile.alerts) findings.push(...alertFindings(alert, claims.get(alert.name) ?? [], { name: alert.name, folders: pageFolders(folders, alert.name) }, input));
  }
  const defined = new Set(input.ruleFiles.flatMap((ruleFile) => ruleFile.alerts.map((alert) => alert.name)));
  const unreadable = input.ruleFiles.some((ruleFile) => ruleFile.problems.length > 0);
  for (const [name, group] of claims) {
    if (defined.has(name)) continue;
    for (const { runbook, alert } of group) {
      const byFileName = input.fromFileName && alert.span.start.line === 1 && alert.span.start.column === 1 && fileNameAlert(runbook.id) === name;
      const notes = [
        ...(byFileName ? [`The file is named after the alert (\`alerts.from_file_name\`).`] : []),
        ...(unreadable ? ['Some alert rule files could not be read completely.'] : []),
      ];
      findings.push({
        ruleId: 'runbook-alert-undefined',
        file: runbook.file,
        span: alert.span,
        message: `Alert \`${name}\` is not defined by any alert rule (${plural(input.ruleFiles.length, 'rule file')} read)`,
        actual: name,
        ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
      });
    }
  }
  const files = input.ruleFiles.map((ruleFile): FileCoverage => {
    const alerts = [...new Set(ruleFile.alerts.map((alert) => alert.name))];
    return { file: ruleFile.file, alerts, uncovered: alerts.filter((name) => !claims.has(name)) };
  });
  return { findings, files, total: { alerts: defined.size, covered: [...defined].filter((name) => claims.has(name)).length } };
}

/** What is wrong with one alert rule: no runbook, no `runbook_url`, or a `runbook_url` leading elsewhere. */
function alertFindings(alert: AlertRule, claims: readonly Claim[], inUrls: AlertInUrls, input: CoverageInput): readonly CoverageFinding[] {
  const findings: CoverageFinding[] = [];
  const [first] = claims;
  if (first === undefined && input.complete) {
    findings.push({
      ruleId: 'alert-without-runbook',
      file: alert.file,
      span: alert.span,
      message: `Alert \`${alert.name}\` has no runbook: no runbook lists it under \`alerts\`${input.fromFileName ? ' or is named after it' : ''}`,
      actual: alert.name,
    });
  }
  const expected = first !== undefined && input.url !== undefined ? expectedUrls(input.url, inUrls, first.runbook.id)[0] : undefined;
  if (alert.runbookUrl.kind === 'none') {
    findings.push({
      ruleId: 'alert-without-runbook-url',
      file: alert.file,
      span: alert.span,
      message: `Alert \`${alert.name}\` has no \`runbook_url\` annotation`,
      ...(expected === undefined ? {} : { expected }),
    });
  } else if (expected !== undefined && input.url !== undefined) {
    const pattern = input.url;
    const parts = expandUrlTemplate(alert.runbookUrl.value, alert.name);
    if (!claims.some((claim) => leadsTo(parts, expectedUrls(pattern, inUrls, claim.runbook.id)))) {
      const answering = claims.map((claim) => `\`${claim.runbook.id}\``).join(', ');
      findings.push({
        ruleId: 'runbook-url-mismatch',
        file: alert.file,
        span: alert.runbookUrl.span,
        message: `\`runbook_url\` of alert \`${alert.name}\` does not lead to its runbook ${answering}: expected \`${expected}\`, found \`${alert.runbookUrl.value}\``,
        expected,
        actual: alert.runbookUrl.value,
        note: `The URL comes from \`alerts.url\` (\`${pattern}\`); the alert name and runbook id may also be lowercased.`,
      });
    }
  }
  return findings;
}

/** The folders (under `alerts/`) of the pages the site writes for an alert: `DiskFull`, `diskfull`. */
function pageFolders(folders: AlertFolders, name: string): readonly string[] {
  return (folders.get(name) ?? []).map((folder) => folder.slice(folder.indexOf('/') + 1));
}
