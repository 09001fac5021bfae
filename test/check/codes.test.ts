import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import type { ExampleFiles } from '../../src/check/rule.js';
import { addDays } from '../../src/model/calendar-date.js';
import type { JsonReport } from '../../src/report/json.js';
import { runCli } from '../cli/run-cli.js';
import { TODAY } from '../helpers.js';
import { PROJECT_ROOT } from '../shared.js';
import { exampleDiagnostics, findingsOf } from './rule-findings.js';

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
    expect(codesOf('no-recovery-steps', '## Recovery\n\nFail over.\n')).toEqual(['no-recovery-steps/prose']);
    expect(codesOf('no-recovery-steps', '## Recovery\n\n<!-- to do -->\n')).toEqual(['no-recovery-steps/unnumbered']);
  });
});

const inline = RULES.flatMap((rule): [string, ExampleFiles][] => ('testedIn' in rule.examples ? [] : [[rule.id, rule.examples.notOk]]));

describe.each(inline)('the not-ok example of %s', (id, notOk) => {
  it('is reported with codes of the rule', () => {
    const codes = exampleDiagnostics(id, notOk).map((diagnostic) => diagnostic.code);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(isCodeOf(id, code), code).toBe(true);
  });

  it('is reported with the same subjects, and no date in them, 400 days later', () => {
    const now = exampleDiagnostics(id, notOk, TODAY).map((diagnostic) => diagnostic.subject);
    const later = exampleDiagnostics(id, notOk, addDays(TODAY, 400)).map((diagnostic) => diagnostic.subject);
    if (id !== 'due-soon') expect(later).toEqual(now); // due-soon is past due by then: stale's, not its own
    for (const subject of now) expect(subject).not.toMatch(/\d{4}-\d{2}-\d{2}|\bdays?\b/);
  });
});

function codesOf(ruleId: string, text: string): readonly string[] {
  return findingsOf(ruleId, text).map((finding) => finding.code);
}
