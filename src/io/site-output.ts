import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from './discover.js';

/** The output folder cannot be used: it holds files this tool did not write, or is not a folder. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** The file that says a folder is a site this tool wrote (so `--out` may replace it), and lists its files. */
export const SITE_MARKER = '.runbook-site';

const MARKER_HEADER = 'runbook-site 1';
const MARKER_ABOUT = 'This folder is a site written by `runbook build`: the next build replaces it (see docs/site.md). Below: the inputs, then every file with a digest of its bytes.';
const TEMPORARY = '.runbook-tmp-';
const PREVIOUS = '.runbook-old-';
const SPARE = '.runbook-spare';
/** Written into the spare copy so that git never shows it (the site itself may well be committed). */
const IGNORE_ALL = { name: '.gitignore', content: '# The previous site, kept by `runbook build` to write only what changed.\n*\n' };

/** What a site folder holds, as its marker lists it: path → digest of its bytes. */
export type Manifest = ReadonlyMap<string, string>;

/** How to write: what the site was built from, and whether the spare's file list may be trusted. */
export interface SiteWriteOptions {
  /** A digest of every input, recorded in the marker (see `siteInput`). */
  readonly input: string;
  /** False: compare nothing, write every file (`--no-cache`: for when the output folder was edited by hand). */
  readonly trustSpare: boolean;
}

/** What `writeSite` did, for the summary line. */
export interface SiteWrite {
  readonly written: number;
  readonly kept: number;
  readonly removed: number;
  /** Leftovers beside `out` that could not be tidied up (the site itself was written). */
  readonly notes?: readonly string[];
}

/**
 * Writes the site so that a reader never sees half of it and a failed or killed build leaves the
 * previous site intact, while writing only the files whose bytes changed:
 *
 * - the site before the previous one is kept beside `out` as `<out>.runbook-spare` (git-ignored);
 *   it is renamed to a temporary folder and brought up to date file by file, going by the digests
 *   its marker lists (a spare without a trustworthy list is compared byte by byte instead);
 * - the temporary folder then replaces `out` with two renames, and the replaced site becomes the
 *   next spare. Leftovers of a killed build are repaired first (crash-only).
 *
 * Refuses an `out` that is not empty and does not carry the marker (a site this tool wrote).
 * `input` is recorded in the marker so that the next build can tell nothing changed (`siteInput`).
 */
export function writeSite(out: string, site: SiteSource, options: SiteWriteOptions): SiteWrite {
  const parent = dirname(out);
  const notes: string[] = [];
  const failed = (error: unknown, note?: string): Error => new Error(`cannot write the site to ${out}${note === undefined ? '' : ` (${note})`}`, { cause: error });
  try {
    mkdirSync(parent, { recursive: true });
    recoverInterruptedWrites(out, notes);
  } catch (error: unknown) {
    throw failed(error);
  }
  assertOurs(out);
  const paths = [...site.paths()].sort();
  for (const path of paths) {
    const target = resolve(out, path);
    if (path === SITE_MARKER || path.includes('\n') || !isInside(target, out) || target === out) throw new Error(`bug: site path \`${path}\` escapes the output folder or is not allowed`);
  }
  // Each file is made, written (or found unchanged) and let go, one at a time: the site is never
  // held in memory whole.
  const contents: Contents = {
    paths,
    contentOf(path) {
      const content = site.file(path);
      if (content === undefined) throw new Error(`bug: the site lists \`${path}\` but has no content for it`);
      return content;
    },
  };
  const work = join(parent, `${basename(out)}${TEMPORARY}${process.pid}`);
  const previous = join(parent, `${basename(out)}${PREVIOUS}${process.pid}`);
  let done: SiteWrite & { readonly digests: Manifest };
  try {
    const start = takeSpare(out, work, options.trustSpare, notes);
    done = start.kind === 'known' ? updateKnown(work, contents, start.manifest) : updateUnknown(work, contents);
    writeFileSync(join(work, SITE_MARKER), markerText(options.input, done.digests));
    if (existsSync(out)) renameSync(out, previous);
    renameSync(work, out);
  } catch (error: unknown) {
    throw failed(error, setAside(work, out));
  }
  // The new site is in place: what is left is tidying up, which can only add notes.
  retire(previous, out, notes);
  return { written: done.written, kept: done.kept, removed: done.removed, notes };
}

/** A site to write: every path, and each file's content, made when asked for (see `planSite`). */
export interface SiteSource {
  paths(): readonly string[];
  file(path: string): string | Uint8Array | undefined;
}

/** The files to write, sorted by path, and their content on demand. */
interface Contents {
  readonly paths: readonly string[];
  contentOf(path: string): string | Uint8Array;
}

/** The `input` the site in `out` was built from, when `out` is a complete site this tool wrote. */
export function siteInput(out: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(out, SITE_MARKER), 'utf8');
  } catch (error: unknown) {
    if (error instanceof Error) return undefined;
    throw error;
  }
  const [header, , inputLine] = text.split('\n', 3);
  if (header !== MARKER_HEADER || inputLine === undefined || !inputLine.startsWith('input ')) return undefined;
  return inputLine.slice('input '.length);
}

/** Refuses an `out` that is a file, a folder that may not be written, or one with files this tool did not write. */
function assertOurs(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new OutputError(`--out ${out} is a file, not a folder`);
  const denied = accessError(out);
  if (denied !== undefined) throw new OutputError(`cannot write the site to ${out}: the folder is not writable (${denied}); the previous site is left as it was`);
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new OutputError(
      `refusing to write the site into ${out}: it is not empty and was not written by runbook (no ${SITE_MARKER} file); choose an empty or new folder`,
    );
  }
}

type Start = { readonly kind: 'known'; readonly manifest: Manifest } | { readonly kind: 'unknown' };

/** Moves the spare (if any, and usable) to `work` and says what it holds; otherwise `work` starts empty. */
function takeSpare(out: string, work: string, trust: boolean, notes: string[]): Start {
  const spare = `${out}${SPARE}`;
  rmSync(work, { recursive: true, force: true });
  if (existsSync(spare) && accessError(spare) !== undefined) discard(spare, notes);
  if (!existsSync(spare) || accessError(spare) !== undefined) {
    mkdirSync(work);
    return { kind: 'known', manifest: new Map() };
  }
  renameSync(spare, work);
  // From here until the new marker is written, `work` has no list: a kill leaves it "unknown".
  const manifest = readManifest(join(work, SITE_MARKER));
  rmSync(join(work, SITE_MARKER), { force: true });
  rmSync(join(work, IGNORE_ALL.name), { force: true });
  return manifest === undefined || !trust ? { kind: 'unknown' } : { kind: 'known', manifest };
}

/** Brings a folder whose files `manifest` lists exactly up to `wanted`, touching only what differs. */
function updateKnown(work: string, wanted: Contents, manifest: Manifest): SiteWrite & { readonly digests: Manifest } {
  const desired = new Set(wanted.paths);
  let removed = 0;
  const emptied = new Set<string>();
  for (const path of manifest.keys()) {
    if (desired.has(path)) continue;
    rmSync(join(work, path), { force: true, recursive: true });
    removed++;
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) emptied.add(folder);
  }
  // Anything at the top that the list does not know (a file added by hand) goes.
  const listedTop = new Set([...manifest.keys()].map(topName));
  for (const name of readdirSync(work)) {
    if (!listedTop.has(name)) {
      rmSync(join(work, name), { force: true, recursive: true });
      removed++;
    }
  }
  removeEmptyFolders(work, emptied);
  let written = 0;
  let kept = 0;
  const folders = new Set<string>();
  const digests = new Map<string, string>();
  for (const path of wanted.paths) {
    const content = wanted.contentOf(path);
    const fileDigest = digest(content);
    digests.set(path, fileDigest);
    if (manifest.get(path) === fileDigest) {
      kept++;
      continue;
    }
    if (!manifest.has(path)) ensureFolder(work, dirname(path), folders);
    writeFileSync(join(work, path), content);
    written++;
  }
  return { written, kept, removed, digests };
}

/** Brings a folder of unknown content up to `wanted`: removes what is not wanted, writes every file. */
function updateUnknown(work: string, wanted: Contents): SiteWrite & { readonly digests: Manifest } {
  const desired = new Set(wanted.paths);
  const wantedFolders = new Set<string>();
  for (const path of desired) for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) wantedFolders.add(folder);
  let removed = 0;
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(work, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && wantedFolders.has(path)) walk(path);
      else if (!(entry.isFile() && desired.has(path))) {
        rmSync(join(work, path), { force: true, recursive: true });
        removed++;
      }
    }
  };
  walk('');
  const folders = new Set<string>();
  const digests = new Map<string, string>();
  for (const path of wanted.paths) {
    const content = wanted.contentOf(path);
    digests.set(path, digest(content));
    ensureFolder(work, dirname(path), folders);
    writeFileSync(join(work, path), content);
  }
  return { written: desired.size, kept: 0, removed, digests };
}

function ensureFolder(work: string, folder: string, made: Set<string>): void {
  if (folder === '.' || made.has(folder)) return;
  mkdirSync(join(work, folder), { recursive: true });
  made.add(folder);
}

/** Removes the folders left empty by removals, deepest first; folders still in use stay. */
function removeEmptyFolders(work: string, candidates: ReadonlySet<string>): void {
  const deepestFirst = [...candidates].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const folder of deepestFirst) {
    try {
      rmdirSync(join(work, folder));
    } catch (error: unknown) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
}

function topName(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
}

/** The replaced site becomes the next build's spare (git-ignored); any older spare goes. */
function retire(previous: string, out: string, notes: string[]): void {
  if (!existsSync(previous)) return;
  const spare = `${out}${SPARE}`;
  try {
    if (accessError(previous) !== undefined || (existsSync(spare) && !discard(spare, notes))) {
      discard(previous, notes);
      return;
    }
    writeFileSync(join(previous, IGNORE_ALL.name), IGNORE_ALL.content);
    renameSync(previous, spare);
  } catch (error: unknown) {
    notes.push(`the previous site could not be kept as ${spare} (${describe(error)})`);
    discard(previous, notes);
  }
}

/** After a failure, the half-updated folder is kept as an "unknown" spare (cheaper than deleting it); a note when that fails too. */
function setAside(work: string, out: string): string | undefined {
  const spare = `${out}${SPARE}`;
  try {
    if (!existsSync(work)) return undefined;
    rmSync(join(work, SITE_MARKER), { force: true });
    if (!existsSync(spare)) {
      try {
        writeFileSync(join(work, IGNORE_ALL.name), IGNORE_ALL.content);
        renameSync(work, spare);
        return undefined;
      } catch {
        // Not kept (a full disk cannot take even the .gitignore): removed below, which frees the space.
      }
    }
    rmSync(work, { recursive: true, force: true });
    return undefined;
  } catch (error: unknown) {
    return `and ${work} could not be set aside: ${describe(error)}; the next build removes it`;
  }
}

/**
 * Crash-only recovery of a build killed midway:
 * - killed between the two renames: no `out`, but the previous site beside it, which is put back;
 * - killed after them: the replaced site beside `out`, which becomes the spare;
 * - killed while updating: a temporary folder without a trustworthy list, kept as an "unknown" spare.
 * Only putting a previous site back must succeed; a leftover that cannot be reused or removed is a note.
 */
function recoverInterruptedWrites(out: string, notes: string[]): void {
  const parent = dirname(out);
  const name = basename(out);
  const spare = `${out}${SPARE}`;
  const leftovers = readdirSync(parent).filter((entry) => entry.startsWith(`${name}${TEMPORARY}`) || entry.startsWith(`${name}${PREVIOUS}`));
  // Previous sites first: one of them may be the only complete site there is.
  for (const entry of leftovers.sort((a, b) => Number(b.includes(PREVIOUS)) - Number(a.includes(PREVIOUS)))) {
    const path = join(parent, entry);
    if (isRunning(Number(entry.slice(entry.lastIndexOf('-') + 1)))) continue;
    if (entry.startsWith(`${name}${PREVIOUS}`) && !existsSync(out)) {
      rmSync(join(path, IGNORE_ALL.name), { force: true });
      renameSync(path, out);
      continue;
    }
    if (!existsSync(spare) && accessError(path) === undefined) {
      try {
        if (entry.startsWith(`${name}${TEMPORARY}`)) rmSync(join(path, SITE_MARKER), { force: true });
        renameSync(path, spare);
        continue;
      } catch (error: unknown) {
        notes.push(`${path} could not be reused (${describe(error)})`);
      }
    }
    discard(path, notes); // Not reusable: garbage, removed (or noted when it cannot be).
  }
}

/** Removes a folder of ours; false, with a note, when it cannot be removed. */
function discard(path: string, notes: string[]): boolean {
  try {
    rmSync(path, { recursive: true, force: true });
    return true;
  } catch (error: unknown) {
    notes.push(`could not remove ${path} (${describe(error)}): remove it by hand`);
    return false;
  }
}

/** Why this process may not write in `path` (an error code), or undefined when it may. */
function accessError(path: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error: unknown) {
    return describe(error);
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
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

function digest(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}

function markerText(input: string, digests: Manifest): string {
  const lines = [MARKER_HEADER, MARKER_ABOUT, `input ${input}`];
  for (const path of [...digests.keys()].sort()) lines.push(`${digests.get(path) ?? ''} ${path}`);
  return `${lines.join('\n')}\n`;
}

/** The list in a marker, or undefined when it is missing, from an older version, or damaged. */
function readManifest(path: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    if (error instanceof Error) return undefined;
    throw error;
  }
  const lines = text.split('\n');
  if (lines[0] !== MARKER_HEADER || lines.at(-1) !== '') return undefined;
  const manifest = new Map<string, string>();
  for (const line of lines.slice(3, -1)) {
    const match = /^([0-9a-f]{32}) (.+)$/.exec(line);
    if (match === null) return undefined;
    const [, fileDigest = '', path = ''] = match;
    manifest.set(path, fileDigest);
  }
  return manifest;
}
