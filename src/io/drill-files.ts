/**
 * The shell's reading of drill records: every `*.md` file under the drills folder
 * (`config.drills.folder`), recursively, with the walk and the symlink rules of runbook discovery
 * (folder symlinks never followed; a file symlink read only when it stays inside the drills folder
 * and out of `.git`, `node_modules`…). A record larger than the cap is not read: the pipeline
 * reports it on the file. A drills folder that does not exist is normal: no drills yet.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import type { DrillSource } from '../model/sources.js';
import { DiscoveryError, displayPath, filesUnder, symlinkedFileInside } from './discover.js';
import { bytesDigest } from './run-memo.js';

/** Largest record file read: 1 MiB (a record written by `runbook drill` is a few KiB; the cap keeps a hostile one from costing memory). */
const MAX_RECORD_BYTES = 1024 * 1024;

/** Every record file under `folder` (absolute), sorted by path; none when the folder does not exist. */
export function readDrillSources(folder: string, cwd: string): readonly DrillSource[] {
  const file = (path: string): string => displayPath(path, cwd);
  let stats;
  try {
    stats = lstatSync(folder);
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new DiscoveryError(`cannot read the drills folder ${file(folder)}`, { cause: error });
  }
  if (stats.isSymbolicLink()) return [{ kind: 'unread', path: folder, file: file(folder), reason: 'the drills folder is a symlink, which is never followed: expected a folder' }];
  if (!stats.isDirectory()) return [{ kind: 'unread', path: folder, file: file(folder), reason: 'the drills folder (the config\'s `drills.folder`) is a file: expected a folder of drill records' }];
  const paths = filesUnder(folder, {
    linkedFile: (path) => symlinkedFileInside(path, folder),
    unreadable: (current, error) => new DiscoveryError(`cannot read folder ${file(current)} of the drill records`, { cause: error }),
  });
  return paths
    .filter((path) => path.endsWith('.md'))
    .sort()
    .map((path) => readRecordFile(path, file(path)));
}

/** One record file's bytes, or why they were not read (larger than {@link MAX_RECORD_BYTES}, or an error). */
function readRecordFile(path: string, file: string): DrillSource {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const size = fstatSync(descriptor).size;
    if (size > MAX_RECORD_BYTES) return { kind: 'unread', path, file, reason: `the drill record is ${String(size)} bytes, over the ${String(MAX_RECORD_BYTES / 1024)} KiB a record may have; not read` };
    const bytes = new Uint8Array(size);
    let length = 0;
    while (length < size) {
      const got = readSync(descriptor, bytes, length, size - length, length);
      if (got === 0) break;
      length += got;
    }
    const read = bytes.subarray(0, length);
    return { kind: 'read', path, file, bytes: read, digest: bytesDigest(read) };
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    return { kind: 'unread', path, file, reason: `cannot read the file (${typeof code === 'string' ? code : 'error'}): ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
