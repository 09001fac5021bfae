import { accessSync, constants, mkdirSync, readdirSync, realpathSync, renameSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from './discover.js';
import { outputLinkRefusal } from './output-path.js';
import { codeOf, entryAt, holdsBytes, readRegularFile, removeEntry, sizeAt, walkEntries, writeNewFile } from './site-entries.js';
import { markerText, parseMarker, SITE_MARKER, writtenFile, type Manifest, type Marker, type WrittenFile } from './site-marker.js';

export { SITE_MARKER } from './site-marker.js';

/** The output folder cannot be used: it holds files this tool did not write, or is not a folder. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

const TEMPORARY = '.runbook-tmp-';
const PREVIOUS = '.runbook-old-';
const SPARE = '.runbook-spare';
/** Written into the spare copy so that git never shows it (the site itself may well be committed). */
const IGNORE_ALL = { name: '.gitignore', content: '# The previous site, kept by `runbook build` to write only what changed.\n*\n' };

/** How to write: what the site was built from, and whether the spare's files may be reused. */
export interface SiteWriteOptions {
  /** A digest of every input, recorded in the marker (see `siteInput`). */
  readonly input: string;
  /** False: compare nothing, write every file (`--no-cache`). */
  readonly trustSpare: boolean;
}

/** What `writeSite` did, for the summary line. */
export interface SiteWrite {
  readonly written: number;
  readonly kept: number;
  readonly removed: number;
  /** Leftovers beside `out` that could not be tidied up (the site itself was written). */
  readonly notes?: readonly string[];
}

/** The real output folder, and a note when `--out` named it through a symbolic link. */
export interface OutputFolder {
  readonly path: string;
  readonly note?: string;
}

/**
 * Resolves `--out` once to the real folder it names. A symbolic link on the way inside `guarded`
 * (the working folder, the repository: see `guardedFolders`) is refused, since the repository may
 * have committed it (`site -> .` moved the whole checkout away). Elsewhere `--out` is the user's
 * choice, so a link there (`/var/www/html`, a deploy link to a web root) is followed once, and the
 * folder it points to is the output: the site is swapped in there, and the spare copy and temporary
 * folders sit beside it. From then on nothing is followed: every entry in and beside the output is
 * examined with `lstat`.
 */
export function outputFolder(out: string, guarded: readonly string[]): OutputFolder {
  const refusal = outputLinkRefusal('--out', out, guarded);
  if (refusal !== undefined) throw new OutputError(refusal);
  const entry = entryAt(out);
  if (entry?.isSymbolicLink() === true) {
    let target: string;
    try {
      target = realpathSync(out);
    } catch (error: unknown) {
      throw new OutputError(`--out ${out} is a symbolic link to a folder that does not exist (${codeOf(error) ?? String(error)}); create the folder or name another one`, { cause: error });
    }
    return { path: target, note: `--out ${out} is a symbolic link: the site is written to the folder it points to, ${target}` };
  }
  return { path: realParent(resolve(out)) };
}

/** `path` with its nearest existing ancestor replaced by that ancestor's real path. */
function realParent(path: string): string {
  const parent = dirname(path);
  if (parent === path) return path;
  try {
    return join(realpathSync(parent), basename(path));
  } catch (error: unknown) {
    if (codeOf(error) !== 'ENOENT') throw error;
    return join(realParent(parent), basename(path));
  }
}

/**
 * Writes the site so that a reader never sees half of it and a failed or killed build leaves the
 * previous site intact, while writing only the files whose bytes changed:
 *
 * - the site before the previous one is kept beside `out` as `<out>.runbook-spare` (git-ignored);
 *   it is renamed to a temporary folder and brought up to date: every entry that is not a wanted
 *   file or folder goes (links are removed, never followed), a regular file that already holds the
 *   wanted bytes is kept, and every other file is written new. Nothing the spare's marker says is
 *   trusted: a spare may have been committed to the repository by anyone;
 * - the temporary folder then replaces `out` with two renames, and the replaced site becomes the
 *   next spare. Leftovers of a killed build are repaired first (crash-only).
 *
 * `out` must be a real folder path (see `outputFolder`). Refuses an `out` that is not empty and does
 * not carry the marker (a site this tool wrote). Nothing outside `out` and its siblings named
 * `<out>.runbook-*` is ever written or removed.
 */
export function writeSite(out: string, site: SiteSource, options: SiteWriteOptions): SiteWrite {
  const parent = dirname(out);
  const notes: string[] = [];
  const failed = (error: unknown, note?: string): Error => new Error(`cannot write the site to ${out}${note === undefined ? '' : ` (${note})`}`, { cause: error });
  try {
    mkdirSync(parent, { recursive: true });
    recoverInterruptedWrites(out, notes);
  } catch (error: unknown) {
    throw failed(error);
  }
  assertOurs(out);
  const paths = [...site.paths()].sort();
  for (const path of paths) {
    const target = resolve(out, path);
    if (path === SITE_MARKER || path.includes('\n') || !isInside(target, out) || target === out) throw new Error(`bug: site path \`${path}\` escapes the output folder or is not allowed`);
  }
  // Each file is made, written (or found unchanged) and let go, one at a time: the site is never
  // held in memory whole.
  const contentOf = (path: string): string | Uint8Array => {
    const content = site.file(path);
    if (content === undefined) throw new Error(`bug: the site lists \`${path}\` but has no content for it`);
    return content;
  };
  const work = join(parent, `${basename(out)}${TEMPORARY}${process.pid}`);
  const previous = join(parent, `${basename(out)}${PREVIOUS}${process.pid}`);
  let done: SiteWrite & { readonly files: Manifest };
  try {
    takeSpare(out, work, notes);
    done = update(work, paths, contentOf, options.trustSpare);
    writeNewFile(join(work, SITE_MARKER), markerText(options.input, done.files));
    if (entryAt(out) !== undefined) renameSync(out, previous);
    renameSync(work, out);
  } catch (error: unknown) {
    throw failed(error, setAside(work, out));
  }
  // The new site is in place: what is left is tidying up, which can only add notes.
  retire(previous, out, notes);
  return { written: done.written, kept: done.kept, removed: done.removed, notes };
}

/** A site to write: every path, and each file's content, made when asked for (see `planSite`). */
export interface SiteSource {
  paths(): readonly string[];
  file(path: string): string | Uint8Array | undefined;
}

/**
 * The `input` the site in `out` was built from, when `out` is, as far as a cheap check tells, the
 * complete site this tool wrote: a valid marker, and every file it lists a regular file of the size
 * it lists (a damaged site, a file removed, resized or replaced by a link is not taken as up to
 * date; an edit that keeps a file's size, or a file added by hand, is: `--no-cache` rebuilds).
 * One `lstat` a file, no reading and no walk: this is the whole cost of a build with nothing changed.
 */
export function siteInput(out: string): string | undefined {
  return verifiedMarker(out)?.input;
}

function verifiedMarker(folder: string): Marker | undefined {
  if (entryAt(folder)?.isDirectory() !== true) return undefined;
  const text = readRegularFile(join(folder, SITE_MARKER));
  const marker = text === undefined ? undefined : parseMarker(text);
  if (marker === undefined) return undefined;
  for (const [path, file] of marker.files) if (sizeAt(join(folder, path)) !== file.size) return undefined;
  return marker;
}

/** Refuses an `out` that is a file, a folder that may not be written, or one with files this tool did not write. */
function assertOurs(out: string): void {
  const entry = entryAt(out);
  if (entry === undefined) return;
  if (!entry.isDirectory()) throw new OutputError(`--out ${out} is ${kindOf(entry)}, not a folder`);
  const denied = accessError(out);
  if (denied !== undefined) throw new OutputError(`cannot write the site to ${out}: the folder is not writable (${denied}); the previous site is left as it was`);
  if (readdirSync(out).length === 0) return;
  const marker = readRegularFile(join(out, SITE_MARKER));
  if (marker === undefined || parseMarker(marker) === undefined) {
    throw new OutputError(
      `refusing to write the site into ${out}: it is not empty and was not written by runbook (no ${marker === undefined ? '' : 'readable '}${SITE_MARKER} file); choose an empty or new folder`,
    );
  }
}

/**
 * Moves the spare (if it is a real, writable folder) to `work`, or makes `work` empty; anything else
 * named like the spare (a link, a file) is removed, never followed.
 */
function takeSpare(out: string, work: string, notes: string[]): void {
  const spare = `${out}${SPARE}`;
  removeEntry(work);
  const entry = entryAt(spare);
  if (entry !== undefined && (!entry.isDirectory() || accessError(spare) !== undefined)) {
    if (!entry.isDirectory()) notes.push(`removed ${spare}: ${kindOf(entry)}, not a folder runbook made`);
    discard(spare, notes);
  }
  if (entryAt(spare) === undefined) {
    mkdirSync(work);
    return;
  }
  renameSync(spare, work);
  // Bookkeeping, not site files: gone before anything is compared (and not counted as removed).
  removeEntry(join(work, SITE_MARKER));
  removeEntry(join(work, IGNORE_ALL.name));
}

/**
 * Brings `work` to exactly `paths`: removes every entry that is not a wanted file or folder (links,
 * the old marker, and anything but regular files and folders included), keeps a regular file that
 * already holds the wanted bytes (when `reuse`), and writes every other file new.
 */
function update(work: string, paths: readonly string[], contentOf: (path: string) => string | Uint8Array, reuse: boolean): SiteWrite & { readonly files: Manifest } {
  const desired = new Set(paths);
  const wantedFolders = new Set<string>();
  for (const path of paths) for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) wantedFolders.add(folder);
  let removed = 0;
  const present = new Set<string>();
  walkEntries(work, ({ path, dirent }) => {
    if (dirent.isDirectory() && wantedFolders.has(path)) return true;
    if (dirent.isFile() && desired.has(path)) {
      present.add(path);
      return false;
    }
    removeEntry(join(work, path));
    removed++;
    return false;
  });
  let written = 0;
  let kept = 0;
  const folders = new Set<string>();
  const files = new Map<string, WrittenFile>();
  for (const path of paths) {
    const content = contentOf(path);
    files.set(path, writtenFile(content));
    if (reuse && present.has(path) && holdsBytes(join(work, path), content)) {
      kept++;
      continue;
    }
    if (!present.has(path)) ensureFolder(work, dirname(path), folders);
    writeNewFile(join(work, path), content);
    written++;
  }
  return { written, kept, removed, files };
}

function ensureFolder(work: string, folder: string, made: Set<string>): void {
  if (folder === '.' || made.has(folder)) return;
  mkdirSync(join(work, folder), { recursive: true });
  made.add(folder);
}

/** The replaced site becomes the next build's spare (git-ignored); any older spare goes. */
function retire(previous: string, out: string, notes: string[]): void {
  const entry = entryAt(previous);
  if (entry === undefined) return;
  const spare = `${out}${SPARE}`;
  try {
    if (!entry.isDirectory() || accessError(previous) !== undefined || (entryAt(spare) !== undefined && !discard(spare, notes))) {
      discard(previous, notes);
      return;
    }
    writeNewFile(join(previous, IGNORE_ALL.name), IGNORE_ALL.content);
    renameSync(previous, spare);
  } catch (error: unknown) {
    notes.push(`the previous site could not be kept as ${spare} (${describe(error)})`);
    discard(previous, notes);
  }
}

/** After a failure, the half-updated folder is kept as an "unknown" spare (cheaper than deleting it); a note when that fails too. */
function setAside(work: string, out: string): string | undefined {
  const spare = `${out}${SPARE}`;
  try {
    if (entryAt(work)?.isDirectory() !== true) return undefined;
    removeEntry(join(work, SITE_MARKER));
    if (entryAt(spare) === undefined) {
      try {
        writeNewFile(join(work, IGNORE_ALL.name), IGNORE_ALL.content);
        renameSync(work, spare);
        return undefined;
      } catch (error: unknown) {
        // Not kept (a full disk cannot take even the .gitignore): removed below, which frees the space.
        if (!(error instanceof Error)) throw error;
      }
    }
    removeEntry(work);
    return undefined;
  } catch (error: unknown) {
    return `and ${work} could not be set aside: ${describe(error)}; the next build removes it`;
  }
}

/**
 * Crash-only recovery of a build killed midway:
 * - killed between the two renames: no `out`, but the previous site beside it, which is put back
 *   when it holds no link and its marker's sizes match every file it lists;
 * - killed after them: the replaced site beside `out`, which becomes the spare;
 * - killed while updating: a temporary folder without a trustworthy list, kept as an "unknown" spare.
 * A leftover that is not a real folder (a link, a file) is removed, never followed. Only putting a
 * previous site back must succeed; a leftover that cannot be reused or removed is a note.
 */
function recoverInterruptedWrites(out: string, notes: string[]): void {
  const parent = dirname(out);
  const name = basename(out);
  const spare = `${out}${SPARE}`;
  const leftovers = readdirSync(parent).filter((entry) => entry.startsWith(`${name}${TEMPORARY}`) || entry.startsWith(`${name}${PREVIOUS}`));
  // Previous sites first: one of them may be the only complete site there is.
  for (const entry of leftovers.sort((a, b) => Number(b.includes(PREVIOUS)) - Number(a.includes(PREVIOUS)))) {
    const path = join(parent, entry);
    if (isRunning(Number(entry.slice(entry.lastIndexOf('-') + 1)))) continue;
    const stats = entryAt(path);
    if (stats === undefined) continue;
    if (!stats.isDirectory()) {
      notes.push(`removed ${path}: ${kindOf(stats)}, not a folder runbook made`);
      discard(path, notes);
      continue;
    }
    if (entry.startsWith(`${name}${PREVIOUS}`) && entryAt(out) === undefined) {
      removeEntry(join(path, IGNORE_ALL.name));
      if (verifiedMarker(path) !== undefined && !holdsLink(path)) {
        renameSync(path, out);
        continue;
      }
    }
    if (entryAt(spare) === undefined && accessError(path) === undefined) {
      try {
        if (entry.startsWith(`${name}${TEMPORARY}`)) removeEntry(join(path, SITE_MARKER));
        renameSync(path, spare);
        continue;
      } catch (error: unknown) {
        notes.push(`${path} could not be reused (${describe(error)})`);
      }
    }
    discard(path, notes); // Not reusable: garbage, removed (or noted when it cannot be).
  }
}

/** Whether any entry below `folder` is a link or anything but a regular file or folder. */
function holdsLink(folder: string): boolean {
  let found = false;
  walkEntries(folder, ({ dirent }) => {
    if (!dirent.isDirectory() && !dirent.isFile()) found = true;
    return !found;
  });
  return found;
}

/** Removes an entry of ours (a link itself, never what it points to); false, with a note, when it cannot be removed. */
function discard(path: string, notes: string[]): boolean {
  try {
    removeEntry(path);
    return true;
  } catch (error: unknown) {
    notes.push(`could not remove ${path} (${describe(error)}): remove it by hand`);
    return false;
  }
}

/** Why this process may not write in `path` (an error code), or undefined when it may. */
function accessError(path: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error: unknown) {
    return describe(error);
  }
}

function kindOf(entry: Stats): string {
  return entry.isSymbolicLink() ? 'a symbolic link' : entry.isFile() ? 'a file' : entry.isDirectory() ? 'a folder' : 'a special file';
}

function describe(error: unknown): string {
  return codeOf(error) ?? (error instanceof Error ? error.message : String(error));
}

/** Whether a process with this id is running (another build writing beside us). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return codeOf(error) === 'EPERM';
  }
}
