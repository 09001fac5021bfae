import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files of a clean CI run (seconds, 2 cores), longest first. On a clean clone
 * Vitest has no timings of its own and starts the biggest files first; a slow small file started
 * last then runs alone while the other worker idles. Starting these first packs the two workers
 * (longest job first). A hint only: a file missing here runs after them, in Vitest's own order.
 */
const SLOW_FILES: readonly (readonly [string, number])[] = [
  ['test/cli/pack.test.ts', 97],
  ['test/browser/accessibility.test.ts', 89],
  ['test/browser/xss.test.ts', 61],
  ['test/reliability/corpora.test.ts', 60],
  ['test/reliability/hostile.test.ts', 56],
  ['test/hardening/quadratic-input.test.ts', 56],
  ['test/browser/widths.test.ts', 55],
  ['test/reliability/faults.test.ts', 47],
  ['test/browser/adopted-pages.test.ts', 45],
  ['test/cheatsheet/print.test.ts', 38],
  ['test/reliability/faults-disk.test.ts', 35],
  ['test/browser/navigate.test.ts', 31],
  ['test/browser/drills.test.ts', 30],
  ['test/reliability/determinism.test.ts', 29],
  ['test/view/consistency.test.ts', 24],
  ['test/parse/chunks.test.ts', 24],
  ['test/cli/corpora.test.ts', 23],
  ['test/reliability/degrade.test.ts', 22],
  ['test/browser/offline.test.ts', 20],
  ['test/browser/corpora.test.ts', 20],
];

const SECONDS: ReadonlyMap<string, number> = new Map(SLOW_FILES);

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const seconds = (file: TestSpecification): number => SECONDS.get(relative(file.project.config.root, file.moduleId).split('\\').join('/')) ?? 0;
    // A stable sort: the files not listed keep Vitest's order, after the listed ones.
    return sorted.map((file, index) => ({ file, index })).sort((a, b) => seconds(b.file) - seconds(a.file) || a.index - b.index).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest runs (cores - 1) files at once: one at a time on CI's 2 cores, where most files spend
    // their time waiting on the CLI's child processes and Chromium, leaving a core idle (a clean CI
    // run measured 15.6 min of CPU in 17.2 min). Two at a time at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
  },
});
