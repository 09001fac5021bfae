import type { RunCache } from '../model/run-cache.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../model/config.js';
import type { Loaded } from '../model/runbook.js';
import { codeFingerprint } from './run-memo.js';
import { pruneCache } from './cache-prune.js';
import type { SourceIdentity } from '../model/sources.js';
import type { RunRecord } from '../model/sources.js';
import type { SiteRecord, Stamps } from '../model/run-cache.js';
import { printable } from '../text/terminal-text.js';
import { describe } from './entry-text.js';

const FORMAT = 4;

/** The cache folder from the environment: `RUNBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/runbook`, else `~/.cache/runbook`. */
export function cacheFolder(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.RUNBOOK_CACHE_DIR !== undefined && env.RUNBOOK_CACHE_DIR !== '') return env.RUNBOOK_CACHE_DIR;
  if (env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '') return join(env.XDG_CACHE_HOME, 'runbook');
  if (env.HOME !== undefined && env.HOME !== '') return join(env.HOME, '.cache', 'runbook');
  return undefined;
}

/** Cache folders already said to be unwritable in this process: the note is given once, not once per command or rebuild. */
const notedFolders = new Set<string>();

/**
 * Opens the cache in `folder`: parsed files in `<folder>/v4/<2 hex>/<sha256>.json`, runs in
 * `<folder>/v4/runs/`, file stamps in `<folder>/v4/stamps/`, output folders' records in `<folder>/v4/sites/`, bounded by `pruneCache` (CACHE_LIMITS). When it cannot be written, `note` is
 * given one line saying so (stderr), once per folder and process; the run goes on without it.
 */
export function openCache(folder: string, note: (line: string) => void): RunCache {
  const pathOf = (key: string): string => join(folder, `v${FORMAT}`, key.slice(0, 2), `${key}.json`);
  const runPathOf = (key: string): string => join(folder, `v${FORMAT}`, 'runs', `${key}.json`);
  const stampsPathOf = (key: string): string => join(folder, `v${FORMAT}`, 'stamps', `${key}.json`);
  const sitePathOf = (key: string): string => join(folder, `v${FORMAT}`, 'sites', `${key}.json`);
  let writable = true;
  let pruned = false;
  const write = (path: string, key: string, value: unknown): void => {
    if (!writable) return;
    const payload = JSON.stringify(value);
    // A header line, then the value as is (not a JSON string inside JSON: that doubles the parsing).
    const text = `${JSON.stringify({ format: FORMAT, key, digest: digest(payload) })}\n${payload}`;
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temporary, text);
      renameSync(temporary, path);
      // Bounded: once a run writes, entries not rewritten for a month go, and the oldest beyond the size cap (at most daily).
      if (!pruned) {
        pruned = true;
        pruneCache(join(folder, `v${FORMAT}`), new Date());
      }
    } catch (error: unknown) {
      if (!(error instanceof Error)) throw error;
      // The cache is an accelerator: a read-only, full or blocked cache folder turns it off for this
      // run, which is said once and changes nothing else (not the output, not the exit code).
      writable = false;
      if (!notedFolders.has(folder)) {
        notedFolders.add(folder);
        note(`runbook: note: cannot write the cache in ${printable(folder)} (${printable(describe(error))}); runs will not be faster\n`);
      }
      discard(temporary);
    }
  };
  return {
    lookup: (key) => readEntry(pathOf(key), key) as Loaded | undefined,
    store(key, loaded) {
      if (loaded.kind === 'runbook') write(pathOf(key), key, loaded);
    },
    lookupRun: (key) => readEntry(runPathOf(key), key) as RunRecord | undefined,
    storeRun: (key, record) => {
      write(runPathOf(key), key, record);
    },
    lookupStamps: (key) => readEntry(stampsPathOf(key), key) as Stamps | undefined,
    storeStamps: (key, stamps) => {
      write(stampsPathOf(key), key, stamps);
    },
    lookupSite: (out) => {
      const key = siteKey(out);
      return siteRecord(readEntry(sitePathOf(key), key));
    },
    storeSite: (out, record) => {
      const key = siteKey(out);
      write(sitePathOf(key), key, record);
    },
  };
}

/** The key of an output folder's record: its real path, and the tool's code (another build of the tool trusts nothing). */
function siteKey(out: string): string {
  return createHash('sha256').update(codeFingerprint()).update('\0site\0').update(out).digest('hex');
}

/** A stored `SiteRecord`, when the entry has its shape (anything else: no record, nothing trusted). */
function siteRecord(value: unknown): SiteRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { marker, dev, ino, ctime, files } = value as Record<string, unknown>;
  const strings = [marker, dev, ino, ctime].every((field) => typeof field === 'string');
  return strings && typeof files === 'object' && files !== null ? (value as SiteRecord) : undefined;
}

/** An entry's value, only when the entry is there and intact: right format, right key, digest matching. */
function readEntry(path: string, key: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    if (error instanceof Error) return undefined; // Missing or unreadable: recomputed (and rewritten).
    throw error;
  }
  return decodeEntry(text, key);
}

/** Removes the temporary file of a failed write, if it got as far as creating one. */
function discard(path: string): void {
  if (existsSync(path)) rmSync(path, { force: true });
}

function decodeEntry(text: string, key: string): unknown {
  const newline = text.indexOf('\n');
  const payload = text.slice(newline + 1);
  let header: unknown;
  let value: unknown;
  try {
    header = JSON.parse(text.slice(0, newline));
    const { format, key: storedKey, digest: storedDigest } = (header ?? {}) as Record<string, unknown>;
    if (newline < 0 || format !== FORMAT || storedKey !== key || storedDigest !== digest(payload)) return undefined;
    value = JSON.parse(payload);
  } catch (error: unknown) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  return value;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The cache key of one file: a digest of its bytes, where it is (ids and paths are part of the
 * result), whether it is rendered, the config that shapes parsing, and the tool's own code (so a new
 * version, or a changed build, never reads old entries).
 */
export function cacheKey(source: SourceIdentity, config: Config, render: boolean): string {
  return createHash('sha256')
    .update(codeFingerprint())
    .update('\0')
    .update(configFingerprint(config))
    .update('\0')
    .update(JSON.stringify([source.id, source.file, source.path, render, source.digest]))
    .digest('hex');
}

const fingerprints = new WeakMap<Config, string>();

function configFingerprint(config: Config): string {
  let fingerprint = fingerprints.get(config);
  if (fingerprint === undefined) {
    // Parsing reads these, and each runbook keeps its settings (rules, defaults, required sections, overrides).
    fingerprint = JSON.stringify([
      config.fields,
      config.extraKeys,
      config.defaults,
      config.severities,
      [...config.sectionAliases].sort(),
      config.alerts.fromFileName,
      config.root,
      [...config.rules].sort(),
      config.requiredSections,
      config.overrides.map((override) => ({ ...override, rules: [...override.rules].sort() })),
    ]);
    fingerprints.set(config, fingerprint);
  }
  return fingerprint;
}
