import { availableParallelism } from 'node:os';
import type { Jobs } from '../parse/parse-file.js';
import { UsageError } from './usage-error.js';

/** More parse threads than this are not started, whatever the machine: each one holds a parser's memory. */
const MAX_JOBS = 4;

/** The highest `--jobs` accepted. */
const MAX_GIVEN = 64;

/** What `--jobs <n>` says in `--help`. */
export const JOBS_HELP = `threads that parse runbooks (default: one per core, at most ${MAX_JOBS}, once there are a few hundred runbooks to parse; 1: only the main thread); the output is the same whatever the number. Each thread holds a parser of its own (about 100 MB at the peak): more threads than cores cost memory and gain nothing`;

/** The parsed `--jobs`, as commander hands it over (absent: the default). */
export interface JobsOptions {
  readonly jobs?: number;
}

/** How many threads may parse: `--jobs`, else one per core up to {@link MAX_JOBS} (when there are enough files). */
export function jobsFor(options: JobsOptions): Jobs {
  return options.jobs === undefined ? { kind: 'cores', count: Math.max(1, Math.min(MAX_JOBS, availableParallelism())) } : { kind: 'given', count: options.jobs };
}

/** `--jobs <n>` read: a whole number from 1 to 64, else a usage error quoting it. */
export function parseJobs(text: string): number {
  const jobs = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(jobs >= 1 && jobs <= MAX_GIVEN)) throw new UsageError(`invalid --jobs \`${text}\`, expected a whole number from 1 to ${MAX_GIVEN}`);
  return jobs;
}
