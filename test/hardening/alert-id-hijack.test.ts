/**
 * A pull request adding a runbook that claims `alerts: ["db/primary"]`: the id of another runbook
 * (`runbooks/db/primary.md`). `show` and `tested` looked alert names up before ids, so
 * `runbook show db/primary` showed the newcomer and `runbook tested db/primary` recorded the drill in
 * its file (the real runbook stayed untested while looking tested), and `check` said nothing.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRunbook } from '../../src/oncall/find-runbook.js';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, makeProject } from '../reliability/hostile-project.js';

const REAL = cleanRunbook({ title: 'Primary database down', extra: ['alerts: [PostgresPrimaryDown]'] });
const HIJACK = cleanRunbook({ title: 'Innocent looking', extra: ['alerts: ["db/primary", "DB/REPLICA"]'] });

const folder = makeProject({
  'runbooks/db/primary.md': REAL,
  'runbooks/db/replica.md': cleanRunbook({ title: 'Replica lagging' }),
  'runbooks/evil.md': HIJACK,
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface JsonReport {
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly { readonly ruleId: string; readonly severity: string; readonly line: number; readonly column: number; readonly message: string }[] }[];
}

const item = (id: string, alerts: readonly string[]) => ({ id, file: `runbooks/${id}.md`, title: id, alerts });

describe('an alert claim named like another runbook\'s id (`alerts: ["db/primary"]`)', () => {
  it('findRunbook: the id, the file path and the id in another case all stay ambiguous between the two, in both modes', () => {
    const items = [item('db/primary', []), item('evil', ['db/primary'])];
    for (const mode of ['search', 'exact'] as const) {
      for (const query of ['db/primary', 'runbooks/db/primary.md', './runbooks/db/primary.md']) {
        const claimed = findRunbook([...items, item('other', [query])], query, mode);
        expect(claimed.kind === 'ambiguous' && claimed.by, `${query} ${mode}`).toBe('alert-and-id');
      }
      const result = findRunbook(items, 'db/primary', mode);
      expect(result.kind === 'ambiguous' ? result.candidates.map((candidate) => candidate.id) : result.kind).toEqual(['db/primary', 'evil']);
    }
    // The runbook claiming its own id as an alert is no hijack; nor is an alert nobody's id is.
    expect(findRunbook([item('db/primary', ['db/primary'])], 'db/primary', 'exact')).toMatchObject({ kind: 'found', by: 'alert' });
    expect(findRunbook(items, 'DB/PRIMARY', 'exact')).toMatchObject({ kind: 'found', by: 'alert' });
  });

  it('show lists both runbooks as ambiguous (exit 1) instead of showing the hijacker', async () => {
    const result = await runCli(['show', 'db/primary'], folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('`db/primary` matches 2 runbooks');
    expect(result.stdout).toContain('Primary database down');
    expect(result.stdout).toContain('Innocent looking');
    // The hint names the real runbook by its file, which no alert takes over.
    expect(result.stdout).toContain('runbook show runbooks/db/primary.md');
    const json = await runCli(['show', 'db/primary', '--json'], folder);
    expect(JSON.parse(json.stdout)).toMatchObject({ match: 'ambiguous' });
    // An alert claim in another case is the same hijack.
    expect((await runCli(['show', 'db/replica'], folder)).code).toBe(1);
  });

  it('tested refuses (exit 2) naming both files and records nothing; the file path still records in the right file', async () => {
    const result = await runCli(['tested', 'db/primary', '--date', '2026-11-20'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not recorded');
    expect(result.stderr).toContain('runbooks/db/primary.md');
    expect(result.stderr).toContain('runbooks/evil.md');
    expect(readFileSync(join(folder, 'runbooks', 'evil.md'), 'utf8')).toBe(HIJACK);
    expect(readFileSync(join(folder, 'runbooks', 'db', 'primary.md'), 'utf8')).toBe(REAL);
    const byFile = await runCli(['tested', 'runbooks/db/primary.md', '--date', '2026-11-20'], folder);
    expect(byFile.code, byFile.stderr).toBe(0);
    expect(readFileSync(join(folder, 'runbooks', 'db', 'primary.md'), 'utf8')).toContain('last_tested: 2026-11-20');
    expect(readFileSync(join(folder, 'runbooks', 'evil.md'), 'utf8')).toBe(HIJACK);
  });

  it('check fails with alert-shadows-id (an error) on each claim, naming the runbook whose id it is', async () => {
    const result = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git'], folder);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    const found = report.files.flatMap((file) => file.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'alert-shadows-id').map((diagnostic) => ({ file: file.file, ...diagnostic })));
    expect(found.map(({ file, line, column, severity }) => `${file}:${line}:${column} ${severity}`)).toEqual(['runbooks/evil.md:8:10 error', 'runbooks/evil.md:8:24 error']);
    expect(found[0]?.message).toContain('`db/primary` (runbooks/db/primary.md)');
    expect(found[1]?.message).toContain('`db/replica` (runbooks/db/replica.md)');
  });
});
