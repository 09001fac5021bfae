import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../model/config.js';
import type { Loaded } from '../model/runbook.js';
import type { SourceFile } from '../parse/runbook.js';

/**
 * A content-addressed cache of parsed runbooks, so unchanged files are not parsed again. It is only
 * ever an accelerator: an entry that is missing, unreadable, corrupted or from other code is
 * recomputed, never trusted, and a cache that cannot be written is simply not used.
 */
export interface ParseCache {
  lookup(key: string): Loaded | undefined;
  store(key: string, loaded: Loaded): void;
}

/** No cache: every file is parsed. */
export const NO_CACHE: ParseCache = {
  lookup: () => undefined,
  store: () => undefined,
};

const FORMAT = 1;

/** The cache folder from the environment: `RUNBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/runbook`, else `~/.cache/runbook`. */
export function cacheFolder(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.RUNBOOK_CACHE_DIR !== undefined && env.RUNBOOK_CACHE_DIR !== '') return env.RUNBOOK_CACHE_DIR;
  if (env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '') return join(env.XDG_CACHE_HOME, 'runbook');
  if (env.HOME !== undefined && env.HOME !== '') return join(env.HOME, '.cache', 'runbook');
  return undefined;
}

/** Opens the cache in `folder`; entries live in `<folder>/v1/<2 hex>/<sha256>.json`. */
export function openCache(folder: string): ParseCache {
  const pathOf = (key: string): string => join(folder, `v${FORMAT}`, key.slice(0, 2), `${key}.json`);
  let writable = true;
  return {
    lookup(key) {
      let text: string;
      try {
        text = readFileSync(pathOf(key), 'utf8');
      } catch (error: unknown) {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        return undefined; // Unreadable entry: recomputed (and rewritten) like a missing one.
      }
      return decodeEntry(text, key);
    },
    store(key, loaded) {
      if (!writable || loaded.kind !== 'runbook') return;
      const path = pathOf(key);
      const payload = JSON.stringify(loaded);
      const text = JSON.stringify({ format: FORMAT, key, digest: digest(payload), loaded: payload });
      const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(temporary, text);
        renameSync(temporary, path);
      } catch (error: unknown) {
        // The cache is an accelerator: a read-only, full or blocked cache folder turns it off for this run.
        writable = false;
        discard(temporary);
        if (!(error instanceof Error)) throw error;
      }
    },
  };
}

/** Removes the temporary file of a failed write, if it got as far as creating one. */
function discard(path: string): void {
  if (existsSync(path)) rmSync(path, { force: true });
}

/** An entry's runbook, only when the entry is intact: right format, right key, digest matching. */
function decodeEntry(text: string, key: string): Loaded | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch (error: unknown) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const { format, key: storedKey, digest: storedDigest, loaded } = (entry ?? {}) as Record<string, unknown>;
  if (format !== FORMAT || storedKey !== key || typeof loaded !== 'string' || storedDigest !== digest(loaded)) return undefined;
  return JSON.parse(loaded) as Loaded;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The cache key of one file: its bytes, where it is (ids and paths are part of the result), whether
 * it is rendered, the config that shapes parsing, and the parser's own code (so a new version, or a
 * changed build, never reads old entries).
 */
export function cacheKey(source: SourceFile, config: Config, render: boolean): string {
  return createHash('sha256')
    .update(codeFingerprint())
    .update('\0')
    .update(configFingerprint(config))
    .update('\0')
    .update(JSON.stringify([source.id, source.file, source.path, render]))
    .update('\0')
    .update(source.bytes)
    .digest('hex');
}

const fingerprints = new WeakMap<Config, string>();

function configFingerprint(config: Config): string {
  let fingerprint = fingerprints.get(config);
  if (fingerprint === undefined) {
    fingerprint = JSON.stringify([config.fields, config.extraKeys, config.defaults, config.severities, [...config.sectionAliases].sort()]);
    fingerprints.set(config, fingerprint);
  }
  return fingerprint;
}

let code: string | undefined;

/** A digest of the modules that turn a file into a runbook (`parse/` and `model/`), read once per process. */
function codeFingerprint(): string {
  if (code === undefined) {
    const hash = createHash('sha256');
    const root = fileURLToPath(new URL('..', import.meta.url));
    for (const folder of ['parse', 'model']) {
      for (const name of readdirSync(join(root, folder)).sort()) {
        if (name.endsWith('.js') || name.endsWith('.ts')) hash.update(name).update(readFileSync(join(root, folder, name)));
      }
    }
    code = hash.digest('hex');
  }
  return code;
}
