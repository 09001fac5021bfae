/**
 * `runbook serve` watches the config's drills folder (attack B on #15): served with the runbooks
 * folder named (so the project folder itself is not watched), a drills folder that appears, a new
 * record and a changed one each rebuild the site, and the runbook page shows them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { get, nextReload, project, removeTempFolders, serve, sleep } from './serve-harness.js';

afterEach(removeTempFolders);

function record(operator: string): string {
  return `---\nrunbook: disk-full\noperator: ${operator}\nstarted: 2026-11-20T09:00:00Z\nended: 2026-11-20T09:10:00Z\noutcome: recovered\ntime_to_recover_seconds: 600\nsteps: []\n---\n`;
}

describe('runbook serve and drill records', () => {
  it('rebuilds when the drills folder appears with a record, and when a record changes', async () => {
    const folder = project();
    const running = await serve(folder, ['runbooks']);
    const page = `${running.base}runbooks/disk-full/index.html`;
    try {
      expect((await get(page)).body).not.toContain('Grace Hopper');
      let reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      mkdirSync(join(folder, 'drills', 'disk-full'), { recursive: true });
      writeFileSync(join(folder, 'drills', 'disk-full', '2026-11-20.md'), record('Grace Hopper'));
      await reloaded;
      // The folder's appearance and the record's write may be two rebuilds: wait for the one with the record.
      for (let tries = 0; tries < 100 && !(await get(page)).body.includes('Grace Hopper'); tries++) await sleep(50);
      expect((await get(page)).body).toContain('Grace Hopper');
      reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'drills', 'disk-full', '2026-11-20.md'), record('Ada Lovelace'));
      await reloaded;
      for (let tries = 0; tries < 100 && !(await get(page)).body.includes('Ada Lovelace'); tries++) await sleep(50);
      expect((await get(page)).body).toContain('Ada Lovelace');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
