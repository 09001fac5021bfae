/**
 * The folder walk of `runbook init`'s detection (src/adopt/detect-collection.ts): the Markdown and
 * YAML files of a repository, each with the first bytes of its text, as plain data. Bounded work:
 * folders never searched, vendored and hidden folders are skipped, symlinks are not followed, at
 * most `MAX_FILES_READ` files are read and only their first `HEAD_BYTES` bytes.
 */
import { closeSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { SKIPPED_FOLDERS } from './named-folders.js';

/** Files read per kind (Markdown, YAML) at most; the rest are listed with no text. */
const MAX_FILES_READ = 2000;
/** Files listed at most: a repository of more Markdown than this is not walked to the end. */
const MAX_FILES_LISTED = 20_000;
/** Folders entered at most: a repository of many folders without Markdown is not walked to the end either. */
const MAX_FOLDERS_WALKED = 20_000;
/** How much of each file is read: enough for the frontmatter and the headings of a runbook. */
const HEAD_BYTES = 16 * 1024;

/** Folders of other people's code or of built output: never a team's runbooks. */
const VENDORED_FOLDERS: ReadonlySet<string> = new Set(['vendor', 'third_party', 'third-party', 'bower_components', 'dist', 'build', 'target', 'public', 'venv', '__pycache__']);

/** A Markdown (or Middleman `.html.md.erb`) file name. */
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)(?:\.erb)?$/i;
const YAML_NAME = /\.ya?ml$/i;

/** One file found: its path relative to the folder walked (with `/`) and the start of its text (undefined: not read, over the cap). */
export interface ScannedFile {
  readonly path: string;
  readonly head: string | undefined;
}

/** What the walk found. */
export interface CollectionScan {
  readonly markdown: readonly ScannedFile[];
  readonly yaml: readonly ScannedFile[];
  /** Vendored or built folders not entered (paths relative to the folder walked). */
  readonly skipped: readonly string[];
  /** Whether the walk stopped at `MAX_FILES_LISTED` or `MAX_FOLDERS_WALKED` before seeing every folder. */
  readonly truncated: boolean;
}

/** Walks `folder` (see the module's header); an unreadable folder or file is an error naming it. */
export function scanCollection(folder: string): CollectionScan {
  const markdown: string[] = [];
  const yaml: string[] = [];
  const skipped: string[] = [];
  const pending = [''];
  let truncated = false;
  let visited = 0;
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    visited += 1;
    if (markdown.length + yaml.length >= MAX_FILES_LISTED || visited > MAX_FOLDERS_WALKED) {
      truncated = true;
      break;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(join(folder, current), { withFileTypes: true });
    } catch (error: unknown) {
      throw new Error(`cannot read the folder ${join(folder, current)}`, { cause: error });
    }
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = current === '' ? entry.name : `${current}/${entry.name}`;
      if (entry.isDirectory()) {
        if (VENDORED_FOLDERS.has(entry.name)) skipped.push(path);
        else if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile()) {
        if (MARKDOWN_NAME.test(entry.name)) markdown.push(path);
        else if (YAML_NAME.test(entry.name)) yaml.push(path);
      }
    }
  }
  const read = (paths: readonly string[]): readonly ScannedFile[] =>
    [...paths].sort().map((path, index) => ({ path, head: index < MAX_FILES_READ ? headOf(join(folder, path)) : undefined }));
  return { markdown: read(markdown), yaml: read(yaml), skipped: skipped.sort(), truncated };
}

/** The first `HEAD_BYTES` bytes of the file at `path`, as UTF-8 (a character cut at the end is dropped). */
function headOf(path: string): string {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error: unknown) {
    throw new Error(`cannot read ${path}`, { cause: error });
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const length = readSync(descriptor, buffer, 0, HEAD_BYTES, 0);
    return new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, length)).replace(/\uFFFD$/, '');
  } catch (error: unknown) {
    throw new Error(`cannot read ${path}`, { cause: error });
  } finally {
    closeSync(descriptor);
  }
}

/** Folders a search for Markdown elsewhere visits at most (`check`'s note when the root matches nothing). */
const MAX_FOLDERS_VISITED = 2000;

/**
 * Up to `limit` Markdown files under `folder` but not under `root` for which `counts` holds
 * (absolute paths, breadth first, by name), for `check` to point at when its root matches nothing.
 * Cheap: stops at the `limit`-th find or after `MAX_FOLDERS_VISITED` folders; skips what the walk
 * above skips; an unreadable folder is passed over (this only feeds a note, never a result).
 */
export function markdownElsewhere(folder: string, root: string, limit: number, counts: (path: string) => boolean): readonly string[] {
  const found: string[] = [];
  const queue = [folder];
  for (let visited = 0; visited < queue.length && visited < MAX_FOLDERS_VISITED && found.length < limit; visited += 1) {
    const current = queue[visited] ?? folder;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error: unknown) {
      if (visited === 0) throw new Error(`cannot read the folder ${current}`, { cause: error });
      continue;
    }
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (path !== root && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && !VENDORED_FOLDERS.has(entry.name)) queue.push(path);
      } else if (entry.isFile() && MARKDOWN_NAME.test(entry.name) && counts(path) && found.length < limit) found.push(path);
    }
  }
  return found;
}
