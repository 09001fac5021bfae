/**
 * Attack: a pull request that only adds a runbook claiming another runbook's id as an alert name
 * (`alerts: ["db/primary"]`) and silencing `alert-shadows-id` with a comment in its own file. The
 * rule is reported only on the claim, so `check` passed while `runbook show db/primary` and
 * `runbook tested db/primary` could no longer tell the two runbooks apart.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, makeProject } from '../reliability/hostile-project.js';

const folder = makeProject({
  'runbooks/db/primary.md': cleanRunbook({ title: 'Primary' }),
  'runbooks/evil.md': cleanRunbook({
    title: 'Evil',
    extra: ['alerts: ["db/primary"]'],
    body: '<!-- runbook-disable-file alert-shadows-id -- our alert is named so -->\n\nWords.',
  }),
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('a comment in the claiming runbook silencing alert-shadows-id', () => {
  it('is refused (not suppressible) and the claim is still reported: check fails', async () => {
    const result = await runCli(['check', '--no-git', '--no-cache', '--today', '2026-11-27', '--format', 'json'], folder);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { file: string; diagnostics: { ruleId: string; severity: string }[] }[] };
    const found = report.files.flatMap((file) => file.diagnostics.map((diagnostic) => `${file.file} ${diagnostic.ruleId} ${diagnostic.severity}`));
    expect(found).toEqual(['runbooks/evil.md alert-shadows-id error', 'runbooks/evil.md invalid-suppression error']);
  });
});
