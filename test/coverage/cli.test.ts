import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

const FERNHILL = join(PROJECT_ROOT, 'test', 'fixtures', 'coverage', 'fernhill');

/** Compares with a golden file beside the fixture; `UPDATE_FIXTURES=1` rewrites it for review. */
function expectGolden(result: CliResult, name: string): void {
  const actual = `# exit ${result.code}\n${result.stdout}${result.stderr === '' ? '' : `# stderr\n${result.stderr}`}`;
  const path = join(FERNHILL, 'expected', name);
  if (process.env.UPDATE_FIXTURES === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`${path} is missing: run with UPDATE_FIXTURES=1 and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** A temporary project: `files` by path relative to its root. */
function project(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'runbook-coverage-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const RUNBOOK = (alerts: string) =>
  `---\ntitle: Node down\nowner: platform\nservice: nodes\nseverity: low\nlast_tested: 2026-11-01\nalerts: [${alerts}]\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Reboot the node.\n`;
const RULES = 'groups:\n  - name: node\n    rules:\n      - alert: NodeDown\n        expr: up == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/alerts/nodedown/\n';

describe('runbook coverage', () => {
  it('reports every coverage problem with file:line:column, then alerts covered / total per rule file (exit 1)', async () => {
    expectGolden(await runCli(['coverage'], FERNHILL), 'coverage-pretty.txt');
  });

  it('writes the same findings in every format; json carries the summary as `coverage`', async () => {
    const result = await runCli(['coverage', '--format', 'json'], FERNHILL);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number; warnings: number };
      files: { file: string; diagnostics: { ruleId: string; line: number; column: number }[] }[];
      coverage: unknown;
    };
    expect(report.summary).toMatchObject({ errors: 4, warnings: 2 });
    expect(report.coverage).toEqual({
      alerts: 8,
      covered: 6,
      files: [
        { file: 'monitoring/broken.yaml', alerts: 0, covered: 0, uncovered: [] },
        { file: 'monitoring/bundle.yaml', alerts: 2, covered: 1, uncovered: ['OrdersErrorBudgetBurn'] },
        { file: 'monitoring/kubernetes.yaml', alerts: 3, covered: 3, uncovered: [] },
        { file: 'monitoring/node.rules.yml', alerts: 3, covered: 2, uncovered: ['NodeClockNotSynchronising'] },
      ],
    });
    const github = await runCli(['coverage', '--format', 'github'], FERNHILL);
    expect(github.code).toBe(1);
    expect(github.stdout).toContain('::error file=monitoring/broken.yaml,line=7,col=20');
    expect(github.stdout).toContain('::warning file=runbooks/kubernetes/volume-filling-up.md,line=7,col=41');
    expect(github.stdout).not.toContain('Alert coverage');
    const sarif = JSON.parse((await runCli(['coverage', '--format', 'sarif'], FERNHILL)).stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toContain('runbook-url-mismatch');
  });

  it('is part of `check` when `alerts.rules` is set: the same findings beside the runbooks\' own', async () => {
    expectGolden(await runCli(['check', '--format', 'concise', '--today', '2026-11-27', '--no-git'], FERNHILL), 'check-concise.txt');
  });

  it('does not call an alert uncovered when `check` reads only some runbooks', async () => {
    const result = await runCli(['check', 'runbooks/kubernetes', '--format', 'concise', '--today', '2026-11-27', '--no-git'], FERNHILL);
    expect(result.stdout).not.toContain('alert-without-runbook)');
    expect(result.stdout).toContain('(runbook-url-mismatch)');
    expect(result.code).toBe(1);
  });

  it('exits 0 when every alert has a runbook and links to it, and takes --rules relative to the working folder', async () => {
    const root = project({ 'runbooks/node-down.md': RUNBOOK('NodeDown'), 'prometheus/node.yaml': RULES, 'runbook.config.yaml': 'root: runbooks\nalerts:\n  url: https://runbooks.example.com/alerts/{alert}/\n' });
    const result = await runCli(['coverage', '--rules', 'prometheus/*.yaml'], root);
    expect(result).toEqual({
      code: 0,
      stdout: '✔ 2 files checked, no problems\n\nAlert coverage (alerts with a runbook / alerts defined):\n  prometheus/node.yaml  1 / 1\n  all rule files        1 / 1\n',
      stderr: '',
    });
  });

  it('exits 2 when no rule files are configured or --rules matches nothing', async () => {
    const root = project({ 'runbooks/node-down.md': RUNBOOK('NodeDown'), 'runbook.config.yaml': 'root: runbooks\n' });
    expect(await runCli(['coverage'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'runbook: no alert rule files: set `alerts.rules` in the config (docs/coverage.md) or pass --rules <glob>\n',
    });
    const missing = await runCli(['coverage', '--rules', 'prometheus/*.yaml'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('runbook: --rules `prometheus/*.yaml` matches no file (relative to .)\n');
  });

  it('reports a configured glob that matches nothing on the config file, with a rule the config can turn down', async () => {
    const files = { 'runbooks/node-down.md': RUNBOOK('NodeDown'), 'prometheus/node.yaml': RULES };
    const root = project({ ...files, 'runbook.config.yaml': 'root: runbooks\nalerts:\n  rules: [prometheus/*.yaml, alerts/*.rules]\n' });
    const result = await runCli(['check', '--format', 'concise', '--today', '2026-11-27', '--no-git'], root);
    expect(result.stdout).toBe('runbook.config.yaml:1:1: error `alerts.rules` glob `alerts/*.rules` matches no file (alert-rules-not-found)\n');
    expect(result.code).toBe(1);
    const relaxed = project({ ...files, 'runbook.config.yaml': 'root: runbooks\nalerts:\n  rules: [prometheus/*.yaml, alerts/*.rules]\nrules:\n  alert-rules-not-found: warning\n' });
    expect(await runCli(['check', '--format', 'concise', '--today', '2026-11-27', '--no-git'], relaxed)).toMatchObject({ code: 0 });
  });

  it('honours --max-warnings, --quiet and --output-file like check', async () => {
    const root = project({
      'runbooks/node-down.md': RUNBOOK('NodeDown, NodeGone'),
      'prometheus/node.yaml': RULES,
      'runbook.config.yaml': 'root: runbooks\nalerts:\n  rules: [prometheus/*.yaml]\n',
    });
    expect((await runCli(['coverage'], root)).code).toBe(0);
    expect((await runCli(['coverage', '--max-warnings', '0'], root)).code).toBe(1);
    expect((await runCli(['coverage', '--quiet', '--format', 'concise'], root)).stdout).toBe('');
    const written = await runCli(['coverage', '--format', 'json', '--output-file', 'out/coverage.json'], root);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe('wrote out/coverage.json: 1 / 1 alert covered, 0 errors, 1 warning, 0 info\n');
    expect(JSON.parse(readFileSync(join(root, 'out', 'coverage.json'), 'utf8'))).toMatchObject({ coverage: { alerts: 1, covered: 1 } });
  });

  it('lists its rules and config keys in --help', async () => {
    const result = await runCli(['coverage', '--help'], FERNHILL);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('runbook-url-mismatch (error)');
    expect(result.stdout).toContain('from_file_name: true');
  });
});
