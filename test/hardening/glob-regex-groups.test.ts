/**
 * The glob guard counts `*` and turns extended globs off, but picomatch copies parentheses, `|` and
 * `+` into its regular expression as they are: `include: ["(a+)+b.md"]` (no `*` at all) is the
 * classic catastrophic regex. Found by H7: `check` took 1.6 s, 2.8 s, 6.0 s with one file named with
 * 22, 25, 27 `a`s (doubling with each character: 40 would take days), so a pull request can hang
 * CI with one config line and one file name. Expected: such a glob is a located config error (or
 * its parentheses are plain characters), as `*a*a*a*a*b` is.
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
  it.fails.each(['(a+)+b.md', '([a-z]+)+b.md', '(?:a+)+b.md', 'x(a|aa)(a|aa)+b.md'])('`%s` is refused', (glob) => {
    expect(globProblem(glob)).toBeDefined();
  });

  it.fails('`include: ["(a+)+b.md"]` is a config error (exit 2), not hours of matching', async () => {
    const root = join(temporary, 'include');
    mkdirSync(join(root, 'runbooks'), { recursive: true });
    writeFileSync(join(root, 'runbook.config.yaml'), 'root: runbooks\ninclude: ["(a+)+b.md", "**/*.md"]\n');
    writeFileSync(join(root, 'runbooks', 'a.md'), '---\ntitle: A\n---\n\n## Summary\n\nx\n');
    const result = await runCli(['check', '--no-git', '--no-cache'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(a+)+b.md');
  });

  it.fails('parentheses in a glob match only themselves', () => {
    const matches = globMatcher(['(a+)+b.md'], { dot: false });
    expect(matches('(a+)+b.md')).toBe(true);
    expect(matches('aab.md')).toBe(false);
  });
});
