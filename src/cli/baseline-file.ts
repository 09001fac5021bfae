/**
 * The baseline file on disk, and how a run's findings are keyed against it: read (absent is no
 * baseline; unreadable or invalid is exit 2 with its path and the problems), written atomically, and
 * each finding's file as the baseline names it (relative to the config's folder, with `/`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { displayPath } from '../io/discover.js';
import { replaceFile } from '../io/replace-file.js';
import { writeFileAtomic } from '../io/write-file.js';
import { ConfigError } from '../parse/config.js';
import { keyedFindings, type Baseline, type BaselineScope, type KeyedFinding } from '../report/baseline.js';
import { formatBaseline, parseBaseline } from '../report/baseline-file.js';
import type { CheckRun } from './check.js';

/** The baseline at `path`, or undefined when there is no such file. Throws {@link ConfigError} (exit 2) when it cannot be used. */
export function readBaselineFile(path: string, cwd: string): Baseline | undefined {
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    // Only a file is read: a named pipe there (an unpacked archive may hold one) would hang the run for ever.
    if (!statSync(path).isFile()) throw new ConfigError(`cannot read the baseline ${shown}: it is not a file; expected the JSON file \`runbook baseline\` writes`);
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read the baseline ${shown}`, { cause: error });
  }
  const parsed = parseBaseline(text.replace(/^\uFEFF/, ''));
  if (parsed.kind === 'invalid') {
    throw new ConfigError(
      `invalid baseline ${shown}:\n  ${parsed.problems.join('\n  ')}\nFix it, or delete it and record it again with \`runbook baseline\`; \`check --no-baseline\` ignores it.`,
    );
  }
  return parsed.baseline;
}

/** Writes `baseline` to `path` atomically (a reader never sees half a file), keeping an existing file's permissions. Returns whether it changed. */
export function writeBaselineFile(path: string, baseline: Baseline): boolean {
  const text = formatBaseline(baseline);
  if (!existsSync(path)) {
    writeFileAtomic(path, text);
    return true;
  }
  if (readFileSync(path, 'utf8') === text) return false;
  replaceFile(path, new TextEncoder().encode(text));
  return true;
}

/** How the baseline names a file shown as `file`: relative to the config file's folder (the working folder without one), with `/`. */
function fileKeyOf(run: CheckRun): (file: string) => string {
  const { config, cwd } = run.inputs;
  const base = config.source.kind === 'file' ? dirname(config.source.path) : cwd;
  return (file) => relative(base, resolve(cwd, file)).split(sep).join('/') || '.';
}

/** A run's findings with their baseline keys. */
export function runFindings(run: CheckRun): readonly KeyedFinding[] {
  return keyedFindings(run.diagnostics, fileKeyOf(run));
}

/** The entries a run could have matched: every one after a run over the whole collection, else those of the files it checked. */
export function runScope(run: CheckRun): BaselineScope {
  if (run.inputs.complete) return () => true;
  const checked = new Set(run.files.map(fileKeyOf(run)));
  return (file) => checked.has(file);
}
