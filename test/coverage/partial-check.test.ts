import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

/**
 * A check of some runbooks compares `runbook_url`s with the folders of the whole site: `fOO.md`
 * beside `Foo.md` has its page at `runbooks/kubernetes/fOO-2/` and no lower-case one, whether or
 * not `Foo.md` is checked with it.
 */
describe('runbook-url-mismatch in a check of one file', () => {
  const root = mkdtempSync(join(tmpdir(), 'runbook-partial-check-'));

  beforeAll(() => {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('runbook.config.yaml', 'root: rb\nalerts:\n  url: https://site.example/runbooks/{id}/\n  rules: [rules.yaml]\n');
    write('rb/kubernetes/Foo.md', '# Foo\n');
    write('rb/kubernetes/fOO.md', '---\nalerts: [FooDown]\n---\n# fOO\n');
    write('rules.yaml', 'groups:\n  - name: g\n    rules:\n      - alert: FooDown\n        expr: up == 0\n        annotations:\n          runbook_url: https://site.example/runbooks/kubernetes/foo/\n');
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const mismatches = async (paths: readonly string[]) => {
    const result = await runCli(['check', '--no-git', '--today', '2026-11-27', '--format', 'json', ...paths], root);
    const report = JSON.parse(result.stdout) as { files: { diagnostics: { ruleId: string; message: string }[] }[] };
    return report.files.flatMap((file) => file.diagnostics).filter((diagnostic) => diagnostic.ruleId === 'runbook-url-mismatch').map((diagnostic) => diagnostic.message);
  };

  it('reports the lower-case URL the site does not write, as the check of every file does', async () => {
    const expected = ['`runbook_url` of alert `FooDown` does not lead to its runbook `kubernetes/fOO`: expected `https://site.example/runbooks/kubernetes/fOO-2/`, found `https://site.example/runbooks/kubernetes/foo/`'];
    expect(await mismatches([])).toEqual(expected);
    expect(await mismatches(['rb/kubernetes/fOO.md'])).toEqual(expected);
  });
});
