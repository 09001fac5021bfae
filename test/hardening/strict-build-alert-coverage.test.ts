/**
 * `build --strict` built the site (exit 0) while `runbook check` failed (exit 1) on alert-coverage
 * errors: `check` adds the diagnostics of `alerts.rules`, and `--strict` looked only at the
 * runbooks' own. `--strict` now refuses exactly what `check` fails on.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, CONFIG_TEXT, makeProject } from '../reliability/hostile-project.js';

const RULES = 'groups:\n  - name: disk\n    rules:\n      - alert: DiskFull\n        expr: disk > 0.9\n';

const folder = makeProject({ 'runbooks/clean.md': cleanRunbook(), 'monitoring/disk.yaml': RULES }, `${CONFIG_TEXT}alerts:\n  rules: ["monitoring/*.yaml"]\n`);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('build --strict with an alert no runbook answers', () => {
  it('check fails on the alert without a runbook', async () => {
    const result = await runCli(['check', '--today', '2026-11-27', '--no-git'], folder);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain('alert-without-runbook');
  });

  it('build --strict fails too, says why and writes nothing, on a first build and after a build without --strict', async () => {
    const strict = await runCli(['build', '--strict', '--today', '2026-11-27', '--no-git', '--out', 'site'], folder);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stderr).toContain('alert-without-runbook');
    expect(strict.stderr).toContain('monitoring/disk.yaml');
    expect(strict.stderr).toContain('not built');
    expect(existsSync(join(folder, 'site'))).toBe(false);

    const lenient = await runCli(['build', '--today', '2026-11-27', '--no-git', '--out', 'site'], folder);
    expect(lenient.code, lenient.stderr).toBe(0);
    const again = await runCli(['build', '--strict', '--today', '2026-11-27', '--no-git', '--out', 'site'], folder);
    expect(again.code, again.stderr).toBe(1);
  });
});
