import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from './discover.js';
import type { SiteFile } from '../site/search-document.js';

/** The output folder cannot be used: it holds files this tool did not write, or is not a folder. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

const TEMPORARY = '.runbook-tmp-';
const PREVIOUS = '.runbook-old-';

/**
 * Writes the site so that a reader never sees half of it and a failed or killed build leaves the
 * previous site intact: every file goes to a temporary folder beside `out`, which then replaces
 * `out` with two renames. Leftovers of a killed build are cleaned up (or restored) first.
 * Refuses an `out` that is not empty and does not carry `marker` (a site this tool wrote).
 */
export function writeSite(out: string, files: readonly SiteFile[], marker: string): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  recoverInterruptedSwap(out);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new OutputError(`--out ${out} is a file, not a folder`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(marker)) {
      throw new OutputError(
        `refusing to write the site into ${out}: it is not empty and was not written by runbook (no ${marker} file); choose an empty or new folder`,
      );
    }
  }
  const temporary = join(parent, `${basename(out)}${TEMPORARY}${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = resolve(temporary, file.path);
      if (!isInside(target, temporary) || target === temporary) throw new Error(`bug: site path \`${file.path}\` escapes the output folder`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    const previous = join(parent, `${basename(out)}${PREVIOUS}${process.pid}`);
    if (existsSync(out)) renameSync(out, previous);
    renameSync(temporary, out);
    rmSync(previous, { recursive: true, force: true });
  } catch (error: unknown) {
    rmSync(temporary, { recursive: true, force: true });
    throw new Error(`cannot write the site to ${out}`, { cause: error });
  }
}

/**
 * Crash-only recovery: a build killed between its two renames leaves no `out` but a previous site
 * beside it, which is put back; temporary folders of killed builds are removed.
 */
function recoverInterruptedSwap(out: string): void {
  const parent = dirname(out);
  const name = basename(out);
  const leftovers = readdirSync(parent).filter((entry) => entry.startsWith(`${name}${TEMPORARY}`) || entry.startsWith(`${name}${PREVIOUS}`));
  for (const entry of leftovers.sort()) {
    const path = join(parent, entry);
    if (isRunning(Number(entry.slice(entry.lastIndexOf('-') + 1)))) continue;
    if (entry.startsWith(`${name}${PREVIOUS}`) && !existsSync(out)) renameSync(path, out);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Whether a process with this id is running (another build writing beside us). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
