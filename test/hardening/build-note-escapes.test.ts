/**
 * `build` tidies up leftovers beside `--out` (`site.runbook-old-*`, `site.runbook-tmp-*`) and says so
 * in a note. Their names are the repository's (a committed link or file can be called anything), so
 * a note naming one must not carry its escape sequences to the terminal or the CI log (found by H7:
 * an OSC 8 fake link and a clear-screen in a committed link's name reached stderr raw).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNBOOK } from '../cli/serve-harness.js';
import { runCli } from '../cli/run-cli.js';
import { leaks } from './hostile-text.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function repository(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-notes-'));
  folders.push(folder);
  mkdirSync(join(folder, 'runbooks'));
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
  writeFileSync(join(folder, 'runbooks', 'disk-full.md'), RUNBOOK('Disk full'));
  return folder;
}

describe('build: notes about leftovers beside --out are printable', () => {
  it('names a committed leftover link or file with escapes made visible', async () => {
    const folder = repository();
    symlinkSync('/etc', join(folder, 'site.runbook-old-\u001b]8;;https:evil.example\u0007docs\u001b]8;;\u0007\u001b[2J'));
    writeFileSync(join(folder, 'site.runbook-tmp-\u001b[31mred\u009b2J\u202e'), 'x');
    const result = await runCli(['build', '--no-git', '--no-cache'], folder);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('runbook build: note: removed');
    expect(result.stderr).toContain('\\u001b]8;;https:evil.example\\u0007docs');
    expect(leaks(result.stderr)).toBeUndefined();
  });
});
