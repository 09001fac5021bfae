/**
 * The glob limits of one path part (test/hardening/glob-backtracking.test.ts) are not enough: the
 * ways to match multiply across parts. Found by H8 (#12), with `overrides.files` new in the config:
 * `*a*a/*a*a/*a*a/*a*a/*a*a/x` took 6 s on five folders of 30 `a`s (30 times longer with each further
 * part), `*a*a/**` then `*a*a/**` then `x` 100 s, three `**` 4 s on a path 2,000 folders deep,
 * `{a,aa}` written 25 times 3 s, four `{…}` of 150 alternatives 5 s. Each is now refused with the
 * config's other bad globs (exit 2, quoting it); the globs people write are still allowed. Timings are
 * not asserted here: bench/ is the place for those.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globMatcher, globProblem } from '../../src/parse/glob.js';
import { runCli } from '../cli/run-cli.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-glob-parts-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

const ALTERNATIVES_150 = `{${Array.from({ length: 150 }, (_, index) => 'a'.repeat(index + 1)).join(',')}}`;

describe('globs whose ways to match multiply across the parts of a path are refused', () => {
  it.each([
    ['five parts *a*a', '*a*a/*a*a/*a*a/*a*a/*a*a/x', '5 parts with two `*`; at most 1 is allowed'],
    ['two parts *a*a with ** between', '*a*a/**/*a*a/**/x', '2 parts with two `*`; at most 1 is allowed'],
    ['three **', '**/a/**/a/**/x', '3 `**`; at most 2 are allowed'],
    ['three ** in braces', '{**,a}/{**,a}/{**,a}/x', '3 `**`; at most 2 are allowed'],
    ['{a,aa} 25 times', `${'{a,aa}'.repeat(25)}b`, '25 `{`; at most 4 are allowed'],
    ['four {…} of 150 alternatives', `${ALTERNATIVES_150.repeat(4)}x`, '600 alternatives between `{` and `}`; at most 24 are allowed'],
  ])('%s', (_name, glob, problem) => {
    expect(globProblem(glob)).toContain(problem);
  });

  it('the globs people write are allowed, and an escaped character counts for nothing', () => {
    for (const glob of ['**/*.md', 'docs/**/runbooks/**/*.md', '**/*runbook*/*.md', '{runbooks,playbooks}/**/*.{md,markdown}', '!**/_index.md', 'x\\*y\\*z\\*w/vendor/**', '**/index.\\{a,b\\}.md']) {
      expect(globProblem(glob), glob).toBeUndefined();
    }
    expect(globMatcher('x\\*y\\*z\\*w/**', { dot: false })('x*y*z*w/a.md')).toBe(true);
    expect(globMatcher('x\\*y\\*z\\*w/**', { dot: false })('xAyBzCw/a.md')).toBe(false);
  });

  it('a refused glob in `overrides.files` is a config error (exit 2) quoting it where it is written', async () => {
    const root = join(temporary, 'overrides');
    mkdirSync(join(root, 'runbooks'), { recursive: true });
    writeFileSync(join(root, 'runbook.config.yaml'), 'root: runbooks\noverrides:\n  - files: ["*a*a/**/*a*a/**/x"]\n    rules:\n      stale: off\n');
    writeFileSync(join(root, 'runbooks', 'a.md'), '---\ntitle: A\n---\n\n## Summary\n\nx\n');
    const result = await runCli(['check', '--no-git', '--no-cache'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('runbook.config.yaml:3:13: `overrides.0.files.0`: the glob `*a*a/**/*a*a/**/x` has 2 parts with two `*`');
  });
});
