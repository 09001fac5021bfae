/**
 * Growth measurement for the tests that pin linear time: how many times longer a piece of work
 * takes on an input four times larger. Linear work gives about 4, quadratic about 16; the tests
 * assert < 8. Each timing is the fastest of a few runs, the one least disturbed by other work on
 * the machine, and inputs are made outside the timing.
 */
import { performance } from 'node:perf_hooks';

/** The fastest of `runs` timings of `work(input)`, in milliseconds. */
function fastestMs<T>(input: T, work: (input: T) => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The times at n and 4n and their ratio. */
export interface Growth {
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
}

/**
 * How much longer `work` takes on `make(4 * n)` than on `make(n)`: the least of up to three
 * measurements, stopping at the first under MAX_RATIO. Other work on the machine (CI runs two test
 * files at once) can make one measurement look quadratic; quadratic code looks so every time.
 */
export function growthOf<T>(n: number, make: (n: number) => T, work: (input: T) => unknown, runs = 3): Growth {
  const smallInput = make(n);
  const largeInput = make(4 * n);
  let best: Growth | undefined;
  for (let attempt = 0; attempt < 3 && (best === undefined || best.ratio >= MAX_RATIO); attempt++) {
    const small = fastestMs(smallInput, work, runs);
    const large = fastestMs(largeInput, work, runs);
    const growth = { small, large, ratio: large / Math.max(small, 1) };
    if (best === undefined || growth.ratio < best.ratio) best = growth;
  }
  if (best === undefined) throw new Error('growthOf: no measurement');
  return best;
}

/** The most the time may grow when the input grows four times. */
export const MAX_RATIO = 8;
