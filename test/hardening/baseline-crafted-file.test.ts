/**
 * `runbook-baseline.json` comes with the repository, as a pull request may write it. Found by H8
 * (#12): an entry's `file` nested 200,000 arrays deep (JSON.parse reads it) overflowed the stack
 * when the problem was quoted, and `check` failed with "Maximum call stack size exceeded", naming
 * no file. Now it is refused as any broken baseline is: exit 2, the path and the problem. And a named
 * pipe as `runbook-baseline.json` (an unpacked archive may hold one) hung `check` for ever: only a
 * file is read. Other crafted files checked here: `__proto__` keys, duplicate entries, paths leading out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/report/baseline-file.js';
import { runCli } from '../cli/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const FINGERPRINT = '0123456789abcdef';
const DEEP = 200_000;
const deepFile = `{"version":1,"entries":[{"file":${'['.repeat(DEEP)}${']'.repeat(DEEP)},"rule":"stale","fingerprint":"${FINGERPRINT}"}]}`;

function collection(baseline: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-baseline-crafted-'));
  folders.push(folder);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  write('runbook.config.yaml', 'root: runbooks\n');
  write('runbooks/ok.md', '---\ntitle: Ok\n---\n# Ok\n');
  write('runbook-baseline.json', baseline);
  return folder;
}

describe('a crafted baseline file', () => {
  it('a value nested 200,000 deep is a broken baseline naming where, not a failed run', async () => {
    expect(parseBaseline(deepFile)).toEqual({ kind: 'invalid', problems: ['entries[0].file: Invalid input: expected string, received array'] });
    const result = await runCli(['check', '--no-git', '--no-cache'], collection(deepFile));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid baseline runbook-baseline.json:\n  entries[0].file: Invalid input: expected string, received array\n');
  });

  it('a `__proto__` key is an unknown key, and sets no prototype', () => {
    const parsed = parseBaseline(`{"version":1,"entries":[{"file":"a.md","rule":"stale","fingerprint":"${FINGERPRINT}","__proto__":{"count":5}}]}`);
    expect(parsed.kind).toBe('invalid');
    expect(({} as Record<string, unknown>).count).toBeUndefined();
  });

  it('the same entry twice is refused; an entry for a path leading out matches nothing', async () => {
    const entry = `{"file":"../../etc/passwd","rule":"stale","fingerprint":"${FINGERPRINT}"}`;
    expect(parseBaseline(`{"version":1,"entries":[${entry},${entry}]}`)).toEqual({
      kind: 'invalid',
      problems: ['entries[1]: the same file, rule and fingerprint as entries[0]; expected each once'],
    });
    const result = await runCli(['check', '--no-git', '--no-cache'], collection(`{"version":1,"entries":[${entry}]}`));
    expect(result.stdout).toContain('1 baseline entry no longer matches');
    expect(result.stdout).not.toContain('held back');
  });

  it.runIf(process.platform !== 'win32')('a named pipe in its place is refused at once (exit 2), not read for ever', async () => {
    const folder = collection('');
    rmSync(join(folder, 'runbook-baseline.json'));
    execFileSync('mkfifo', [join(folder, 'runbook-baseline.json')]);
    const result = await runCli(['check', '--no-git', '--no-cache'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('runbook: cannot read the baseline runbook-baseline.json: it is not a file; expected the JSON file `runbook baseline` writes\n');
  });
});
