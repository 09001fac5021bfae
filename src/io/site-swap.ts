/**
 * The folders beside `--out` that make `writeSite` atomic and crash-only: the temporary folder a new
 * site is written in, the previous site between the two renames that swap it in, and the spare (the
 * site before, kept git-ignored so that the next build writes only what changed). Here: naming
 * them, taking the spare, the swap itself, retiring the replaced site, setting a failed one aside,
 * and putting things right after a build that was killed midway. Nothing beside `out` but entries
 * named `<out>.runbook-*` is ever written or removed, and a link there is removed, never followed.
 */
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { accessError, describe, kindOf } from './entry-text.js';
import { codeOf, entryAt, removeEntry, writeNewFile } from './site-entries.js';
import { SITE_MARKER } from './site-marker.js';
import { holdsLink, verifiedMarker } from './site-on-disk.js';

const TEMPORARY = '.runbook-tmp-';
const PREVIOUS = '.runbook-old-';
const SPARE = '.runbook-spare';
/** Written into the spare copy so that git never shows it (the site itself may well be committed). */
const IGNORE_ALL = { name: '.gitignore', content: '# The previous site, kept by `runbook build` to write only what changed.\n*\n' };

/** This process's folders beside `out`: where the new site is written, and where the replaced one goes. */
export interface Beside {
  readonly work: string;
  readonly previous: string;
}

/** The folders beside `out` that this process writes (named after its id, see `recoverInterruptedWrites`). */
export function besideOut(out: string): Beside {
  const parent = dirname(out);
  return {
    work: join(parent, `${basename(out)}${TEMPORARY}${process.pid}`),
    previous: join(parent, `${basename(out)}${PREVIOUS}${process.pid}`),
  };
}

/**
 * Moves the spare (if it is a real, writable folder) to `work`, or makes `work` empty; anything else
 * named like the spare (a link, a file) is removed, never followed.
 */
export function takeSpare(out: string, work: string, notes: string[]): void {
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

/** Replaces `out` (if any) with the finished `work` in two renames; the replaced site is left at `previous`. */
export function swapIn(beside: Beside, out: string): void {
  if (entryAt(out) !== undefined) renameSync(out, beside.previous);
  renameSync(beside.work, out);
}

/** The replaced site becomes the next build's spare (git-ignored); any older spare goes. */
export function retire(previous: string, out: string, notes: string[]): void {
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
export function setAside(work: string, out: string): string | undefined {
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
export function recoverInterruptedWrites(out: string, notes: string[]): void {
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
