import type { RunKeyInput } from '../model/sources.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The digest of a file's bytes. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The key of a run: the tool's code, the config, the date, what git knows, and every file's bytes (drill records' too). */
export function runKey(input: RunKeyInput): string {
  return createHash('sha256')
    .update(codeFingerprint())
    .update('\0')
    .update(stableJson({ config: input.config, today: input.today, git: input.git }))
    .update('\0')
    .update(stableJson(input.sources))
    .update('\0')
    .update(stableJson(input.drills))
    .digest('hex');
}

/** The key of anything else derived from a run (a site: its run, its templates, its base URL…). */
export function derivedKey(run: string, extra: unknown): string {
  return createHash('sha256').update(run).update('\0').update(stableJson(extra)).digest('hex');
}

/** JSON with Maps and Sets as sorted entry lists, so equal values always give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map) return [...(item as Map<unknown, unknown>)].sort(([a], [b]) => compareKeys(a, b));
    if (item instanceof Set) return [...(item as Set<unknown>)].sort(compareKeys);
    if (item instanceof Uint8Array) return bytesDigest(item);
    return item;
  });
}

function compareKeys(a: unknown, b: unknown): number {
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

let code: string | undefined;

/**
 * A digest of the tool's own code (every module under `src/` or `dist/`), read once per process:
 * a new version, or a changed build, never uses old results.
 */
export function codeFingerprint(): string {
  if (code === undefined) {
    const hash = createHash('sha256');
    const root = fileURLToPath(new URL('..', import.meta.url));
    const pending = [''];
    for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
      for (const entry of readdirSync(join(root, folder), { withFileTypes: true }).sort((a, b) => compareKeys(a.name, b.name))) {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) pending.push(path);
        else if (/\.(js|ts)$/.test(entry.name)) hash.update(path).update('\0').update(readFileSync(join(root, path)));
      }
    }
    code = hash.digest('hex');
  }
  return code;
}
