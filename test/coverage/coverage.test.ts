import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageInput } from '../../src/check/coverage/coverage.js';
import { coverageDiagnostics } from '../../src/check/coverage/diagnostics.js';
import { parseRuleFile } from '../../src/check/coverage/rule-file.js';
import { coverageJson, coverageText } from '../../src/report/coverage-summary.js';
import type { Config } from '../../src/model/config.js';
import type { Runbook } from '../../src/model/runbook.js';
import { defaultConfig, parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';

const CONFIG = defaultConfig('/repo');

function runbook(id: string, alerts: readonly string[], config: Config = CONFIG): Runbook {
  const text = `---\ntitle: ${id}\nalerts: [${alerts.join(', ')}]\n---\n# ${id}\n`;
  const loaded = parseRunbook({ id, file: `runbooks/${id}.md`, path: `/repo/runbooks/${id}.md`, bytes: new TextEncoder().encode(text) }, config);
  if (loaded.kind !== 'runbook') throw new Error(loaded.reason);
  return loaded.runbook;
}

const RULES = `groups:
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

function input(overrides: Partial<CoverageInput> = {}): CoverageInput {
  return {
    ruleFiles: [parseRuleFile(RULES, 'rules/node.yaml')],
    unmatched: [],
    runbooks: [runbook('node/down', ['NodeDown', 'NodeHot']), runbook('node/disk', ['NodeDiskFull', 'NodeDiskSlow'])],
    url: 'https://runbooks.example.com/alerts/{alert}/',
    fromFileName: false,
    complete: true,
    ...overrides,
  };
}

const codes = (coverage: ReturnType<typeof computeCoverage>) =>
  coverage.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.span.start.line}:${finding.span.start.column}`);

describe('computeCoverage', () => {
  it('reports alerts without a runbook or a runbook_url, undefined alerts and runbook_urls leading elsewhere, each located', () => {
    const coverage = computeCoverage(input());
    expect(codes(coverage)).toEqual([
      'alert-without-runbook rules/node.yaml:12:16',
      'alert-without-runbook-url rules/node.yaml:12:16',
      'runbook-url-mismatch rules/node.yaml:17:24',
      'runbook-alert-undefined runbooks/node/disk.md:3:24',
    ]);
    const mismatch = coverage.findings.find((finding) => finding.ruleId === 'runbook-url-mismatch');
    expect(mismatch).toMatchObject({
      expected: 'https://runbooks.example.com/alerts/NodeHot/',
      actual: 'https://runbooks.example.com/alerts/NodeDown/',
      message:
        '`runbook_url` of alert `NodeHot` does not lead to its runbook `node/down`: expected `https://runbooks.example.com/alerts/NodeHot/`, found `https://runbooks.example.com/alerts/NodeDown/`',
    });
    expect(coverage.findings.find((finding) => finding.ruleId === 'runbook-alert-undefined')?.message).toBe(
      'Alert `NodeDiskSlow` is not defined by any alert rule (1 rule file read)',
    );
  });

  it('counts alerts covered / total per rule file and overall', () => {
    const coverage = computeCoverage(input());
    expect(coverage.files).toEqual([{ file: 'rules/node.yaml', alerts: ['NodeDown', 'NodeDiskFull', 'NodeClockSkew', 'NodeHot'], uncovered: ['NodeClockSkew'] }]);
    expect(coverage.total).toEqual({ alerts: 4, covered: 3 });
    expect(coverageJson(coverage)).toEqual({ alerts: 4, covered: 3, files: [{ file: 'rules/node.yaml', alerts: 4, covered: 3, uncovered: ['NodeClockSkew'] }] });
    expect(coverageText(coverage)).toBe(
      'Alert coverage (alerts with a runbook / alerts defined):\n  rules/node.yaml  3 / 4  no runbook: NodeClockSkew\n  all rule files   3 / 4\n',
    );
  });

  it('matches the runbook id with {id}, as written or lowercased', () => {
    const byId = (url: string) =>
      codes(computeCoverage(input({ url, ruleFiles: [parseRuleFile(`groups:\n  - name: a\n    rules:\n      - alert: NodeDown\n        annotations:\n          runbook_url: ${url.replace('{id}', 'node/down')}\n`, 'a.yaml')] })));
    expect(byId('https://wiki.example.com/{id}')).toEqual(['runbook-alert-undefined runbooks/node/down.md:3:20', 'runbook-alert-undefined runbooks/node/disk.md:3:10', 'runbook-alert-undefined runbooks/node/disk.md:3:24']);
    const upper = computeCoverage(input({ url: 'https://wiki.example.com/{id}', ruleFiles: [parseRuleFile('groups:\n  - name: a\n    rules:\n      - alert: NodeDown\n        annotations:\n          runbook_url: https://wiki.example.com/NODE/DOWN\n', 'a.yaml')] }));
    expect(upper.findings.filter((finding) => finding.ruleId === 'runbook-url-mismatch').map((finding) => finding.expected)).toEqual(['https://wiki.example.com/node/down']);
  });

  it('accepts a runbook_url leading to any of the runbooks claiming the alert', () => {
    const coverage = computeCoverage(input({ runbooks: [runbook('a', ['NodeHot']), runbook('node/down', ['NodeDown', 'NodeHot']), runbook('node/disk', ['NodeDiskFull'])], url: 'https://runbooks.example.com/alerts/{alert}/' }));
    // NodeHot's URL names NodeDown: under {alert} it leads to NodeDown's page, whoever claims NodeHot.
    expect(codes(coverage)).toContain('runbook-url-mismatch rules/node.yaml:17:24');
    const byId = computeCoverage(
      input({
        url: 'https://wiki.example.com/{id}',
        runbooks: [runbook('a', ['NodeHot']), runbook('b', ['NodeHot'])],
        ruleFiles: [parseRuleFile('groups:\n  - name: a\n    rules:\n      - alert: NodeHot\n        annotations:\n          runbook_url: https://wiki.example.com/b\n', 'a.yaml')],
      }),
    );
    expect(byId.findings).toEqual([]);
  });

  it('checks no runbook_url without `alerts.url`, but still wants one', () => {
    const coverage = computeCoverage(input({ url: undefined }));
    expect(codes(coverage)).toEqual([
      'alert-without-runbook rules/node.yaml:12:16',
      'alert-without-runbook-url rules/node.yaml:12:16',
      'runbook-alert-undefined runbooks/node/disk.md:3:24',
    ]);
  });

  it('does not report alerts without a runbook when only some runbooks were read', () => {
    const coverage = computeCoverage(input({ complete: false }));
    expect(codes(coverage)).not.toContain('alert-without-runbook rules/node.yaml:12:16');
    expect(coverage.files[0]?.uncovered).toEqual(['NodeClockSkew']);
  });

  it('reports rule file problems and globs matching nothing, and says when undefined alerts may be in unreadable files', () => {
    const coverage = computeCoverage(
      input({ ruleFiles: [parseRuleFile('groups: [\n', 'broken.yaml')], unmatched: [{ glob: 'alerts/*.yml', file: 'runbook.config.yaml' }] }),
    );
    expect(codes(coverage)).toEqual([
      'alert-rules-not-found runbook.config.yaml:1:1',
      'alert-rules-invalid broken.yaml:2:1',
      'runbook-alert-undefined runbooks/node/down.md:3:10',
      'runbook-alert-undefined runbooks/node/down.md:3:20',
      'runbook-alert-undefined runbooks/node/disk.md:3:10',
      'runbook-alert-undefined runbooks/node/disk.md:3:24',
    ]);
    expect(coverage.findings[0]?.message).toBe('`alerts.rules` glob `alerts/*.yml` matches no file');
    expect(coverage.findings[2]?.note).toBe('Some alert rule files could not be read completely.');
  });

  it('counts an alert named by its runbook file (alerts.from_file_name) as covered, and says so when no rule defines it', () => {
    const config = parseConfig('alerts:\n  from_file_name: true\n', '/repo/runbook.config.yaml');
    const coverage = computeCoverage(input({ fromFileName: true, runbooks: [runbook('node/NodeClockSkew', [], config), runbook('node/NodeGone', [], config)] }));
    expect(coverage.files[0]?.uncovered).toEqual(['NodeDown', 'NodeDiskFull', 'NodeHot']);
    const undefinedAlert = coverage.findings.find((finding) => finding.ruleId === 'runbook-alert-undefined');
    expect(undefinedAlert).toMatchObject({ file: 'runbooks/node/NodeGone.md', span: { start: { line: 1, column: 1 } }, note: 'The file is named after the alert (`alerts.from_file_name`).' });
    expect(coverage.findings.find((finding) => finding.ruleId === 'alert-without-runbook')?.message).toBe(
      'Alert `NodeDown` has no runbook: no runbook lists it under `alerts` or is named after it',
    );
  });
});

describe('coverageDiagnostics', () => {
  it('gives each finding its rule\'s default severity, or the one `rules:` sets, and drops rules set to off', () => {
    const findings = computeCoverage(input()).findings;
    const byDefault = coverageDiagnostics(findings, CONFIG).map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`);
    expect(byDefault).toEqual(['alert-without-runbook:error', 'alert-without-runbook-url:warning', 'runbook-url-mismatch:error', 'runbook-alert-undefined:warning']);
    const config = parseConfig('rules:\n  alert-without-runbook: warning\n  runbook-alert-undefined: off\n', '/repo/runbook.config.yaml');
    expect(coverageDiagnostics(findings, config).map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`)).toEqual([
      'alert-without-runbook:warning',
      'alert-without-runbook-url:warning',
      'runbook-url-mismatch:error',
    ]);
  });
});
