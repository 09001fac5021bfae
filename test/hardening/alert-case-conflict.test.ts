/**
 * Two runbooks claiming alerts that differ only in case (`DiskFull` in one, `diskfull` in the
 * other). The site used to give `DiskFull` the lower-case alias `alerts/diskfull/`, which is
 * `diskfull`'s own URL (and, where case is ignored, one folder with `alerts/DiskFull/`): the reader
 * of `diskfull` landed on `DiskFull`'s runbook, and neither `check` nor `coverage` said anything.
 * Now each exact name keeps its own page, neither gets an alias, and `check` fails.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertFolders } from '../../src/model/alert-paths.js';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, CONFIG_TEXT, makeProject } from '../reliability/hostile-project.js';

const RULES = (url: string) =>
  `groups:\n  - name: disk\n    rules:\n      - alert: DiskFull\n        expr: disk > 0.9\n        annotations:\n          runbook_url: ${url}\n      - alert: diskfull\n        expr: disk > 0.95\n        annotations:\n          runbook_url: https://runbooks.example.com/alerts/NodeDown/\n`;

const folder = makeProject(
  {
    'runbooks/upper.md': cleanRunbook({ title: 'Upper', extra: ['alerts: [DiskFull]'] }),
    'runbooks/lower.md': cleanRunbook({ title: 'Lower', extra: ['alerts: [diskfull, NodeDown]'] }),
    'monitoring/disk.yaml': RULES('https://runbooks.example.com/alerts/diskfull/'),
  },
  `${CONFIG_TEXT}alerts:\n  rules: ["monitoring/*.yaml"]\n  url: "https://runbooks.example.com/alerts/{alert}/"\n`,
);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface JsonReport {
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly { readonly ruleId: string; readonly line: number; readonly column: number; readonly message: string; readonly expected?: string }[] }[];
}

function diagnosticsOf(stdout: string, ruleId: string) {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((file) => file.diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId).map((diagnostic) => ({ file: file.file, ...diagnostic })));
}

describe('alerts differing only in case (DiskFull, diskfull)', () => {
  it('check fails on both claims (an error), each located at its alert and naming the other', async () => {
    const result = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git'], folder);
    expect(result.code).toBe(1);
    const found = diagnosticsOf(result.stdout, 'alert-case-conflict');
    expect(found.map(({ file, line, column }) => `${file}:${line}:${column}`).sort()).toEqual(['runbooks/lower.md:8:10', 'runbooks/upper.md:8:10']);
    expect(found.find((diagnostic) => diagnostic.file === 'runbooks/lower.md')?.message).toContain('`DiskFull` (runbooks/upper.md:8:10)');
    expect(found.find((diagnostic) => diagnostic.file === 'runbooks/lower.md')?.message).toContain('one folder with `alerts/DiskFull/` where case is ignored');
  });

  it('the site gives each exact name its own page and neither a lower-case alias that is the other one\'s page', async () => {
    const result = await runCli(['build', '--no-git', '--today', '2026-11-27', '--out', 'site'], folder);
    expect(result.code, result.stderr).toBe(0);
    const pages = readdirSync(join(folder, 'site', 'alerts')).filter((name) => name !== 'index.html');
    expect(pages.filter((name) => name.toLowerCase().startsWith('diskfull')).sort()).toEqual(['DiskFull', 'diskfull']);
    const folders = alertFolders(['DiskFull', 'diskfull', 'NodeDown']);
    for (const [name, runbook] of [['DiskFull', 'upper'], ['diskfull', 'lower']] as const) {
      expect(folders.get(name)).toEqual([`alerts/${name}`]);
      const html = readFileSync(join(folder, 'site', 'alerts', name, 'index.html'), 'utf8');
      expect(html).toContain(`../../runbooks/${runbook}/index.html`);
    }
    // An alert with no look-alike keeps its page and its lower-case alias.
    expect(pages).toEqual(expect.arrayContaining(['NodeDown', 'nodedown']));
  });

  it('look-alikes get distinct hashed page paths that depend on their own names only (order and other alerts change nothing)', () => {
    const two = alertFolders(['Disk Full', 'Disk/Full']);
    expect(alertFolders(['Disk/Full', 'Disk Full', 'Disk/Full'])).toEqual(two);
    const three = alertFolders(['DISK FULL', 'Disk/Full', 'Disk Full', 'Other']);
    expect(three.get('Disk Full')).toEqual(two.get('Disk Full'));
    expect(three.get('Disk/Full')).toEqual(two.get('Disk/Full'));
    expect(two.get('Disk Full')?.[0]).toMatch(/^alerts\/Disk-Full-[0-9a-f]{8}$/);
    expect(two.get('Disk Full')?.[0]).not.toBe(two.get('Disk/Full')?.[0]);
    // An alert named like a hashed path keeps it; the look-alike moves on.
    const hashed = (two.get('Disk Full')?.[0] ?? '').slice('alerts/'.length);
    const tricky = alertFolders(['Disk Full', 'Disk/Full', hashed]);
    expect(tricky.get(hashed)?.[0]).toBe(`alerts/${hashed}`);
    expect(tricky.get('Disk Full')?.[0]).toBe(`alerts/${hashed}-2`);
  });

  it('coverage compares runbook_url with the pages the site writes: `alerts/diskfull/` is no longer taken for DiskFull\'s page', async () => {
    const result = await runCli(['coverage', '--format', 'json'], folder);
    const mismatches = diagnosticsOf(result.stdout, 'runbook-url-mismatch');
    const folders = alertFolders(['DiskFull', 'diskfull', 'NodeDown']);
    const url = (name: string) => `https://runbooks.example.com/${folders.get(name)?.[0] ?? 'missing'}/`;
    expect(mismatches.map(({ file, line, expected }) => ({ file, line, expected }))).toEqual([
      { file: 'monitoring/disk.yaml', line: 7, expected: url('DiskFull') },
      // diskfull's URL leads to NodeDown's page: another alert's.
      { file: 'monitoring/disk.yaml', line: 11, expected: url('diskfull') },
    ]);
    // An upstream URL that is the page the site writes passes.
    writeFileSync(join(folder, 'monitoring', 'disk.yaml'), RULES(url('DiskFull')).replace('https://runbooks.example.com/alerts/NodeDown/', url('diskfull')));
    const fixed = await runCli(['coverage', '--format', 'json'], folder);
    expect(diagnosticsOf(fixed.stdout, 'runbook-url-mismatch')).toEqual([]);
  });
});
