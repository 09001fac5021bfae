import type { Diagnostic } from './diagnostic.js';
import type { CalendarDate } from './calendar-date.js';
import type { Config } from './config.js';
import type { GitFacts } from './git-facts.js';

/*
 * The files of a run as the shell hands them to the pipeline (src/run/): found, read, identified,
 * and what a run remembers about them.
 */

/** A runbook file found on disk: where it is, how to show it, and its id. */
export interface FoundFile {
  readonly path: string;
  readonly file: string;
  readonly id: string;
}

/** A found file after reading: its bytes and their digest, or why it could not be read. */
export type ReadSource =
  | { readonly kind: 'read'; readonly found: FoundFile; readonly bytes: Uint8Array; readonly digest: string }
  | { readonly kind: 'unreadable'; readonly found: FoundFile; readonly reason: string };

/** One found file as a run sees it: where it is, and a digest of its bytes (or why it could not be read). */
export interface SourceIdentity {
  readonly id: string;
  readonly file: string;
  readonly path: string;
  readonly digest: string;
}

/**
 * A check's result, remembered under the digest of everything that decided it (`runKey`), so that a
 * run over unchanged runbooks neither parses nor checks anything. Only an accelerator: a record is
 * used only when intact and when the files its links pointed at still exist (or still do not).
 */
export interface RunRecord {
  readonly diagnostics: readonly Diagnostic[];
  /** Link targets outside the runbooks, and whether each existed when the record was made. */
  readonly linkTargets: readonly (readonly [string, boolean])[];
}

/** What identifies a read file in a run's key. */
export function sourceIdentity(source: ReadSource): SourceIdentity {
  const { id, file, path } = source.found;
  return { id, file, path, digest: source.kind === 'read' ? source.digest : `unreadable: ${source.reason}` };
}

/** What a run starts from, read but not parsed: enough to tell whether anything changed. */
export interface ProjectInputs {
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
  readonly found: readonly FoundFile[];
  /** Each file's identity: its digest taken from its bytes, or from its stamp when its stat is unchanged. */
  readonly identities: readonly SourceIdentity[];
  /** The files that had to be read for their digests, by path, so that parsing does not read them again. */
  readonly read: ReadonlyMap<string, ReadSource>;
  /** The digest of everything that decides the run's diagnostics (`runKey`). */
  readonly key: string;
  /** Where run-wide findings are reported: the runbooks root, as shown to users. */
  readonly rootLabel: string;
  /** The config file as shown to users (`.` without one): where problems of the config's globs are reported. */
  readonly configLabel: string;
  /** The working folder, which paths are shown relative to. */
  readonly cwd: string;
  /** Whether the run reads the whole collection under the config's root (no paths named, or a path containing it). */
  readonly complete: boolean;
  /** The id of every runbook of the collection, also those a partial run does not read: the site's folders depend on them all (`runbookFolders`). */
  readonly allIds: readonly string[];
  /** Every file under the drills folder (the whole folder, whatever paths the run names), sorted by path. */
  readonly drills: readonly DrillSource[];
}

/**
 * A file found under the drills folder (`config.drills.folder`): its bytes, or why it was not read
 * (larger than the cap, a symlink leading out, unreadable). Parsed into a drill record by the
 * pipeline; its identity is part of the run's key, so that a changed record is never answered
 * from a remembered run.
 */
export type DrillSource =
  | { readonly kind: 'read'; readonly path: string; readonly file: string; readonly bytes: Uint8Array; readonly digest: string }
  | { readonly kind: 'unread'; readonly path: string; readonly file: string; readonly reason: string };

/** What identifies a drill record file in a run's key. */
export function drillIdentity(source: DrillSource): Omit<SourceIdentity, 'id'> {
  return { file: source.file, path: source.path, digest: source.kind === 'read' ? source.digest : `unread: ${source.reason}` };
}

/** What decides a run's diagnostics, and so the key it is remembered under (`runKey`). */
export interface RunKeyInput {
  readonly sources: readonly SourceIdentity[];
  /** The drill record files (their identities, see {@link drillIdentity}). */
  readonly drills: readonly Omit<SourceIdentity, 'id'>[];
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
}
