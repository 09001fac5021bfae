import type { UrlPart } from './url-template.js';

/** How an alert appears in URLs: its name, and the folders of its pages on the site (`alertFolders`: its own first). */
export interface AlertInUrls {
  readonly name: string;
  readonly folders: readonly string[];
}

/** How a runbook appears in URLs: its id, and the folders of its page on the site under `runbooks/` (`runbookFolders`: its own first). */
export interface RunbookInUrls {
  readonly id: string;
  readonly folders: readonly string[];
}

/**
 * The URLs that lead to the runbook answering `alert` under the configured pattern (`alerts.url`,
 * with `{alert}` and `{id}`): as written, and in lower case (a common convention: prometheus-operator
 * links `…/kubernetes/kubepodcrashlooping`). In the path, `{alert}` is a page folder of the alert
 * (`alerts/<Name>/`, `alerts/<name>/`, or `alerts/<Name>-<hash>/` for alerts differing only in
 * case), not a name assumed to have one; in a fragment (`#alert-name-{alert}`), `{alert}` is the
 * name. `{id}` after `/runbooks/` (the site's own runbook pages) is a folder of the runbook's page
 * (`runbooks/<id>/`, `runbooks/<id in lower case>/` when the site writes that); anywhere else it is
 * the id itself, as written or in lower case (`…/blob/main/rb/{id}.md` names the file
 * `disk full.md`, not the site's folder `disk-full`). When the pattern
 * is one of the site's own page URLs (`…/runbooks/{id}/`, `…/alerts/{alert}/`), the other one leads
 * to the runbook too. The first URL is the one messages show.
 */
export function expectedUrls(pattern: string, alert: AlertInUrls, runbook: RunbookInUrls): readonly string[] {
  const fragment = pattern.indexOf('#');
  const fill = (folder: string, name: string, runbookFolder: string): string =>
    pattern.replace(/\{(alert|id)\}/g, (_, key: string, offset: number) => (key === 'id' ? runbookFolder : fragment >= 0 && offset > fragment ? name : folder));
  const [own = alert.name, lower = own] = alert.folders;
  // `{id}` of the site's runbook pages is a folder of them; anywhere else it is the id.
  const [id = '', lowerId = id] = SITE_RUNBOOK_ID.test(pattern) ? runbook.folders : [runbook.id, runbook.id.toLowerCase()];
  const urls = [fill(own, alert.name, id), fill(lower, alert.name.toLowerCase(), lowerId)];
  const site = /^(.*\/)(?:runbooks\/\{id\}|alerts\/\{alert\})\/?$/.exec(pattern)?.[1];
  if (site !== undefined && !site.includes('{')) {
    urls.push(...alert.folders.map((folder) => `${site}alerts/${folder}/`), ...runbook.folders.map((folder) => `${site}runbooks/${folder}/`));
  }
  return [...new Set(urls)];
}

/** `{id}` as the folder of one of the site's runbook pages: after `/runbooks/`, ending the path. */
const SITE_RUNBOOK_ID = /\/runbooks\/\{id\}(?:[/?#]|$)/;

/**
 * Whether an expanded `runbook_url` is one of the `expected` URLs. A trailing slash does not matter
 * (`…/alerts/Foo` and `…/alerts/Foo/` are one page), nor do a query string or a fragment the pattern
 * does not have (`…/Foo/?cluster=eu` is the page of `…/Foo/`). A part whose value is unknown until
 * the alert fires (`{{ $labels.namespace }}`) may stand for any text, so a URL is only reported
 * when no value of it could lead to the runbook.
 */
export function leadsTo(parts: readonly UrlPart[], expected: readonly string[]): boolean {
  const wanted = expected.map(withoutTrailingSlash);
  const kept = withoutExtras(parts, { query: wanted.some((url) => url.includes('?')), fragment: wanted.some((url) => url.includes('#')) });
  if (kept.every((part) => part.kind === 'text')) {
    return wanted.includes(withoutTrailingSlash(kept.map((part) => part.text).join('')));
  }
  const literals = literalsBetweenUnknowns(kept);
  return wanted.some((url) => matchesWithGaps(literals, url) || (url.endsWith('/') && matchesWithGaps(literals, url.slice(0, -1))));
}

/**
 * The texts around the unknown parts, first and last included (empty when the URL starts or ends
 * with an unknown part); unknown parts in a row are one gap, and a trailing slash of the last text
 * does not matter.
 */
function literalsBetweenUnknowns(parts: readonly UrlPart[]): readonly string[] {
  const literals = [''];
  parts.forEach((part, index) => {
    if (part.kind === 'unknown') {
      if (index === 0 || parts[index - 1]?.kind !== 'unknown') literals.push('');
      return;
    }
    const text = index === parts.length - 1 ? withoutTrailingSlash(part.text) : part.text;
    literals[literals.length - 1] = (literals.at(-1) ?? '') + text;
  });
  return literals;
}

/**
 * Whether `url` is `literals` joined with any text in each gap between them, found without
 * backtracking (a RegExp of `[\s\S]*` gaps took exponential time in their number): the first
 * literal must begin the URL, the last must end it, and each one between is taken where it is
 * first found, which leaves the most room for the rest.
 */
function matchesWithGaps(literals: readonly string[], url: string): boolean {
  const first = literals[0] ?? '';
  const last = literals.at(-1) ?? '';
  if (literals.length < 2) return url === first;
  if (url.length < first.length + last.length || !url.startsWith(first) || !url.endsWith(last)) return false;
  const end = url.length - last.length;
  let from = first.length;
  for (const literal of literals.slice(1, -1)) {
    const at = url.indexOf(literal, from);
    if (at < 0 || at + literal.length > end) return false;
    from = at + literal.length;
  }
  return true;
}

/** The URL without its query string and fragment, each unless `keep` says the pattern has one. */
function withoutExtras(parts: readonly UrlPart[], keep: { readonly query: boolean; readonly fragment: boolean }): readonly UrlPart[] {
  const kept: UrlPart[] = [];
  let dropping = false;
  let inFragment = false;
  for (const part of parts) {
    if (part.kind === 'unknown') {
      if (!dropping) kept.push(part);
      continue;
    }
    let text = '';
    for (const character of part.text) {
      if (character === '#' && !inFragment) {
        inFragment = true;
        dropping = !keep.fragment;
      } else if (character === '?' && !inFragment && !dropping) dropping = !keep.query;
      if (!dropping) text += character;
    }
    if (text !== '') kept.push({ kind: 'text', text });
  }
  return kept.length > 0 ? kept : [{ kind: 'text', text: '' }];
}

/** The expanded URL as text, unknown parts shown as written. */
export function urlText(parts: readonly UrlPart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : part.action)).join('');
}

function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
