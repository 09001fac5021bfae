/**
 * Writing the site to `--out`: resolving the folder once, refusing one this tool did not write, and
 * the write itself (the swap beside `out` is in site-swap.ts, bringing a folder up to date in
 * site-sync.ts, the marker's format in site-marker.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from './discover.js';
import { accessError, kindOf } from './entry-text.js';
import { outputLinkRefusal } from './output-path.js';
import { codeFingerprint } from './run-memo.js';
import { codeOf, entryAt, readRegularFile, writeNewFile } from './site-entries.js';
import { markerText, parseMarker, SITE_MARKER } from './site-marker.js';
import type { RunCache } from '../model/run-cache.js';
import { bigStats, holdsKnownFiles, knownMarker, rememberSite } from './site-on-disk.js';
import { syncFolder, type SiteBefore, type Synced } from './site-sync.js';
import { besideOut, recoverInterruptedWrites, retire, setAside, swapIn, takeSpare } from './site-swap.js';

/** The output folder cannot be used: it holds files this tool did not write, or is not a folder. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** How to write: what the site was built from, and whether the spare's files may be reused. */
export interface SiteWriteOptions {
  /** A digest of every input, recorded in the marker (see `siteInput`). */
  readonly input: string;
  /** False: compare nothing, write every file (`--no-cache`). */
  readonly trustSpare: boolean;
  /**
   * Where this user's builds remember what they left in `out` (see `SiteRecord`): the only source of
   * trust in `out`'s files. `NO_CACHE`: nothing is taken from `out`.
   */
  readonly cache: RunCache;
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
 * - a file whose input (see `SitePlan.input`) or bytes equal what `out`'s marker records is taken
 *   from `out` by hard link, neither made nor read, while the cache remembers this user's build
 *   writing that marker and `out`'s file is the very inode that build left, unchanged since (see
 *   `knownMarker`, `syncFolder`): one edited runbook renders one page and writes a handful of files.
 *   A committed, copied or pulled `out` is never trusted so: only its bytes, as the spare's;
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
  // A file's input is the plan's, with the tool's code: another build of the tool renders anew.
  const inputOf = (path: string): string | undefined => {
    const planned = site.input?.(path);
    return planned === undefined ? undefined : createHash('sha256').update(codeFingerprint()).update('\0').update(planned).digest('hex').slice(0, 32);
  };
  const beside = besideOut(out);
  let done: Synced;
  let text: string;
  try {
    // The site in `out`, as its marker describes it, when its files are what the marker lists: its
    // unchanged pages are taken from it. (`out` is ours: refused above unless its marker says so.)
    const before = options.trustSpare ? siteBefore(out, options.cache) : undefined;
    takeSpare(out, beside.work, notes);
    done = syncFolder(beside.work, { paths, content: contentOf, input: inputOf }, options.trustSpare, before);
    // Written after every file (linking changes the ctime of the file linked): later than all of them.
    text = markerText(options.input, done.files);
    writeMarker(join(beside.work, SITE_MARKER), text, done.latest);
    swapIn(beside, out);
  } catch (error: unknown) {
    throw failed(error, setAside(beside.work, out));
  }
  rememberSite(out, options.cache, text, done.inodes);
  // The new site is in place: what is left is tidying up, which can only add notes.
  retire(beside.previous, out, notes);
  return { written: done.written, kept: done.kept, removed: done.removed, notes };
}

/** A site to write: every path, and each file's content, made when asked for (see `planSite`). */
export interface SiteSource {
  paths(): readonly string[];
  file(path: string): string | Uint8Array | undefined;
  /** A digest of everything the file's bytes depend on (see `SitePlan.input`); none: always made. */
  input?(path: string): string | undefined;
}

/**
 * The `input` the site in `out` was built from, when `out` is, as far as a cheap check tells, the
 * complete site this user's build left there: its marker the one `cache` remembers writing (see
 * `knownMarker`), and every file it lists the very inode that build left, of the size it lists (a
 * damaged, committed or copied site, a file removed, replaced or replaced by a link is not taken as
 * up to date; an edit in place that keeps a file's size, or a file added by hand, is: `--no-cache`
 * rebuilds). One `lstat` a file, no reading and no walk: this is the whole cost of a build with
 * nothing changed.
 */
export function siteInput(out: string, cache: RunCache): string | undefined {
  const known = knownMarker(out, cache);
  return known !== undefined && holdsKnownFiles(out, known) ? known.marker.input : undefined;
}

/**
 * Writes the marker with a change time later than `latest` (every file's): the file system's clock
 * moves in ticks of a few milliseconds, so it is written again (a few times at most) until it is.
 * Not managing it costs only speed: the next build makes the files of the marker's tick again.
 */
function writeMarker(path: string, text: string, latest: bigint): void {
  for (let attempt = 0; attempt < 20; attempt++) {
    writeNewFile(path, text);
    if ((bigStats(path)?.ctimeNs ?? 0n) > latest) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
  }
}

/** The site in `out` with its dependency record, when `cache` remembers writing its marker (see `knownMarker`); its files are checked one by one as they are taken. */
function siteBefore(out: string, cache: RunCache): SiteBefore | undefined {
  const known = knownMarker(out, cache);
  return known === undefined ? undefined : { folder: out, files: known.marker.files, written: known.written, dev: known.dev, inodes: known.record.files };
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
