/**
 * `__proto__` as a rule id in `rules:` or in the new `overrides.N.rules` was dropped without a word
 * by the schema (zod skips the key), so it was not reported as an unknown rule as any other typo is
 * (found by H8, #12). It is now: exit 2, at the key.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-proto-rule-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

describe('`__proto__` as a rule id is an unknown rule', () => {
  it.each([
    ['rules', 'root: runbooks\nrules:\n  __proto__: "off"\n', 'runbook.config.yaml:3:3: unknown rule `__proto__` in `rules`'],
    ['overrides', 'root: runbooks\noverrides:\n  - files: ["**"]\n    rules:\n      __proto__: error\n', 'runbook.config.yaml:5:7: unknown rule `__proto__` in `overrides.0.rules`'],
  ])('in %s', async (name, config, message) => {
    const root = join(temporary, name);
    mkdirSync(join(root, 'runbooks'), { recursive: true });
    writeFileSync(join(root, 'runbook.config.yaml'), config);
    writeFileSync(join(root, 'runbooks', 'a.md'), '---\ntitle: A\n---\n\n## Summary\n\nx\n');
    const result = await runCli(['check', '--no-git', '--no-cache'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`runbook: invalid configuration:\n  ${message}\n`);
  });
});
