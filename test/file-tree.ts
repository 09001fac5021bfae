import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `folder`, sorted: relative path (with `/`) → bytes, as latin1 text so that any byte compares. */
export function fileTree(folder: string): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  const walk = (path: string, prefix: string): void => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, readFileSync(full, 'latin1'));
    }
  };
  walk(folder, '');
  return files;
}
