import { describe, expect, it } from 'vitest';
import type { RuleFile } from '../../src/check/coverage/alert-rule.js';
import { computeCoverage } from '../../src/check/coverage/coverage.js';
import { parseRuleFile } from '../../src/check/coverage/rule-file.js';
import { RULES } from '../../src/check/registry.js';
import { runAlertChecks } from '../../src/check/run.js';
import { coverageJson, coverageText } from '../../src/report/coverage-summary.js';
import type { Config } from '../../src/model/config.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Runbook } from '../../src/model/runbook.js';
import { defaultConfig, parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { TODAY } from '../helpers.js';

const CONFIG = defaultConfig('/repo');

function runbook(id: string, alerts: readonly string[], config: Config = CONFIG): Runbook {
  const text = `---\ntitle: ${id}\nalerts: [${alerts.join(', ')}]\n---\n# ${id}\n`;
  const loaded = parseRunbook({ id, file: `runbooks/${id}.md`, path: `/repo/runbooks/${id}.md`, bytes: new TextEncoder().encode(text) }, config);
  if (loaded.kind !== 'runbook') throw new Error(loaded.reason);
  return loaded.runbook;
}

const RULES_TEXT = `groups:
  - name: node
    rules:
      - alert: NodeDown
        expr: up{job="node"} == 0
        annotations:
          runbook_url: https://runbooks.example.com/alerts/{{ $labels.alertname }}/
      - alert: NodeDiskFull
        expr: node_filesystem_avail_bytes == 0
        annotations:
          runbook_url: https://runbooks.example.com/alerts/nodediskfull
      - alert: NodeClockSkew
        expr: abs(node_timex_offset_seconds) > 0.05
      - alert: NodeHot
        expr: node_hwmon_temp_celsius > 90
        annotations:
          runbook_url: https://runbooks.example.com/alerts/NodeDown/
`;

/** What one alert coverage run is given: the rule files and runbooks, the alerts config, and whether the runbooks are all of them. */
interface Input {
  readonly ruleFiles: readonly RuleFile[];
  readonly unmatched: readonly { readonly glob: string; readonly file: string }[];
  readonly runbooks: readonly Runbook[];
  readonly url: string | undefined;
  readonly fromFileName: boolean;
  readonly complete: boolean;
  readonly config: Config;
}

function input(overrides: Partial<Input> = {}): Input {
  return {
    ruleFiles: [parseRuleFile(RULES_TEXT, 'rules/node.yaml')],
    unmatched: [],
    runbooks: [runbook('node/down', ['NodeDown', 'NodeHot']), runbook('node/disk', ['NodeDiskFull', 'NodeDiskSlow'])],
    url: 'https://runbooks.example.com/alerts/{alert}/',
    fromFileName: false,
    complete: true,
    config: CONFIG,
    ...overrides,
  };
}

/** The diagnostics of the alert rules, run as `coverage` runs them. */
function check(given: Input): readonly Diagnostic[] {
  const config: Config = { ...given.config, alerts: { ...given.config.alerts, url: given.url, fromFileName: given.fromFileName } };
  const context = { config, today: TODAY, git: { kind: 'none' } as const, existingFiles: new Set<string>(), rootLabel: 'runbooks' };
  return runAlertChecks(given.runbooks, { ruleFiles: given.ruleFiles, unmatched: given.unmatched, complete: given.complete }, context);
}

const codes = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.file}:${diagnostic.span.start.line}:${diagnostic.span.start.column}`);

describe('the alert rules', () => {
  it('report alerts without a runbook or a runbook_url, undefined alerts and runbook_urls leading elsewhere, each located', () => {
    const diagnostics = check(input());
    expect(codes(diagnostics)).toEqual([
      'alert-without-runbook rules/node.yaml:12:16',
      'alert-without-runbook-url rules/node.yaml:12:16',
      'runbook-url-mismatch rules/node.yaml:17:24',
      'runbook-alert-undefined runbooks/node/disk.md:3:24',
    ]);
    const mismatch = diagnostics.find((diagnostic) => diagnostic.ruleId === 'runbook-url-mismatch');
    expect(mismatch).toMatchObject({
      code: 'runbook-url-mismatch',
      subject: 'NodeHot',
      expected: 'https://runbooks.example.com/alerts/NodeHot/',
      actual: 'https://runbooks.example.com/alerts/NodeDown/',
      message:
        '`runbook_url` of alert `NodeHot` does not lead to its runbook `node/down`: expected `https://runbooks.example.com/alerts/NodeHot/`, found `https://runbooks.example.com/alerts/NodeDown/`',
    });
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'runbook-alert-undefined')).toMatchObject({
      subject: 'NodeDiskSlow',
      params: { alert: 'NodeDiskSlow', ruleFiles: 1 },
      message: 'Alert `NodeDiskSlow` is not defined by any alert rule (1 rule file read)',
    });
  });

  it('are ordinary rules of the registry, with a check run by the runner and a code that is their id', () => {
    const alertRules = RULES.filter((rule) => rule.category === 'alerts');
    expect(alertRules.map((rule) => rule.scope)).toEqual(alertRules.map(() => 'alerts'));
    expect(check(input()).every((diagnostic) => diagnostic.code === diagnostic.ruleId)).toBe(true);
  });

  it('match the runbook id with {id}, as written or lowercased', () => {
    const byId = (url: string) =>
      codes(check(input({ url, ruleFiles: [parseRuleFile(`groups:\n  - name: a\n    rules:\n      - alert: NodeDown\n        annotations:\n          runbook_url: ${url.replace('{id}', 'node/down')}\n`, 'a.yaml')] })));
    expect(byId('https://wiki.example.com/{id}')).toEqual(['runbook-alert-undefined runbooks/node/disk.md:3:10', 'runbook-alert-undefined runbooks/node/disk.md:3:24', 'runbook-alert-undefined runbooks/node/down.md:3:20']);
    const upper = check(input({ url: 'https://wiki.example.com/{id}', ruleFiles: [parseRuleFile('groups:\n  - name: a\n    rules:\n      - alert: NodeDown\n        annotations:\n          runbook_url: https://wiki.example.com/NODE/DOWN\n', 'a.yaml')] }));
    expect(upper.filter((diagnostic) => diagnostic.ruleId === 'runbook-url-mismatch').map((diagnostic) => diagnostic.expected)).toEqual(['https://wiki.example.com/node/down']);
  });

  it('accept a runbook_url leading to any of the runbooks claiming the alert', () => {
    const diagnostics = check(input({ runbooks: [runbook('a', ['NodeHot']), runbook('node/down', ['NodeDown', 'NodeHot']), runbook('node/disk', ['NodeDiskFull'])], url: 'https://runbooks.example.com/alerts/{alert}/' }));
    // NodeHot's URL names NodeDown: under {alert} it leads to NodeDown's page, whoever claims NodeHot.
    expect(codes(diagnostics)).toContain('runbook-url-mismatch rules/node.yaml:17:24');
    const byId = check(
      input({
        url: 'https://wiki.example.com/{id}',
        runbooks: [runbook('a', ['NodeHot']), runbook('b', ['NodeHot'])],
        ruleFiles: [parseRuleFile('groups:\n  - name: a\n    rules:\n      - alert: NodeHot\n        annotations:\n          runbook_url: https://wiki.example.com/b\n', 'a.yaml')],
      }),
    );
    expect(byId).toEqual([]);
  });

  it('check no runbook_url without `alerts.url`, but still want one', () => {
    expect(codes(check(input({ url: undefined })))).toEqual([
      'alert-without-runbook rules/node.yaml:12:16',
      'alert-without-runbook-url rules/node.yaml:12:16',
      'runbook-alert-undefined runbooks/node/disk.md:3:24',
    ]);
  });

  it('do not report alerts without a runbook when only some runbooks were read', () => {
    expect(codes(check(input({ complete: false })))).not.toContain('alert-without-runbook rules/node.yaml:12:16');
    expect(computeCoverage(input().ruleFiles, input().runbooks).files[0]?.uncovered).toEqual(['NodeClockSkew']);
  });

  it('report rule file problems and globs matching nothing, and say when undefined alerts may be in unreadable files', () => {
    const diagnostics = check(input({ ruleFiles: [parseRuleFile('groups: [\n', 'broken.yaml')], unmatched: [{ glob: 'alerts/*.yml', file: 'runbook.config.yaml' }] }));
    expect(codes(diagnostics)).toEqual([
      'alert-rules-invalid broken.yaml:2:1',
      'alert-rules-not-found runbook.config.yaml:1:1',
      'runbook-alert-undefined runbooks/node/disk.md:3:10',
      'runbook-alert-undefined runbooks/node/disk.md:3:24',
      'runbook-alert-undefined runbooks/node/down.md:3:10',
      'runbook-alert-undefined runbooks/node/down.md:3:20',
    ]);
    expect(diagnostics[1]).toMatchObject({ subject: 'alerts/*.yml', params: { glob: 'alerts/*.yml' }, message: '`alerts.rules` glob `alerts/*.yml` matches no file' });
    expect(diagnostics[2]?.note).toBe('Some alert rule files could not be read completely.');
  });

  it('count an alert named by its runbook file (alerts.from_file_name) as covered, and say so when no rule defines it', () => {
    const config = parseConfig('alerts:\n  from_file_name: true\n', '/repo/runbook.config.yaml');
    const given = input({ fromFileName: true, runbooks: [runbook('node/NodeClockSkew', [], config), runbook('node/NodeGone', [], config)] });
    expect(computeCoverage(given.ruleFiles, given.runbooks).files[0]?.uncovered).toEqual(['NodeDown', 'NodeDiskFull', 'NodeHot']);
    const diagnostics = check(given);
    const undefinedAlert = diagnostics.find((diagnostic) => diagnostic.ruleId === 'runbook-alert-undefined');
    expect(undefinedAlert).toMatchObject({ file: 'runbooks/node/NodeGone.md', span: { start: { line: 1, column: 1 } }, note: 'The file is named after the alert (`alerts.from_file_name`).' });
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'alert-without-runbook')?.message).toBe(
      'Alert `NodeDown` has no runbook: no runbook lists it under `alerts` or is named after it',
    );
  });

  it('take their severity from the rule, or from `rules:`, and report nothing for rules set to off', () => {
    const byDefault = check(input()).map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`);
    expect(byDefault).toEqual(['alert-without-runbook:error', 'alert-without-runbook-url:warning', 'runbook-url-mismatch:error', 'runbook-alert-undefined:warning']);
    const config = parseConfig('rules:\n  alert-without-runbook: warning\n  runbook-alert-undefined: off\n', '/repo/runbook.config.yaml');
    expect(check(input({ config })).map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`)).toEqual([
      'alert-without-runbook:warning',
      'alert-without-runbook-url:warning',
      'runbook-url-mismatch:error',
    ]);
  });
});

describe('computeCoverage', () => {
  it('counts alerts covered / total per rule file and overall', () => {
    const given = input();
    const coverage = computeCoverage(given.ruleFiles, given.runbooks);
    expect(coverage.files).toEqual([{ file: 'rules/node.yaml', alerts: ['NodeDown', 'NodeDiskFull', 'NodeClockSkew', 'NodeHot'], uncovered: ['NodeClockSkew'] }]);
    expect(coverage.total).toEqual({ alerts: 4, covered: 3 });
    expect(coverageJson(coverage)).toEqual({ alerts: 4, covered: 3, files: [{ file: 'rules/node.yaml', alerts: 4, covered: 3, uncovered: ['NodeClockSkew'] }] });
    expect(coverageText(coverage)).toBe(
      'Alert coverage (alerts with a runbook / alerts defined):\n  rules/node.yaml  3 / 4  no runbook: NodeClockSkew\n  all rule files   3 / 4\n',
    );
  });
});
