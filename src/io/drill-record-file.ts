/*
 * Where `runbook drill` writes a record, and the writing: a new file in `<drills.folder>/<id>/`,
 * created atomically and never over another (two drills the same day get `-2`, `-3`, …). A
 * repository may be hostile: no folder on the way from the config's folder to the record may be a
 * symlink or something other than a folder, so a record never lands outside the drills folder.
 */
import { lstatSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../model/config.js';
import { printable } from '../text/terminal-text.js';
import { createFile } from './create-file.js';
import { displayPath, isInside } from './discover.js';

/** The folder a runbook's records go in, or why none may be written there (a message without prefix). */
export type RecordFolder = { readonly kind: 'ok'; readonly folder: string } | { readonly kind: 'refused'; readonly message: string };

/** The folder the config was read from (the working folder without a config file): where the check starts. */
function configFolder(config: Config, cwd: string): string {
  return config.source.kind === 'file' ? dirname(resolve(cwd, config.source.path)) : cwd;
}

/**
 * `<drills.folder>/<id>`, checked: every part of it that exists, from the config's folder down (from
 * the drills folder's parent when it is elsewhere), is a real folder, not a symlink.
 */
export function drillRecordFolder(config: Config, cwd: string, id: string): RecordFolder {
  const drills = config.drills.folder;
  const folder = join(drills, ...id.split('/'));
  if (!isInside(folder, drills) || folder === drills) return { kind: 'refused', message: `the runbook id \`${printable(id)}\` does not name a folder inside the drills folder` };
  const base = configFolder(config, cwd);
  const from = isInside(drills, base) && drills !== base ? base : dirname(drills);
  const shown = (path: string): string => `\`${printable(displayPath(path, cwd))}\``;
  let current = from;
  for (const part of relative(from, folder).split(sep)) {
    current = join(current, part);
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (stats === undefined) break;
    if (stats.isSymbolicLink()) return { kind: 'refused', message: `${shown(current)} is a symlink: drill records are never written through one (nothing written)` };
    if (!stats.isDirectory()) return { kind: 'refused', message: `${shown(current)} is not a folder: the drill records of ${printable(id)} go in ${shown(folder)} (nothing written)` };
  }
  return { kind: 'ok', folder };
}

/** What writing a record did: its path, or why nothing was written. */
export type WrittenRecord = { readonly kind: 'written'; readonly path: string } | { readonly kind: 'refused'; readonly message: string };

/** How many names are tried when other drills keep taking them at the same moment. */
const ATTEMPTS = 100;

/**
 * Writes `text` as a new record of runbook `id`, named by `nameFor` (given which names are taken):
 * the folder is checked again just before, and a name taken meanwhile by another drill makes it try
 * the next one.
 */
export function writeDrillRecord(config: Config, cwd: string, id: string, text: string, nameFor: (taken: (name: string) => boolean) => string): WrittenRecord {
  const checked = drillRecordFolder(config, cwd, id);
  if (checked.kind === 'refused') return checked;
  const raced = new Set<string>();
  const taken = (name: string): boolean => raced.has(name) || lstatSync(join(checked.folder, name), { throwIfNoEntry: false }) !== undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const name = nameFor(taken);
    const path = join(checked.folder, name);
    if (createFile(path, new TextEncoder().encode(text)).kind === 'created') return { kind: 'written', path };
    raced.add(name);
  }
  throw new Error(`cannot find a free name for a drill record in ${checked.folder} after ${ATTEMPTS} attempts`);
}
