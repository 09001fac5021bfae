import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { RuleFile } from '../coverage/alert-rule.js';
import { parseRuleFile } from '../coverage/rule-file.js';
import { FILE_START } from '../model/diagnostic.js';
import { displayPath, filesUnder } from './discover.js';

/** The rule files some globs name, read and parsed, and the globs that matched nothing. */
export interface RuleFiles {
  readonly files: readonly RuleFile[];
  readonly unmatched: readonly string[];
}

/**
 * Finds the files matching `globs` (relative to `base`; a glob without wildcards names one file),
 * then reads and parses each once, sorted by path. A file that cannot be read becomes a problem on
 * that file; only a folder that cannot be listed stops the run.
 */
export function readRuleFiles(globs: readonly string[], base: string, cwd: string): RuleFiles {
  const paths = new Set<string>();
  const unmatched: string[] = [];
  for (const glob of globs) {
    const matched = matchGlob(glob, base);
    if (matched.length === 0) unmatched.push(glob);
    for (const path of matched) paths.add(path);
  }
  const files = [...paths].sort().map((path) => readRuleFile(path, displayPath(path, cwd)));
  return { files, unmatched };
}

function readRuleFile(path: string, file: string): RuleFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    return { file, alerts: [], problems: [{ value: `Cannot read the file: ${error instanceof Error ? error.message : String(error)}`, span: FILE_START }] };
  }
  return parseRuleFile(text, file);
}

/** The files one glob matches: its folder part is walked, the rest matched with picomatch. */
function matchGlob(glob: string, base: string): readonly string[] {
  const scanned = picomatch.scan(glob);
  const start = resolve(base, scanned.base === '' ? '.' : scanned.base);
  if (!scanned.isGlob) return isFile(start) ? [start] : [];
  if (!isFolder(start)) return [];
  const matches = picomatch(scanned.glob, { dot: false });
  return walk(start).filter((path) => matches(relative(start, path).split(sep).join('/')));
}

/** Every file under `folder` (skipping VCS folders, node_modules, symlinked folders), symlinked files included. */
function walk(folder: string): readonly string[] {
  return filesUnder(folder, {
    linkedFile: isFile,
    unreadable: (current, error) => new Error(`cannot read folder ${current} (looking for alert rule files)`, { cause: error }),
  });
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
