import { createHash } from 'node:crypto';

/** The file that says a folder is a site this tool wrote (so `--out` may replace it), and lists its files. */
export const SITE_MARKER = '.runbook-site';

/**
 * Version 2 records each file's size besides its digest, so that a site can be verified cheaply
 * (see `siteInput`). Version 3 adds the dependency record: each file's input digest (what its bytes
 * were made from, see `SitePlan.input`), so that the next build can take an unchanged page from this
 * folder without rendering or reading it (see `syncFolder`). Version 2
 * markers are read with no dependency record ("nothing known"); version 1 markers not at all.
 */
const MARKER_HEADER = 'runbook-site 3';
const OLDER_HEADER = 'runbook-site 2';
const MARKER_ABOUT =
  'This folder is a site written by `runbook build`: the next build replaces it (see docs/site.md). Below: the inputs, then every file with a digest of its bytes, its size and a digest of its inputs (- when none).';

/** What the tool wrote in one file: a digest of its bytes, and their count; what it was made from, when known. */
export interface WrittenFile {
  readonly digest: string;
  readonly size: number;
  /** The file's input digest (`SitePlan.input`), with the tool's code: the same input, the same bytes. */
  readonly input?: string;
}

/** A folder's files as its marker lists them: site path → what was written there. */
export type Manifest = ReadonlyMap<string, WrittenFile>;

/** A marker read back: what the site was built from, and its files. */
export interface Marker {
  readonly input: string;
  readonly files: Manifest;
}

/** What is written in a file of `content`. */
export function writtenFile(content: string | Uint8Array): WrittenFile {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { digest: createHash('sha256').update(bytes).digest('hex').slice(0, 32), size: bytes.byteLength };
}

/**
 * Whether `path` may name a file of a site: relative, `/`-separated, no empty, `.` or `..` segment,
 * no backslash, control character or NUL. Paths read from a marker are held to this before use.
 */
export function isSitePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || hasControlCharacter(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The text of a marker listing `files`. */
export function markerText(input: string, files: Manifest): string {
  const lines = [MARKER_HEADER, MARKER_ABOUT, `input ${input}`];
  for (const path of [...files.keys()].sort()) {
    const file = files.get(path);
    if (file !== undefined) lines.push(`${file.digest} ${String(file.size)} ${file.input ?? '-'} ${path}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A marker's content, or undefined when it is from another version, damaged, or lists a path that is not a site path. */
export function parseMarker(text: string): Marker | undefined {
  const lines = text.split('\n');
  const inputLine = lines[2];
  const current = lines[0] === MARKER_HEADER;
  if ((!current && lines[0] !== OLDER_HEADER) || inputLine === undefined || !inputLine.startsWith('input ') || lines.at(-1) !== '') return undefined;
  const files = new Map<string, WrittenFile>();
  for (const line of lines.slice(3, -1)) {
    const match = (current ? /^([0-9a-f]{32}) (0|[1-9][0-9]{0,14}) ([0-9a-f]{32}|-) (.+)$/ : /^([0-9a-f]{32}) (0|[1-9][0-9]{0,14})() (.+)$/).exec(line);
    if (match === null) return undefined;
    const [, digest = '', size = '', input = '', path = ''] = match;
    if (!isSitePath(path) || path === SITE_MARKER || files.has(path)) return undefined;
    files.set(path, { digest, size: Number(size), ...(input === '-' || input === '' ? {} : { input }) });
  }
  return { input: inputLine.slice('input '.length), files };
}
