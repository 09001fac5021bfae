/**
 * Globs in the repository's config are regular expressions in disguise: `include: ["*a*a*a*a*b"]`
 * with one file named with 200 `a`s took 20 s of `check`, `+(*a)b` a minute on 100 characters
 * (found by the outside review). Now a glob has at most two `*` in one part of a path and extended
 * globs are plain characters.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globMatcher, globProblem } from '../../src/parse/glob.js';
import { runCli } from '../cli/run-cli.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-glob-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

function project(name: string, config: string): string {
  const root = join(temporary, name);
  mkdirSync(join(root, 'runbooks'), { recursive: true });
  writeFileSync(join(root, 'runbook.config.yaml'), config);
  writeFileSync(join(root, 'runbooks', `${'a'.repeat(200)}.md`), '---\ntitle: A\n---\n\n## Summary\n\nx\n');
  return root;
}

describe('globs from the config cannot backtrack for minutes (include: ["*a*a*a*a*b"] took 20 s)', () => {
  it.each(['include', 'exclude'])('a glob with more than two `*` in one part of a path in `%s` is a config error (exit 2) quoting it', async (key) => {
    const root = project(key, `root: runbooks\n${key}: ["*a*a*a*a*b"]\n`);
    const result = await runCli(['check', '--no-git', '--no-cache'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the glob `*a*a*a*a*b` has 5 `*` in the part `*a*a*a*a*b`');
  });

  it('an extended glob is plain characters: in `+(*a)b` only the `*` is a wildcard, and matching is at once', () => {
    const matches = globMatcher(['+(*a)b'], { dot: false });
    expect(matches('a'.repeat(250))).toBe(false);
    expect(matches('+(xa)b')).toBe(true);
    expect(matches('xab')).toBe(false);
  });

  it('the globs people write are allowed', () => {
    for (const glob of ['**/*.md', '*.md', 'runbooks/**', '**/*runbook*.md', 'content/runbooks/*/*.md', '**/README*', '!**/_index.md']) expect(globProblem(glob), glob).toBeUndefined();
    expect(globProblem('*a*a*b')).toContain('3 `*`');
  });
});
