import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest runs (cores - 1) files at once: one at a time on CI's 2 cores, where most files spend
    // their time waiting on the CLI's child processes and Chromium, leaving a core idle (a clean CI
    // run measured 15.6 min of CPU in 17.2 min). Two at a time at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
