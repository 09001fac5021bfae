/**
 * A baseline must not hide what it cannot know. Found by H8 (#12): `runbook baseline` recorded
 * `unreadable-file` with the fingerprint of an empty subject, the same whatever made the file
 * unreadable, so from then on the file was never checked and `check` stayed green; a baseline
 * written by hand (a pull request adds one line) did the same for any runbook made unreadable
 * (invalid UTF-8, nesting too deep, a block too large). As with suppressions, `internal-error` and
 * `unreadable-file` always count: never recorded, never held back, and an entry for one is unused.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_BASELINED_RULES, subjectFingerprint } from '../../src/report/baseline.js';
import { runCli } from '../cli/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function write(folder: string, path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), data);
}

/** A collection of one complete runbook and one that is not UTF-8. */
function collection(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-baseline-unreadable-'));
  folders.push(folder);
  write(folder, 'runbook.config.yaml', 'root: runbooks\n');
  write(
    folder,
    'runbooks/ok.md',
    ['---', 'title: Ok', 'owner: platform', 'service: volumes', 'severity: low', 'last_tested: 2026-11-01', '---', '## Summary', 'x', '## Impact', 'x', '## Diagnosis', 'x', '## Recovery', '1. Do it.', ''].join('\n'),
  );
  write(folder, 'runbooks/bad.md', new Uint8Array([0x68, 0x69, 0x20, 0xff, 0xfe, 0x0a]));
  return folder;
}

const UNREADABLE = 'runbooks/bad.md:1:4: error Cannot read the file: invalid UTF-8; a runbook must be UTF-8 Markdown text (re-save the file as UTF-8) (unreadable-file)';
const CHECK = ['check', '--no-git', '--no-cache', '--today', '2026-12-04', '--format', 'concise'];

describe('a baseline never holds back an unreadable file or an internal error', () => {
  it('the rules are the two that suppressions cannot hide either', () => {
    expect([...NEVER_BASELINED_RULES].sort()).toEqual(['internal-error', 'unreadable-file']);
  });

  it('runbook baseline does not record an unreadable file, and check still fails on it', async () => {
    const folder = collection();
    const recorded = await runCli(['baseline', '--no-git', '--no-cache', '--today', '2026-12-04'], folder);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toBe('wrote runbook-baseline.json: 0 known problems in 0 entries\n');
    expect(readFileSync(join(folder, 'runbook-baseline.json'), 'utf8')).not.toContain('unreadable-file');
    const checked = await runCli(CHECK, folder);
    expect(checked.code).toBe(1);
    expect(checked.stdout.split('\n')).toContain(UNREADABLE);
  });

  it('an entry for it written by hand holds nothing back: check fails on the file and counts the entry as unused', async () => {
    const folder = collection();
    const entry = { file: 'runbooks/bad.md', rule: 'unreadable-file', fingerprint: subjectFingerprint('') };
    write(folder, 'runbook-baseline.json', `{\n  "version": 1,\n  "entries": [\n    ${JSON.stringify(entry)}\n  ]\n}\n`);
    const checked = await runCli(CHECK, folder);
    expect(checked.code).toBe(1);
    expect(checked.stdout.split('\n')).toContain(UNREADABLE);
    expect(checked.stdout).toContain('1 baseline entry no longer matches');
    expect(checked.stdout).not.toContain('held back');
  });
});
