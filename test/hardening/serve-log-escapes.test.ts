/**
 * `serve` prints why a build failed on the user's terminal (`build failed: …`), and the message
 * quotes the repository's config (here a `root` holding an OSC 8 fake link and a clear-screen). The
 * top-level error printer makes such messages printable; serve's own line did not (found by H7).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempFolders, serve, tempFolder } from '../cli/serve-harness.js';
import { leaks } from './hostile-text.js';

afterEach(removeTempFolders);

const HOSTILE_ROOT = 'runs\u001b]8;;https://evil.example/\u0007docs\u001b]8;;\u0007\u001b[2J';

describe('serve: a failed build is reported in printable text', () => {
  it('a config `root` with escape sequences reaches the terminal as visible escapes', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'runbook.config.yaml'), `root: ${JSON.stringify(HOSTILE_ROOT)}\n`);
    const running = await serve(folder);
    try {
      expect(running.stderr()).toContain('build failed:');
      expect(leaks(running.stderr())).toBeUndefined();
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
