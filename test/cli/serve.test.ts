import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNBOOK, get, nextReload, project, removeTempFolders, serve, sleep } from './serve-harness.js';

afterEach(removeTempFolders);

describe('runbook serve', () => {
  it('serves the site, its alert pages and a 404 page, and stops cleanly', async () => {
    const running = await serve(project());
    try {
      expect((await get(running.base)).body).toContain('Disk full');
      expect((await get(`${running.base}alerts/DiskFull/`)).body).toContain('http-equiv="refresh"');
      expect((await get(`${running.base}alerts/DiskFull`)).status).toBe(301);
      const missing = await get(`${running.base}alerts/Nope/`);
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('No runbook at this address');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it('rebuilds on a change and tells open pages to reload', async () => {
    const folder = project();
    const running = await serve(folder);
    try {
      const reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbooks', 'disk-full.md'), RUNBOOK('Disk completely full'));
      await reloaded;
      expect((await get(`${running.base}runbooks/disk-full/index.html`)).body).toContain('Disk completely full');
    } finally {
      await running.stop();
    }
  });

  it('never dies from bad input: a broken runbook shows its problems, a broken config an error page', async () => {
    const folder = project();
    const running = await serve(folder);
    try {
      let reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbooks', 'disk-full.md'), '---\ntitle: [broken\n---\n# Disk full\n');
      await reloaded;
      const page = await get(`${running.base}runbooks/disk-full/index.html`);
      expect(page.body).toContain('yaml-syntax');
      reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\nseverities: nope\n');
      await reloaded;
      const failed = await get(running.base);
      expect(failed.status).toBe(500);
      expect(failed.body).toContain('severities');
      reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
      await reloaded;
      expect((await get(running.base)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
