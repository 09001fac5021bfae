/**
 * Which requests `serve` answers by who sent them, and the headers that keep other pages out.
 * Against cross-site script inclusion: the search index is JavaScript (`search/*.js` calls
 * `window.runbookSearch.register(name, data)`), and a `<script>` tag is not bound by the same-origin
 * policy, so any page the user visits could define `window.runbookSearch`, include those files from
 * the local server and read every word of every runbook. Another port of 127.0.0.1 is a different
 * origin but the same *site*, so `same-site` is refused as well as `cross-site`. Against clickjacking:
 * no page may frame the site.
 */

/** Sent with every response: only the site's own pages may load or frame what `serve` answers. */
export const CROSS_ORIGIN_HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
};

/** The Fetch Metadata request headers a browser sends (absent from other clients and old browsers). */
export interface FetchMetadata {
  readonly site: string | undefined;
  readonly mode: string | undefined;
  readonly dest: string | undefined;
}

/** The Fetch Metadata of a request's headers (Node gives a repeated header as its first value's string). */
export function fetchMetadataOf(headers: Readonly<Record<string, string | string[] | undefined>>): FetchMetadata {
  const one = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { site: one('sec-fetch-site'), mode: one('sec-fetch-mode'), dest: one('sec-fetch-dest') };
}

/**
 * Why a request is refused, or undefined when the server may answer it. Answered: requests without
 * Fetch Metadata (curl, old browsers: the `Cross-Origin-Resource-Policy` header still guards the
 * latter), the site's own requests (`same-origin`), addresses the user typed or bookmarked (`none`),
 * and top-level navigations from elsewhere (a link in a chat), whose response the linking page cannot read.
 */
export function crossOriginProblem(metadata: FetchMetadata): string | undefined {
  const { site, mode, dest } = metadata;
  if (site === undefined || site === 'same-origin' || site === 'none') return undefined;
  if (mode === 'navigate' && dest === 'document') return undefined;
  return (
    `runbook serve answers only the site's own pages; this request came from another origin (Sec-Fetch-Site \`${site.slice(0, 40)}\`, ` +
    `Sec-Fetch-Dest \`${(dest ?? '').slice(0, 40)}\`).\nA web page may be trying to read the site. Open the address \`runbook serve\` printed instead.\n`
  );
}
