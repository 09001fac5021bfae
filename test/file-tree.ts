import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file of a folder (dot files too), as slash-separated relative paths, sorted. */
export function filesUnder(root: string): readonly string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Every file under `folder`, sorted: relative path (with `/`) → bytes, as latin1 text so that any byte compares. */
export function fileTree(folder: string): ReadonlyMap<string, string> {
  return new Map(filesUnder(folder).map((path) => [path, readFileSync(join(folder, path), 'latin1')]));
}
