import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { RuleFile } from '../coverage/alert-rule.js';
import { parseRuleFile } from '../coverage/rule-file.js';
import { FILE_START } from '../model/diagnostic.js';
import { displayPath } from './discover.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

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

/** Every file under `folder`; skips VCS folders, node_modules and symlinked folders. */
function walk(folder: string): readonly string[] {
  const files: string[] = [];
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error: unknown) {
      throw new Error(`cannot read folder ${current} (looking for alert rule files)`, { cause: error });
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(path))) files.push(path);
    }
  }
  return files;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
