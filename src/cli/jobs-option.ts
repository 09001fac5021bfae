import { availableParallelism } from 'node:os';
import { UsageError } from './usage-error.js';

/** More parse threads than this are not started, whatever the machine: each one holds a parser's memory. */
const MAX_JOBS = 4;

/** The highest `--jobs` accepted. */
const MAX_GIVEN = 64;

/** What `--jobs <n>` says in `--help`. */
export const JOBS_HELP = `threads that parse runbooks (default: one per core, at most ${MAX_JOBS}; 1: only the main thread). Runs with fewer than 64 runbooks to parse use one; the output is the same whatever the number`;

/** The parsed `--jobs`, as commander hands it over (absent: the default). */
export interface JobsOptions {
  readonly jobs?: number;
}

/** How many threads may parse: `--jobs`, else one per core up to {@link MAX_JOBS}. */
export function jobsFor(options: JobsOptions): number {
  return options.jobs ?? Math.max(1, Math.min(MAX_JOBS, availableParallelism()));
}

/** `--jobs <n>` read: a whole number from 1 to 64, else a usage error quoting it. */
export function parseJobs(text: string): number {
  const jobs = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(jobs >= 1 && jobs <= MAX_GIVEN)) throw new UsageError(`invalid --jobs \`${text}\`, expected a whole number from 1 to ${MAX_GIVEN}`);
  return jobs;
}
