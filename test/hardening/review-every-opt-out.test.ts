/**
 * A runbook opted out of staleness with `review_every: 9999y`: a critical runbook last tested in
 * 2000 was "Fresh", `check` exited 0 and `show` said it was next due on 11999-01-01. The interval
 * of the severity is now a ceiling: the status uses the shorter of the two, and a longer
 * `review_every` is a located `review-every-over-policy` error.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewStatus } from '../../src/model/review.js';
import { runbookOf, TODAY } from '../helpers.js';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, makeProject } from '../reliability/hostile-project.js';

const OPTED_OUT = cleanRunbook({ title: 'Opted out' }).replace('severity: low', 'severity: critical').replace('last_tested: 2026-11-01', 'last_tested: 2000-01-01\nreview_every: 9999y');
const folder = makeProject({ 'runbooks/opted-out.md': OPTED_OUT });
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface JsonReport {
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly { readonly ruleId: string; readonly severity: string; readonly line: number; readonly column: number; readonly message: string }[] }[];
}

const frontmatter = (lines: readonly string[]) => `---\n${lines.join('\n')}\n---\n\n# T\n`;

describe('review_every: 9999y opting a runbook out of staleness', () => {
  it('check fails: the runbook is stale by its severity\'s interval, and review_every is a located error', async () => {
    const result = await runCli(['check', '--format', 'json', '--today', '2026-11-27', '--no-git'], folder);
    expect(result.code, result.stderr).toBe(1);
    const diagnostics = (JSON.parse(result.stdout) as JsonReport).files.flatMap((file) => file.diagnostics.map((diagnostic) => ({ file: file.file, ...diagnostic })));
    const over = diagnostics.find((diagnostic) => diagnostic.ruleId === 'review-every-over-policy');
    expect(over).toMatchObject({ file: 'runbooks/opted-out.md', severity: 'error', line: 7, column: 15 });
    expect(over?.message).toBe('`review_every` of `9999 years` is longer than the interval of severity `critical` (3 months); the runbook is due every 3 months');
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'stale')?.message).toContain('due 2000-04-01 (every 3 months)');
  });

  it('show says the runbook is overdue since the severity\'s due date, not due in the year 11999', async () => {
    const result = await runCli(['show', 'opted-out', '--today', '2026-11-27'], folder);
    expect(result.stdout).not.toContain('11999');
    expect(result.stdout).toContain('2000-04-01');
  });

  it('the status uses the shorter interval: the severity\'s when review_every is longer, review_every when it is shorter', () => {
    const longer = reviewStatus(runbookOf(frontmatter(['severity: critical', 'last_tested: 2026-11-01', 'review_every: 1y'])), TODAY);
    expect(longer).toMatchObject({ kind: 'tested', interval: { count: 3, unit: 'month' }, due: { year: 2027, month: 2, day: 1 } });
    const shorter = reviewStatus(runbookOf(frontmatter(['severity: low', 'last_tested: 2026-11-01', 'review_every: 30d'])), TODAY);
    expect(shorter).toMatchObject({ kind: 'tested', interval: { count: 30, unit: 'day' } });
  });

  it('a review_every shorter than or equal to the severity\'s interval is no diagnostic', async () => {
    const equal = makeProject({ 'runbooks/equal.md': cleanRunbook({ extra: ['review_every: 12 months'] }), 'runbooks/shorter.md': cleanRunbook({ title: 'Shorter', extra: ['review_every: 6w'] }) });
    try {
      const result = await runCli(['check', '--today', '2026-11-27', '--no-git'], equal);
      expect(result.stdout).not.toContain('review-every-over-policy');
      expect(result.code, result.stdout).toBe(0);
    } finally {
      rmSync(equal, { recursive: true, force: true });
    }
  });
});
