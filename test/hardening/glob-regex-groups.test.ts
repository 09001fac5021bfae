/**
 * The glob guard counts `*` and turns extended globs off, but picomatch copies parentheses, `|` and
 * `+` into its regular expression as they are: `include: ["(a+)+b.md"]` (no `*` at all) is the
 * classic catastrophic regex. Found by H7: `check` took 1.6 s, 2.8 s, 6.0 s with one file named with
 * 22, 25, 27 `a`s (doubling with each character: 40 would take days), so a pull request can hang
 * CI with one config line and one file name. Now `(`, `)`, `|` and `+` are plain characters in a
 * glob (a file may well be named `notes (old).md`), so matching is linear again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globMatcher, globProblem } from '../../src/parse/glob.js';
import { runCli } from '../cli/run-cli.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-glob-groups-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

describe('globs from the config cannot smuggle in a regular expression', () => {
  it.each(['(a+)+b.md', '(?:a+)+b.md', 'x(a|aa)(a|aa)+b.md'])('`%s` matches only itself, at once', (glob) => {
    const matches = globMatcher([glob], { dot: false });
    const started = performance.now();
    expect(matches(`${'a'.repeat(60)}c.md`)).toBe(false);
    expect(matches('aab.md')).toBe(false);
    expect(matches(glob)).toBe(true);
    // Exponential backtracking would take years at 60 characters; plain characters take microseconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('`include: ["(a+)+b.md"]` runs at once and finds the file of that name', async () => {
    const root = join(temporary, 'include');
    mkdirSync(join(root, 'runbooks'), { recursive: true });
    writeFileSync(join(root, 'runbook.config.yaml'), 'root: runbooks\ninclude: ["(a+)+b.md", "notes (old).md"]\n');
    writeFileSync(join(root, 'runbooks', `${'a'.repeat(40)}c.md`), '---\ntitle: A\n---\n\n## Summary\n\nx\n');
    writeFileSync(join(root, 'runbooks', '(a+)+b.md'), '---\ntitle: B\n---\n\n## Summary\n\nx\n');
    writeFileSync(join(root, 'runbooks', 'notes (old).md'), '---\ntitle: C\n---\n\n## Summary\n\nx\n');
    const result = await runCli(['check', '--no-git', '--no-cache', '--format', 'json'], root);
    const files = (JSON.parse(result.stdout) as { files: readonly { file: string }[] }).files.map((entry) => entry.file);
    expect(files).toEqual(['runbooks/(a+)+b.md', 'runbooks/notes (old).md']);
  });

  it('a class inside a group is still a class, and the group plain: `([a-z]+)+b.md`', () => {
    const matches = globMatcher(['([a-z]+)+b.md'], { dot: false });
    const started = performance.now();
    expect(matches(`${'a'.repeat(60)}c.md`)).toBe(false);
    expect(matches('(q+)+b.md')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('an escaped character stays escaped', () => {
    expect(globMatcher(['\\(x\\).md'], { dot: false })('(x).md')).toBe(true);
    expect(globProblem('(a+)+b.md')).toBeUndefined();
  });
});
