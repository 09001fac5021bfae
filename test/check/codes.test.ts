import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { addDays } from '../../src/model/calendar-date.js';
import type { JsonReport } from '../../src/report/json.js';
import { runCli } from '../cli/run-cli.js';
import { TODAY } from '../helpers.js';
import { PROJECT_ROOT } from '../shared.js';
import { findingsOf } from './rule-findings.js';

/** Whether `code` is `ruleId` or one of its variants, `<rule-id>/<variant>`. */
function isCodeOf(ruleId: string, code: string): boolean {
  return code === ruleId || code.startsWith(`${ruleId}/`);
}

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'check');

describe('diagnostic codes', () => {
  it('every diagnostic over the check fixtures has a code that starts with its rule id, and a message for it', async () => {
    const seen = new Set<string>();
    for (const entry of readdirSync(FIXTURES, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const result = await runCli(['check', '--today', '2026-11-27', '--format', 'json', '--no-git'], join(FIXTURES, entry.name));
      if (result.code === 2) continue; // the run itself failed (a broken config): no diagnostics to look at
      // Test-side read of our own output; json.test.ts validates the shape against its schema.
      const report = JSON.parse(result.stdout) as JsonReport;
      for (const diagnostic of report.files.flatMap((file) => file.diagnostics)) {
        const where = `${entry.name}/${diagnostic.file}:${diagnostic.line} ${diagnostic.code}`;
        expect(isCodeOf(diagnostic.ruleId, diagnostic.code), where).toBe(true);
        expect(Object.keys(RULES.find((rule) => rule.id === diagnostic.ruleId)?.messages ?? {}), where).toContain(diagnostic.code);
        seen.add(diagnostic.code);
      }
    }
    // The fixtures reach most rules; a test that saw nothing would pass for nothing.
    expect(seen.size).toBeGreaterThan(15);
  });

  it('tells the kinds of problems of one rule apart by code', () => {
    expect(codesOf('frontmatter-missing', 'Just text.\n')).toEqual(['frontmatter-missing']);
    expect(codesOf('frontmatter-missing', '---\ntitle: Disk full\n')).toEqual(['frontmatter-missing/unclosed']);
    expect(codesOf('no-recovery-steps', '## Summary\n\nDisks fill up.\n')).toEqual(['no-recovery-steps']);
    expect(codesOf('no-recovery-steps', '## Recovery\n\nFail over.\n')).toEqual(['no-recovery-steps/unnumbered']);
  });
});

describe.each(RULES.filter((rule) => rule.examples !== undefined).map((rule) => [rule.id] as const))('the not-ok example of %s', (id) => {
  const notOk = RULES.find((rule) => rule.id === id)?.examples?.notOk ?? '';

  it('is reported with codes of the rule', () => {
    const codes = codesOf(id, notOk);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(isCodeOf(id, code), code).toBe(true);
  });

  it('is reported with the same subjects, and no date in them, 400 days later', () => {
    const now = findingsOf(id, notOk, TODAY).map((finding) => finding.subject);
    const later = findingsOf(id, notOk, addDays(TODAY, 400)).map((finding) => finding.subject);
    if (id !== 'due-soon') expect(later).toEqual(now); // due-soon is past due by then: stale's, not its own
    for (const subject of now) expect(subject).not.toMatch(/\d{4}-\d{2}-\d{2}|\bdays?\b/);
  });
});

function codesOf(ruleId: string, text: string): readonly string[] {
  return findingsOf(ruleId, text).map((finding) => finding.code);
}
