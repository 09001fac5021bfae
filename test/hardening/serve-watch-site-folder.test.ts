/**
 * serve's watcher skips changes under any folder named `site` (meant for the default build output),
 * so an edit in a runbooks folder called `site` (runbooks/site/…: a service named so) never rebuilt
 * the page (found by H7). Expected: only the output folder itself is skipped, not every `site`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNBOOK, get, nextReload, removeTempFolders, serve, sleep, tempFolder } from '../cli/serve-harness.js';

afterEach(removeTempFolders);

describe('serve: a runbooks folder named site', () => {
  it('an edit in runbooks/site/ rebuilds the site', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'runbooks', 'site'), { recursive: true });
    writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
    writeFileSync(join(folder, 'runbooks', 'site', 'disk-full.md'), RUNBOOK('Disk full'));
    const running = await serve(folder);
    try {
      const reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbooks', 'site', 'disk-full.md'), RUNBOOK('Disk completely full'));
      await Promise.race([reloaded, sleep(4000).then(() => Promise.reject(new Error('no reload within 4000 ms')))]);
      expect((await get(`${running.base}runbooks/site/disk-full/index.html`)).body).toContain('Disk completely full');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
