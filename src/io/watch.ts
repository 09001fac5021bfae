/**
 * The file watcher of `runbook serve` (shell code: `fs.watch`): watches files and folders, and
 * calls back once per burst of changes, so that one save (often several events) is one rebuild.
 * Changes inside `.git`, `node_modules` and a built site (a folder holding the site marker, where
 * `runbook build` writes) are not the sources' changes; any other folder, `site` included, is.
 */
import { existsSync, lstatSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { OutputStream } from './io.js';
import { SITE_MARKER } from './site-marker.js';

/** How long a burst of changes is: a change this soon after the last one is part of it. */
const QUIET_MS = 40;

/**
 * What is watched; `add` watches one more file or folder (once); `addOnceThere` too, but a target
 * that does not exist yet is waited for (its nearest folder that exists is watched, not recursively,
 * for the next name on the way) and watched, with a change called, when it appears, unless it is a
 * symlink; `close` stops watching.
 */
export interface Watching {
  readonly add: (target: string) => void;
  readonly addOnceThere: (target: string) => void;
  readonly close: () => void;
}

/** Where a target that cannot be watched is logged, and how its error is told. */
export interface WatchLog {
  readonly log: OutputStream;
  /** An error's message with its cause chain, on one line. */
  readonly describe: (error: unknown) => string;
}

/**
 * Watches each of `targets` (recursively, for a folder), and then whatever is `add`ed; calls
 * `changed` once per burst of changes. A target that cannot be watched is logged, not fatal.
 */
export function watchFiles(targets: readonly string[], changed: () => void, warn: WatchLog): Watching {
  let timer: NodeJS.Timeout | undefined;
  const onChange = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(changed, QUIET_MS);
  };
  const watchers = new Map<string, FSWatcher | undefined>();
  const add = (target: string): void => {
    if (watchers.has(target)) return;
    try {
      watchers.set(target, watch(target, { recursive: true }, (_event, name) => {
        if (typeof name === 'string' && notSources(target, name)) return;
        onChange();
      }));
    } catch (error: unknown) {
      watchers.set(target, undefined);
      warn.log.write(`not watching ${target}: ${warn.describe(error)}\n`);
    }
  };
  // Folders watched for a name to appear on the way to a target, by the folder and the name.
  const waiting = new Map<string, FSWatcher | undefined>();
  const addOnceThere = (target: string): void => {
    if (watchers.has(target)) return;
    if (existsSync(target)) {
      // A symlink is not followed (a hostile `drills -> /` would have the whole disk watched).
      if (!lstatSync(target).isSymbolicLink()) add(target);
      return;
    }
    let folder = dirname(target);
    while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
    const name = relative(folder, target).split(sep)[0] ?? '';
    const key = join(folder, name);
    if (waiting.has(key)) return;
    try {
      const watcher = watch(folder, (_event, changed) => {
        if (changed !== name || !existsSync(key)) return;
        watcher.close();
        waiting.delete(key);
        addOnceThere(target);
        onChange();
      });
      waiting.set(key, watcher);
    } catch (error: unknown) {
      waiting.set(key, undefined);
      warn.log.write(`not watching ${folder} for ${target} to appear: ${warn.describe(error)}\n`);
    }
  };
  for (const target of targets) add(target);
  return {
    add,
    addOnceThere,
    close: () => {
      for (const watcher of [...watchers.values(), ...waiting.values()]) watcher?.close();
    },
  };
}

/** Whether the change at `name` (relative to the watched `target`) is inside `.git`, `node_modules` or a built site. */
function notSources(target: string, name: string): boolean {
  const parts = name.split(/[\\/]/);
  if (parts.some((part) => part === '.git' || part === 'node_modules')) return true;
  // The folders on the way that hold a site marker: a site built there (by `runbook build`).
  for (let depth = 1; depth < parts.length; depth++) {
    if (existsSync(join(target, ...parts.slice(0, depth), SITE_MARKER))) return true;
  }
  return false;
}
