import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT, SHARED, sharedAvailable } from '../shared.js';

interface JsonReport {
  readonly summary: { readonly files: number };
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly { readonly ruleId: string; readonly message: string }[] }[];
  readonly coverage: { readonly alerts: number; readonly covered: number; readonly files: readonly { readonly uncovered: readonly string[] }[] };
}

const available = sharedAvailable();
const CORPUS = join(SHARED, 'corpora', 'prometheus-operator__runbooks');
const RULES = join(PROJECT_ROOT, 'test', 'fixtures', 'coverage', 'prometheus-operator', 'kube-prometheus-rules.yaml');

/**
 * A config beside a copy of the untouched corpus: the collection is adopted by configuration alone.
 * The runbooks and the rule file are copied in, since a config may only name paths inside its
 * repository (`root`, `alerts.rules`).
 */
function configFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-prometheus-operator-'));
  cpSync(join(CORPUS, 'content', 'runbooks'), join(folder, 'content', 'runbooks'), { recursive: true });
  copyFileSync(RULES, join(folder, 'kube-prometheus-rules.yaml'));
  writeFileSync(
    join(folder, 'runbook.config.yaml'),
    [
      'root: content/runbooks',
      'exclude: ["**/_index.md"]',
      'extra_keys: [weight, aliases]',
      'alerts:',
      '  rules: [kube-prometheus-rules.yaml]',
      '  url: https://runbooks.prometheus-operator.dev/runbooks/{id}',
      '  from_file_name: true',
    ].join('\n'),
  );
  return folder;
}

describe.skipIf(!available)('prometheus-operator/runbooks adopted with a config alone (alerts named by file names)', () => {
  it('covers the alerts whose runbook is named after them and accepts their lowercased runbook_url', async () => {
    const folder = configFolder();
    const result = await runCli(['coverage', '--format', 'json'], folder);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.coverage).toMatchObject({ alerts: 9, covered: 8 });
    expect(report.coverage.files[0]?.uncovered).toEqual(['NodeSystemdServiceFailed']);
    const diagnostics = report.files.flatMap((file) => file.diagnostics);
    const byRule = (id: string) => diagnostics.filter((diagnostic) => diagnostic.ruleId === id);
    expect(byRule('runbook-url-mismatch')).toEqual([]);
    expect(byRule('alert-without-runbook-url')).toEqual([]);
    expect(byRule('alert-without-runbook').map((diagnostic) => diagnostic.message)).toEqual([
      'Alert `NodeSystemdServiceFailed` has no runbook: no runbook lists it under `alerts` or is named after it',
    ]);
    // Every other runbook answers an alert this one rule file does not define: 108 runbooks, 8 covered.
    expect(byRule('runbook-alert-undefined')).toHaveLength(100);
    expect(result.code).toBe(1);
  });

  it('gives check the file-named alerts too (no duplicates, no unknown keys) and lets show find a runbook by its alert', async () => {
    const folder = configFolder();
    const check = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git', '--no-cache'], folder);
    expect(check.stderr).toBe('');
    const report = JSON.parse(check.stdout) as JsonReport;
    const rules = new Set(report.files.flatMap((file) => file.diagnostics.map((diagnostic) => diagnostic.ruleId)));
    expect(rules.has('unknown-key')).toBe(false);
    expect(rules.has('duplicate-alert')).toBe(false);
    expect(rules.has('runbook-url-mismatch')).toBe(false);
    expect(rules.has('alert-without-runbook')).toBe(true);
    const show = await runCli(['show', 'KubePodCrashLooping', '--json', '--no-color'], folder);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ match: 'alert', runbook: { id: 'kubernetes/KubePodCrashLooping', alerts: ['KubePodCrashLooping'] } });
  });
});
