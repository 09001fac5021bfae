/**
 * With `alerts.from_file_name`, `k8s/KubeDown.md` answers `KubeDown` without writing it in its
 * frontmatter. `show` looks an alert up among the runbooks whose frontmatter may name it, so it
 * missed that one and showed another runbook claiming `KubeDown` in its frontmatter as the one
 * answer (exit 0), where `tested` and the full lookup list both (found by H7): a pull request adding
 * `alerts: [KubeDown]` to any runbook sent `show KubeDown` there.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const runbook = (title: string, alerts: string): string =>
  `---\ntitle: ${title}\nowner: ops\nservice: k8s\nseverity: low\nlast_tested: 2026-11-01\n${alerts}---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. x\n`;

function repository(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-file-alert-'));
  folders.push(folder);
  mkdirSync(join(folder, 'runbooks', 'k8s'), { recursive: true });
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\nalerts:\n  from_file_name: true\n');
  writeFileSync(join(folder, 'runbooks', 'k8s', 'KubeDown.md'), runbook('Pods are down', ''));
  writeFileSync(join(folder, 'runbooks', 'other.md'), runbook('Unrelated thing', 'alerts: [KubeDown]\n'));
  return folder;
}

describe('show: an alert claimed by a file name', () => {
  it.each(['KubeDown', 'kubedown'])('`show %s` lists both runbooks answering it (exit 1), as tested does', async (query) => {
    const folder = repository();
    const shown = await runCli(['show', query], folder);
    expect(shown.stdout).toContain('matches 2 runbooks');
    expect(shown.stdout).toContain('k8s/KubeDown');
    expect(shown.stdout).toContain('other');
    expect(shown.code).toBe(1);
    const tested = await runCli(['tested', query], folder);
    expect(tested.code).toBe(1);
    expect(tested.stderr).toContain('matches 2 runbooks');
  });

  it('`show KubeDown` finds the one runbook named after it when no other claims it', async () => {
    const folder = repository();
    writeFileSync(join(folder, 'runbooks', 'other.md'), runbook('Unrelated thing', ''));
    const shown = await runCli(['show', 'KubeDown'], folder);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Pods are down');
  });
});
