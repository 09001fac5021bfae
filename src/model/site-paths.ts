import { createHash } from 'node:crypto';
import { caseFold } from '../text/case-fold.js';

/**
 * Paths of the generated site. Every path is built from safe segments, so no id, alert, team or
 * service name can reach outside the output folder (`..`, absolute paths, odd Unicode).
 */

/**
 * The most UTF-8 bytes of a generated path segment. File systems allow 255 bytes per name; the rest
 * is room for what may be added to a segment: a `-2` de-duplication suffix, a cheat sheet's `.html`,
 * and the `.<name>.<pid>.<time>.tmp` of an atomic write beside it.
 */
export const MAX_SEGMENT_BYTES = 200;

/** `-` and 8 hex digits: what keeps truncated (or case-folded) names apart. */
const HASH_SUFFIX_BYTES = 9;

/**
 * A path segment safe on every file system and in URLs: NFC, no separators, no dot-only names, never
 * `index.html`, at most {@link MAX_SEGMENT_BYTES} bytes. A longer name is cut on a code point and
 * given a short hash of the whole name, so two long names that start alike stay apart.
 */
export function safeSegment(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  if (cleaned === '') return '_';
  const short = utf8Length(cleaned) <= MAX_SEGMENT_BYTES ? cleaned : hashedSegment(cleaned, cleaned);
  // Every folder's page is its `index.html`: a folder of that name would collide with the page file.
  return /^index\.html$/i.test(short) ? `${short}_` : short;
}

/**
 * `segment` (already safe) cut to leave room for a hash of `key`, then `-<hash>`: distinct keys get
 * distinct segments even when their safe forms are the same (`DiskFull`, `diskfull` on a file system
 * that ignores case).
 */
export function hashedSegment(segment: string, key: string): string {
  const head = prefixWithin(segment, MAX_SEGMENT_BYTES - HASH_SUFFIX_BYTES).replace(/[.-]+$/, '');
  return `${head === '' ? '_' : head}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** The longest prefix of `text` of at most `bytes` UTF-8 bytes, cut between code points (never inside a surrogate pair). */
export function prefixWithin(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const character of text) {
    used += utf8Length(character);
    if (used > bytes) break;
    end += character.length;
  }
  return text.slice(0, end);
}

/** The length of `text` in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD it is written as). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const point = character.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Whether every segment of `path` is at most {@link MAX_SEGMENT_BYTES} UTF-8 bytes and the path is NFC, as `safeSegment` makes them. */
export function isWritablePath(path: string): boolean {
  return path.normalize('NFC') === path && path.split('/').every((segment) => utf8Length(segment) <= MAX_SEGMENT_BYTES);
}

/** A slash-separated id made safe segment by segment (`database/primary-down`). */
export function safeIdPath(id: string): string {
  return id
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map(safeSegment)
    .join('/') || '_';
}

/** Gives each key a unique safe path, case ignored (`caseFold`): the second `a b` and `a-b` become `a-b-2`. */
export function uniquePaths(keys: readonly string[], toPath: (key: string) => string): ReadonlyMap<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...keys].sort()) {
    const base = toPath(key);
    let candidate = base;
    for (let n = 2; taken.has(caseFold(candidate)); n++) candidate = `${base}-${n}`;
    taken.add(caseFold(candidate));
    result.set(key, candidate);
  }
  return result;
}

/** The relative prefix from a page to the site root: `runbooks/a/b/index.html` → `../../../`. */
export function rootPrefix(pagePath: string): string {
  const depth = pagePath.split('/').length - 1;
  return '../'.repeat(depth);
}

/** A relative URL from one site page to another site path. */
export function relativeUrl(fromPage: string, toPath: string): string {
  return rootPrefix(fromPage) + toPath;
}
