import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/check/coverage/rule-file.js';
import { PROJECT_ROOT } from '../shared.js';

const MONITORING = join(PROJECT_ROOT, 'test', 'fixtures', 'coverage', 'fernhill', 'monitoring');
const fixture = (name: string) => parseRuleFile(readFileSync(join(MONITORING, name), 'utf8'), `monitoring/${name}`);
const named = (file: ReturnType<typeof parseRuleFile>) => file.alerts.map((alert) => `${alert.name}@${alert.span.start.line}:${alert.span.start.column}`);

describe('parseRuleFile', () => {
  it('reads a plain Prometheus rule file: alerting rules with where their names are, recording rules skipped', () => {
    const file = fixture('node.rules.yml');
    expect(file.problems).toEqual([]);
    expect(named(file)).toEqual(['NodeFilesystemSpaceFillingUp@8:16', 'NodeFilesystemAlmostOutOfSpace@22:16', 'NodeClockNotSynchronising@30:16']);
    const [spaceFillingUp, almostOut, clock] = file.alerts;
    expect(spaceFillingUp?.runbookUrl).toEqual({
      kind: 'given',
      value: 'https://runbooks.example.com/alerts/{{ $labels.alertname }}/',
      span: { start: { line: 21, column: 24 }, end: { line: 21, column: 84 } },
    });
    expect(almostOut?.runbookUrl).toMatchObject({ kind: 'given', value: 'https://runbooks.example.com/alerts/{{ .Labels.alertname | toLower }}' });
    expect(clock?.runbookUrl).toEqual({ kind: 'none' });
    expect(clock?.file).toBe('monitoring/node.rules.yml');
  });

  it('reads every group of a Kubernetes PrometheusRule (spec.groups), keeping an alert defined twice twice', () => {
    const file = fixture('kubernetes.yaml');
    expect(file.problems).toEqual([]);
    expect(named(file)).toEqual([
      'KubePodCrashLooping@13:18',
      'KubePodNotReady@22:18',
      'KubePersistentVolumeFillingUp@33:18',
      'KubePersistentVolumeFillingUp@42:18',
    ]);
  });

  it('reads every document of a multi-document file, skipping other Kubernetes resources and empty documents', () => {
    const file = fixture('bundle.yaml');
    expect(file.problems).toEqual([]);
    expect(named(file)).toEqual(['OrdersQueueBacklog@17:18', 'OrdersErrorBudgetBurn@34:18']);
  });

  it('turns broken YAML into a located problem instead of throwing: an unclosed quote is reported where it opens', () => {
    const file = fixture('broken.yaml');
    expect(file.alerts).toEqual([]);
    expect(file.problems).toEqual([
      {
        value: 'Invalid YAML: Missing closing "quote (MISSING_CHAR) (the quoted text starting here is never closed)',
        span: { start: { line: 7, column: 20 }, end: { line: 7, column: 21 } },
      },
    ]);
  });

  it('locates a badly indented key at its line, and still reads the other documents of the file', () => {
    const text = [
      'groups:',
      '  - name: dns',
      '    rules:',
      '      - alert: CoreDNSDown',
      '        expr: absent(up{job="coredns"} == 1)',
      '       for: 15m',
      '---',
      'groups:',
      '  - name: dns-latency',
      '    rules:',
      '      - alert: CoreDNSLatencyHigh',
      '        expr: histogram_quantile(0.99, sum(rate(coredns_dns_request_duration_seconds_bucket[5m])) by (le)) > 4',
      '',
    ].join('\n');
    const file = parseRuleFile(text, 'dns.yaml');
    expect(file.problems.map((problem) => `${problem.span.start.line}:${problem.span.start.column} ${problem.value}`)).toEqual(['6:1 Invalid YAML: Sequence item without - indicator (MISSING_CHAR)']);
    expect(named(file)).toEqual(['CoreDNSLatencyHigh@11:16']);
  });

  it('reports a duplicated key (YAML says the first or the last wins, depending on the tool)', () => {
    const file = parseRuleFile('groups:\n  - name: a\n    rules:\n      - alert: A\n        alert: B\n        expr: up == 0\n', 'dup.yaml');
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]?.value).toMatch(/^Invalid YAML: Map keys must be unique/);
    expect(file.problems[0]?.span.start).toEqual({ line: 5, column: 9 });
  });

  it('reports shapes that are not Prometheus rules, quoting what was found and where, and keeps the well-formed rules', () => {
    const text = [
      'groups:',
      '  - name: ok',
      '    rules:',
      '      - alert: Fine',
      '        expr: up == 0',
      '      - alert: [Not, A, Name]',
      '        expr: up == 0',
      '      - alert: WrongAnnotations',
      '        annotations: [runbook_url]',
      '      - alert: UrlIsAList',
      '        annotations:',
      '          runbook_url: [a, b]',
      '      - just text',
      '  - name: rules-is-a-map',
      '    rules: {alert: X}',
      '  - not a group',
      '',
    ].join('\n');
    const file = parseRuleFile(text, 'shapes.yaml');
    expect(named(file)).toEqual(['Fine@4:16']);
    expect(file.problems.map((problem) => `${problem.span.start.line}:${problem.span.start.column} ${problem.value}`)).toEqual([
      '6:16 `alert` is a list, expected an alert name',
      '9:22 `annotations` is a list, expected a mapping',
      '12:24 `runbook_url` is a list, expected a URL',
      '13:9 A rule is `just text`, expected a mapping with `alert` or `record`',
      '15:12 `rules` is a mapping, expected a list of rules',
      '16:5 A rule group is `not a group`, expected a mapping with `name` and `rules`',
    ]);
  });

  it('reports a document that is neither a rule file nor a PrometheusRule, and a PrometheusRule without spec.groups', () => {
    expect(parseRuleFile('rules:\n  - alert: A\n', 'a.yaml').problems.map((problem) => problem.value)).toEqual([
      'Expected `groups:` (a Prometheus rule file) or `kind: PrometheusRule`, found neither',
    ]);
    expect(parseRuleFile('- alert: A\n', 'b.yaml').problems.map((problem) => problem.value)).toEqual([
      'Expected a Prometheus rule file (a mapping with `groups:`) or a Kubernetes `PrometheusRule`, found a list',
    ]);
    expect(parseRuleFile('kind: PrometheusRule\nspec: {}\n', 'c.yaml').problems.map((problem) => [problem.value, problem.span.start.line])).toEqual([
      ['A `PrometheusRule` without `spec.groups`', 2],
    ]);
  });

  it('reads the PrometheusRules of a `kind: List` (kubectl get -o yaml) and follows aliases', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: monitoring.coreos.com/v1',
      '    kind: PrometheusRule',
      '    spec:',
      '      groups:',
      '        - name: a',
      '          rules:',
      '            - alert: &name EtcdNoLeader',
      '              annotations: &links',
      '                runbook_url: https://runbooks.example.com/alerts/EtcdNoLeader/',
      '            - alert: EtcdMembersDown',
      '              annotations: *links',
      '  - kind: ConfigMap',
      '    data: {}',
      '',
    ].join('\n');
    const file = parseRuleFile(text, 'list.yaml');
    expect(file.problems).toEqual([]);
    expect(file.alerts.map((alert) => [alert.name, alert.runbookUrl.kind])).toEqual([
      ['EtcdNoLeader', 'given'],
      ['EtcdMembersDown', 'given'],
    ]);
  });

  it('treats an empty file, a file of comments and an empty runbook_url as nothing to read', () => {
    expect(parseRuleFile('', 'empty.yaml')).toEqual({ file: 'empty.yaml', alerts: [], problems: [] });
    expect(parseRuleFile('# no rules yet\n', 'comments.yaml')).toEqual({ file: 'comments.yaml', alerts: [], problems: [] });
    const file = parseRuleFile('groups:\n  - name: a\n    rules:\n      - alert: A\n        annotations:\n          runbook_url: ""\n', 'a.yaml');
    expect(file.alerts[0]?.runbookUrl).toEqual({ kind: 'none' });
  });

  it('never executes tags: a custom tag is reported, not run', () => {
    const file = parseRuleFile('groups: !!js/function "function () { throw 1 }"\n', 'tag.yaml');
    expect(file.alerts).toEqual([]);
    expect(file.problems.length).toBeGreaterThan(0);
  });

  it('never throws, whatever the text, and every problem points into the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('g', 'r', 'o', 'u', 'p', 's', ':', ' ', '\n', '-', '[', ']', '{', '}', '"', "'", '&', '*', '!', 'alert', 'rules', 'groups', 'kind: PrometheusRule', '---', '  ') }), (text) => {
        const file = parseRuleFile(text, 'random.yaml');
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const problem of file.problems) {
          expect(problem.span.start.line).toBeGreaterThanOrEqual(1);
          expect(problem.span.start.line).toBeLessThanOrEqual(lines);
        }
      }),
    );
  });
});
