/**
 * A pull request adding a runbook that claims `alerts: ["DiskFull!"]` beside the runbook claiming
 * `DiskFull`. Both names clean to the page path `alerts/DiskFull/`, and the site used to give both
 * hashed pages instead: every Prometheus `runbook_url: https://<site>/alerts/DiskFull/` became a 404
 * during an incident, and `check` only warned (exit 0), so CI stayed green on the pull request.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertFolders } from '../../src/model/alert-paths.js';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, makeProject } from '../reliability/hostile-project.js';

const folder = makeProject({
  'runbooks/real.md': cleanRunbook({ title: 'Real', extra: ['alerts: [DiskFull]'] }),
  'runbooks/other.md': cleanRunbook({ title: 'Other', extra: ['alerts: ["DiskFull!", "diskfull?"]'] }),
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface JsonReport {
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly { readonly ruleId: string; readonly severity: string; readonly line: number; readonly message: string }[] }[];
}

describe('a look-alike alert (`DiskFull!`) taking away `alerts/DiskFull/`', () => {
  it('the alert named exactly DiskFull keeps alerts/DiskFull/ and its lower-case alias; the look-alikes get hashed pages and no alias', async () => {
    const result = await runCli(['build', '--no-git', '--today', '2026-11-27', '--out', 'site'], folder);
    expect(result.code, result.stderr).toBe(0);
    const alerts = join(folder, 'site', 'alerts');
    expect(readFileSync(join(alerts, 'DiskFull', 'index.html'), 'utf8')).toContain('../../runbooks/real/index.html');
    expect(readFileSync(join(alerts, 'diskfull', 'index.html'), 'utf8')).toContain('../../runbooks/real/index.html');
    const folders = alertFolders(['DiskFull', 'DiskFull!', 'diskfull?']);
    expect(folders.get('DiskFull')).toEqual(['alerts/DiskFull', 'alerts/diskfull']);
    for (const lookAlike of ['DiskFull!', 'diskfull?']) {
      const own = folders.get(lookAlike) ?? [];
      expect(own).toHaveLength(1);
      expect(own[0]).toMatch(/^alerts\/(DiskFull|diskfull)-[0-9a-f]{8}$/);
      expect(readFileSync(join(folder, 'site', own[0] ?? 'missing', 'index.html'), 'utf8')).toContain('../../runbooks/other/index.html');
    }
    // Three pages that stay three where case is ignored (`diskfull` is DiskFull's alias, the same page).
    const pages = readdirSync(alerts).filter((name) => name !== 'index.html');
    expect(pages).toHaveLength(4);
    expect(new Set(pages.map((name) => name.toLowerCase())).size).toBe(3);
    expect(existsSync(join(alerts, 'DiskFull-0e67f9b5'))).toBe(false);
  });

  it('the order of the names changes nothing: the exact name wins whichever sorts first', () => {
    for (const lookAlike of ['DISKFULL!', 'Diskfull', '-DiskFull', 'DiskFull.']) {
      expect(alertFolders([lookAlike, 'DiskFull']).get('DiskFull')?.[0]).toBe('alerts/DiskFull');
      expect(alertFolders(['DiskFull', lookAlike]).get('DiskFull')?.[0]).toBe('alerts/DiskFull');
    }
  });

  it('check fails the pull request (alert-case-conflict is an error) and says which page each alert has', async () => {
    const result = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git'], folder);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    const found = report.files.flatMap((file) => file.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'alert-case-conflict').map((diagnostic) => ({ file: file.file, ...diagnostic })));
    expect(found.map(({ file, severity }) => `${file} ${severity}`).sort()).toEqual(['runbooks/other.md error', 'runbooks/other.md error', 'runbooks/real.md error']);
    expect(found.find((diagnostic) => diagnostic.file === 'runbooks/real.md')?.message).toContain('its page stays `alerts/DiskFull/`');
    expect(found.find((diagnostic) => diagnostic.message.startsWith('Alert `DiskFull!`'))?.message).toMatch(/its page is `alerts\/DiskFull-[0-9a-f]{8}\/`, not `alerts\/DiskFull\/`/);
  });
});
