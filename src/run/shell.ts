import type { CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { FoundFile, ProjectInputs, ReadSource, RunKeyInput, SourceIdentity } from '../model/sources.js';
import type { RunCache } from '../model/run-cache.js';
import type { RuleFiles } from '../model/rule-file-source.js';
import type { Jobs, Parsed } from '../parse/parse-file.js';
import type { SourceFile } from '../parse/runbook.js';

/** Parses files (rendering their bodies when asked), one result per file in the order given, on the threads `jobs` allows. */
export type ParseFiles = (files: readonly SourceFile[], config: Config, options: { readonly render: boolean; readonly jobs: Jobs }) => Promise<readonly Parsed[]>;

/** Where to look and when "today" is: what a run is asked for. */
export interface RunRequest {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly today: CalendarDate;
  readonly git: boolean;
  /** Where parsed files are remembered between runs (default: none). */
  readonly cache?: RunCache;
}

/**
 * The effects the pipeline needs, and nothing else: the shell (src/io/) supplies them, `cli/shell.ts`
 * puts them together, and tests may pass their own. The pipeline itself reads no file and no clock.
 */
export interface RunShell {
  /** discover → identify: config, found files, their digests, git, the run's key. */
  readonly readInputs: (request: RunRequest & { readonly ruleIds: readonly string[] }) => Promise<ProjectInputs>;
  /** Every found file's bytes (reading those not read yet). */
  readonly readAll: (inputs: ProjectInputs) => readonly ReadSource[];
  /** Reads files found outside a run's inputs (`show` reads only the file it shows). */
  readonly readSources: (found: readonly FoundFile[]) => readonly ReadSource[];
  /** Which of these paths exist (files or folders). */
  readonly existingPaths: (paths: readonly string[]) => ReadonlySet<string>;
  /** The key a run is remembered under (its inputs' digests, the config, the date, git, the code). */
  readonly runKey: (input: RunKeyInput) => string;
  /** Parses the files the cache does not hold (see `ParseFiles`). */
  readonly parseFiles: ParseFiles;
  /** The key a parsed file is remembered under. */
  readonly cacheKey: (source: SourceIdentity, config: Config, render: boolean) => string;
  /** The alert rule files of the config's `alerts.rules`, read (not parsed), from inside its repository only. */
  readonly readConfigRuleFiles: (config: Config, cwd: string) => RuleFiles;
}
