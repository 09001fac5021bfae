/**
 * The request-target of a `serve` request, read once at the edge. Any web page the user visits can
 * send requests to the local server, so the target is hostile input: it is decoded one segment at a
 * time (a malformed `%ff` is a 400, not an exception), dot segments are resolved without ever leaving
 * the site's root, and a segment that decodes to a slash, a backslash or a control character is
 * refused, so that the site path looked up is always plain `a/b/c` and every redirect built from it
 * starts with a single `/`.
 */

/** Longer targets are refused with 414: no page of a runbook site has an address this long. */
const MAX_TARGET_LENGTH = 2048;

/** What a request asked for. */
export type RequestTarget =
  | {
      readonly kind: 'path';
      /** Decoded, non-empty segments, none of them `.`, `..` or holding `/`, `\` or a control character. */
      readonly segments: readonly string[];
      /** The path ended with `/` (or a dot segment): a folder, whose page is its `index.html`. */
      readonly folder: boolean;
      /** The query, without `?`; kept on redirects only when it is printable ASCII. */
      readonly query: string;
      /** False when the path held empty or dot segments, and should be redirected to its normal form. */
      readonly normal: boolean;
    }
  | { readonly kind: 'rejected'; readonly status: 400 | 414; readonly reason: string };

/** Reads a request-target such as `/teams/platform/?q=disk` (the raw `request.url`). */
export function readRequestTarget(target: string): RequestTarget {
  if (target.length > MAX_TARGET_LENGTH) return rejected(414, `a request-target of ${target.length} characters, expected at most ${MAX_TARGET_LENGTH}`);
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  const query = end === -1 || target[end] === '#' ? '' : target.slice(end + 1).replace(/#.*$/s, '');
  if (!path.startsWith('/')) return rejected(400, `the request-target ${quote(target)}, expected a path starting with \`/\``);
  if (path.includes('\\')) return rejected(400, `the path ${quote(path)}, expected no backslash`);
  const segments: string[] = [];
  let normal = true;
  let folder = false;
  const parts = path.split('/').slice(1);
  for (const [index, part] of parts.entries()) {
    const decoded = decodeSegment(part);
    if (decoded === undefined) return rejected(400, `the path ${quote(path)}, expected valid percent-encoded UTF-8 (\`%e2%80%a6\`, not \`%ff\`)`);
    if (/[/\\\p{Cc}]/u.test(decoded)) return rejected(400, `the path ${quote(path)}, expected no encoded slash, backslash or control character in a segment`);
    const last = index === parts.length - 1;
    folder = last && (decoded === '' || decoded === '.' || decoded === '..');
    if (decoded === '' || decoded === '.' || decoded === '..') {
      if (!(last && decoded === '')) normal = false;
      if (decoded === '..') segments.pop();
    } else {
      segments.push(decoded);
    }
  }
  return { kind: 'path', segments, folder: folder && segments.length > 0, query, normal };
}

/** The site file a target names: `index.html` for the root and for folders. */
export function sitePathOf(target: { readonly segments: readonly string[]; readonly folder: boolean }): string {
  const path = target.segments.join('/');
  return path === '' ? 'index.html' : target.folder ? `${path}/index.html` : path;
}

/**
 * The `Location` of a redirect to `segments`: a path with a single leading `/` (never `//host` or
 * `/\host`, which a browser reads as another site), each segment percent-encoded.
 */
export function locationOf(segments: readonly string[], folder: boolean, query: string): string {
  const path = `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}${folder && segments.length > 0 ? '/' : ''}`;
  return query !== '' && /^[\x21-\x7e]+$/.test(query) ? `${path}?${query}` : path;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch (error: unknown) {
    // The only failure of decodeURIComponent: a malformed escape, reported by the caller as a 400.
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

function rejected(status: 400 | 414, reason: string): RequestTarget {
  return { kind: 'rejected', status, reason: `Unexpected ${reason}.` };
}

/** The value in backquotes, cut to 120 characters, for a plain-text message. */
function quote(value: string): string {
  return `\`${value.length > 120 ? `${value.slice(0, 120)}…` : value}\``;
}
