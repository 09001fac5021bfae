/**
 * A runbook claiming one alert many times: `duplicate-alert` reported every claim with every other
 * claim in its message, so the output grew with the square of the claims (a 15 KB runbook printed
 * 200 MB; at 50 KB, `Invalid string length`). Each message now names a few others and `and N more`.
 * Growth is measured at n and 4n claims and compared as a ratio, never as an absolute time.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { cleanRunbook, makeProject } from '../reliability/hostile-project.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A 5 KB alert name: its message must not pad every other line of the report to its width. */
const LONG = 'L'.repeat(5_000);

/**
 * A project with one runbook claiming alert `A` `claims` times, in one flow list (4n stays under the
 * 64 KB frontmatter limit), after two claims of a 5 KB name when `long` is set. One line, so that
 * the time measured is the rule's and the report's, not the Markdown parser's on thousands of lines.
 */
function project(claims: number, long: boolean): string {
  const names = [...(long ? [LONG, LONG] : []), ...Array.from({ length: claims }, () => 'A')];
  const folder = makeProject({ 'runbooks/many.md': cleanRunbook({ extra: [`alerts: [${names.join(', ')}]`] }) });
  folders.push(folder);
  return folder;
}

/** Runs per measurement: the fastest is kept, the others are noise from a busy machine. */
const RUNS = 3;

/** The output size and the fastest of three runs of `check` with `format` on `folder`. */
async function measure(folder: string, format: string): Promise<{ readonly bytes: number; readonly ms: number; readonly stdout: string }> {
  let best = Number.POSITIVE_INFINITY;
  let stdout = '';
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = await runCli(['check', '--format', format, '--today', '2026-11-27', '--no-git', '--no-cache'], folder);
    best = Math.min(best, performance.now() - started);
    expect(result.code, result.stderr).toBe(1);
    stdout = result.stdout;
  }
  return { bytes: stdout.length, ms: best, stdout };
}

describe('a runbook claiming one alert thousands of times (duplicate-alert output growth)', () => {
  it.each([
    ['pretty', 'short names', false],
    ['pretty', 'a 5 KB name too', true],
    ['json', 'short names', false],
  ] as const)('--format %s, %s: output and time grow linearly from n to 4n claims', async (format, _, long) => {
    const n = 4000;
    const small = project(n, long);
    const large = project(4 * n, long);
    await measure(small, format); // warm up
    // The least ratio of up to three measurements (CI runs two test files at once: one measurement
    // can look quadratic; quadratic code looks so every time).
    let atN = await measure(small, format);
    let at4N = await measure(large, format);
    for (let attempt = 1; attempt < 3 && at4N.ms / atN.ms >= 8; attempt++) {
      const smallAgain = await measure(small, format);
      const largeAgain = await measure(large, format);
      if (largeAgain.ms / smallAgain.ms < at4N.ms / atN.ms) [atN, at4N] = [smallAgain, largeAgain];
    }
    expect(at4N.bytes / atN.bytes, `${atN.bytes} B → ${at4N.bytes} B`).toBeLessThan(5);
    expect(at4N.ms / atN.ms, `${atN.ms.toFixed(0)} ms → ${at4N.ms.toFixed(0)} ms`).toBeLessThan(8);
    // A bounded size per claim: no line is padded to the width of one long message either.
    expect(at4N.bytes / (4 * n), 'bytes per claim').toBeLessThan(1000);
    expect(at4N.stdout).toContain(`and ${4 * n - 1 - 3} more`);
  }, 120_000);
});
