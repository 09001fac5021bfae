import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PARTIAL_FINGERPRINT } from '../../src/report/sarif.js';
import { runCli } from '../cli/run-cli.js';

/**
 * The promise of docs/format.md: a problem keeps its fingerprint from one day to the next, although
 * its message counts the days (`321 days overdue`, then `333 days overdue`).
 */

const STALE = [
  '---',
  'title: Disk full',
  'owner: platform',
  'service: volumes',
  'severity: low',
  'last_tested: 2025-01-10',
  '---',
  '## Summary',
  'Volumes fill up. See [the dashboard](dashboard.md).',
  '',
  '## Recovery',
  '1. Delete old logs. TODO: which ones?',
  '',
].join('\n');

let folder = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'runbook-fingerprint-days-'));
  writeFileSync(join(folder, 'disk-full.md'), STALE);
  writeFileSync(join(folder, 'runbook.config.yaml'), '{}\n');
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** `check --format <format>` on the folder as it would run on `today`. */
async function checked(format: string, today: string): Promise<unknown> {
  const result = await runCli(['check', '--today', today, '--format', format, '--no-git'], folder);
  expect(result.code, result.stderr).toBe(1);
  return JSON.parse(result.stdout);
}

interface Issue {
  readonly check_name: string;
  readonly description: string;
  readonly fingerprint: string;
}

interface SarifLog {
  readonly runs: readonly { readonly results: readonly { readonly message: { readonly text: string }; readonly partialFingerprints: Readonly<Record<string, string>> }[] }[];
}

describe('fingerprints of a runbook that stays stale', () => {
  test('GitLab Code Quality fingerprints are the same twelve days later', async () => {
    // Test-side reads of our own output; the shape is asserted in gitlab.test.ts.
    const before = (await checked('gitlab', '2026-11-27')) as readonly Issue[];
    const after = (await checked('gitlab', '2026-12-09')) as readonly Issue[];
    expect(before.map((issue) => issue.check_name)).toEqual(['stale', 'missing-section', 'missing-section', 'broken-link', 'placeholder-text']);
    expect(before.find((issue) => issue.check_name === 'stale')?.description).toContain('321 days overdue');
    expect(after.find((issue) => issue.check_name === 'stale')?.description).toContain('333 days overdue');
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(new Set(before.map((issue) => issue.fingerprint)).size).toBe(before.length);
  });

  test('SARIF partial fingerprints are the same twelve days later, and the same as GitLab\'s', async () => {
    const results = async (today: string) => ((await checked('sarif', today)) as SarifLog).runs.flatMap((run) => run.results);
    const before = await results('2026-11-27');
    const after = await results('2026-12-09');
    expect(after.map((result) => result.message.text)).not.toEqual(before.map((result) => result.message.text));
    expect(after.map((result) => result.partialFingerprints)).toEqual(before.map((result) => result.partialFingerprints));
    const gitlab = (await checked('gitlab', '2026-11-27')) as readonly Issue[];
    expect(before.map((result) => result.partialFingerprints[PARTIAL_FINGERPRINT])).toEqual(gitlab.map((issue) => issue.fingerprint));
  });
});
