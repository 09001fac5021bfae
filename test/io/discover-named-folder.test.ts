/**
 * A folder named on the command line that holds the config's root (`runbook check .` in the
 * project folder) is read as the root: the same runbooks and ids as a run with no path, so drill
 * records name their runbooks and the README, docs and records are not taken for runbooks
 * (attack B on #15). A named folder outside the root is read as before, ids relative to it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TODAY } from '../helpers.js';
import { loadProject } from '../load-project.js';

const RUNBOOK = '---\ntitle: T\nlast_tested: 2026-11-02\n---\n# T\n';
const RECORD = '---\nrunbook: cache-flush\nstarted: 2026-11-02T09:00:00Z\nended: 2026-11-02T09:10:00Z\noutcome: recovered\ntime_to_recover_seconds: 600\nsteps: []\n---\n';

const folder = mkdtempSync(join(tmpdir(), 'runbook-named-folder-'));
for (const [path, text] of Object.entries({
  'runbook.config.yaml': 'root: runbooks\nrules: {required-field: off, missing-section: off, no-recovery-steps: off}\n',
  'README.md': '# The project\n',
  'docs/guide.md': '# Guide\n',
  'runbooks/cache-flush.md': RUNBOOK,
  'runbooks/db/failover.md': RUNBOOK,
  'drills/cache-flush/2026-11-02.md': RECORD,
  'other/loose.md': RUNBOOK,
})) {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function run(paths: readonly string[]) {
  const project = await loadProject({ cwd: folder, paths, config: undefined, today: TODAY, git: false });
  return {
    ids: project.found.map((file) => file.id),
    complete: project.complete,
    drills: project.drills.map((drill) => drill.file),
    problems: project.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.ruleId}`),
  };
}

describe('a named folder that holds the root', () => {
  it('reads the runbooks under the root only, with ids relative to the root, exactly as no path does', async () => {
    const unnamed = await run([]);
    expect(unnamed).toEqual({ ids: ['cache-flush', 'db/failover'], complete: true, drills: ['drills/cache-flush/2026-11-02.md'], problems: [] });
    expect(await run(['.'])).toEqual(unnamed);
    expect(await run([folder])).toEqual(unnamed);
  });

  it('keeps reading a named folder outside the root as before (ids relative to it), and the root beside it', async () => {
    expect((await run(['other'])).ids).toEqual(['loose']);
    expect((await run(['.', 'other'])).ids).toEqual(['loose', 'cache-flush', 'db/failover']);
  });
});
