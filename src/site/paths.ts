/**
 * Paths of the generated site. Every path is built from safe segments, so no id, alert, team or
 * service name can reach outside the output folder (`..`, absolute paths, odd Unicode).
 */

/** A path segment safe on every file system and in URLs: NFC, no separators, no dot-only names, never `index.html`. */
export function safeSegment(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120);
  if (cleaned === '') return '_';
  // Every folder's page is its `index.html`: a folder of that name would collide with the page file.
  return /^index\.html$/i.test(cleaned) ? `${cleaned}_` : cleaned;
}

/** A slash-separated id made safe segment by segment (`database/primary-down`). */
export function safeIdPath(id: string): string {
  return id
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map(safeSegment)
    .join('/') || '_';
}

/** Gives each key a unique safe path: the second `a b` and `a-b` become `a-b-2`. */
export function uniquePaths(keys: readonly string[], toPath: (key: string) => string): ReadonlyMap<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...keys].sort()) {
    const base = toPath(key);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    taken.add(candidate.toLowerCase());
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
