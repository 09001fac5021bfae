/**
 * A page that fails to render (here a team's template calling a helper that does not exist; a
 * hostile repository chooses its templates) is a 500 for that page, and the server keeps serving.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { get, project, servedThroughout } from '../cli/serve-harness.js';

function projectWithFailingRunbookTemplate(): string {
  const folder = project();
  mkdirSync(join(folder, 'tpl'));
  writeFileSync(join(folder, 'tpl', 'runbook.hbs'), '{{nope title}}\n');
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\nsite:\n  templates: tpl\n');
  return folder;
}

const running = servedThroughout(projectWithFailingRunbookTemplate);

describe('serve: a page that throws while rendering', () => {
  it('is a 500 naming the error, logged on stderr, and the other pages are still served', async () => {
    const failed = await get(`${running().base}runbooks/disk-full/`);
    expect(failed.status).toBe(500);
    expect(failed.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(failed.body).toContain('nope');
    expect(running().stderr()).toContain('could not answer /runbooks/disk-full/');
    const home = await get(running().base);
    expect(home.status).toBe(200);
    expect(home.body).toContain('Disk full');
  });
});
