/**
 * `serve "my rb"` watched `new URL("my rb", "file://…").pathname`, i.e. `my%20rb` (and cut the path
 * at `#`), which does not exist: edits were never picked up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNBOOK, get, nextReload, removeTempFolders, serve, sleep, tempFolder } from '../cli/serve-harness.js';

afterEach(removeTempFolders);

/** Rejects after `ms`, so that a reload that never comes fails with a message rather than a timeout. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`no ${what} within ${ms} ms`)))]);
}

describe('serve: runbook folders whose names a URL would mangle', () => {
  it.each(['my rb', 'rb 100%', 'rb%20x', 'rb #1', 'rb?'])('an edit in the folder `%s` given on the command line rebuilds the site', async (name) => {
    const folder = tempFolder();
    mkdirSync(join(folder, name));
    writeFileSync(join(folder, 'runbook.config.yaml'), `root: ${JSON.stringify(name)}\n`);
    writeFileSync(join(folder, name, 'disk-full.md'), RUNBOOK('Disk full'));
    const running = await serve(folder, [name]);
    try {
      expect(running.stderr()).not.toContain('not watching');
      expect((await get(running.base)).body).toContain('Disk full');
      const reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, name, 'disk-full.md'), RUNBOOK('Disk completely full'));
      await within(4000, reloaded, `reload after editing \`${name}/disk-full.md\``);
      expect((await get(`${running.base}runbooks/disk-full/index.html`)).body).toContain('Disk completely full');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
