/**
 * A static safety check of generated HTML: a small tokenizer (tags and their attributes, as the
 * HTML tokenizer reads them, quoted values included) and the rules every page of the site must
 * keep, whatever the runbooks say. Used by the XSS tests; independent of the site's own code.
 */
import { posix } from 'node:path';

/** One start or end tag, with its attributes in order (values decoded). */
export interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: readonly (readonly [string, string])[];
  /** Offset of `<` in the text. */
  readonly at: number;
  /** Offset just past `>`. */
  readonly end: number;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  sol: '/',
  lpar: '(',
  rpar: ')',
};

/** Decodes character references the way a browser does in attribute values (numeric, and the names above). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Every tag of an HTML text; the content of `script` and `style` elements is skipped as raw text. */
export function htmlTags(html: string): readonly Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const close = html.indexOf('>', i);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const start = /^<(\/?)([a-zA-Z][^\t\n\f\r />]*)/.exec(html.slice(i, i + 200));
    if (start === null) {
      i += 1;
      continue;
    }
    const at = i;
    i += start[0].length;
    const attributes: [string, string][] = [];
    for (;;) {
      while (i < html.length && /[\t\n\f\r /]/.test(html.charAt(i))) i += 1;
      if (i >= html.length || html.charAt(i) === '>') break;
      const nameMatch = /^[^\t\n\f\r />][^\t\n\f\r />=]*/.exec(html.slice(i, i + 1000));
      const name = nameMatch?.[0] ?? html.charAt(i);
      i += name.length;
      while (i < html.length && /[\t\n\f\r ]/.test(html.charAt(i))) i += 1;
      let value = '';
      if (html.charAt(i) === '=') {
        i += 1;
        while (i < html.length && /[\t\n\f\r ]/.test(html.charAt(i))) i += 1;
        const quote = html.charAt(i);
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          const stop = close === -1 ? html.length : close;
          value = html.slice(i + 1, stop);
          i = stop + 1;
        } else {
          const unquoted = /^[^\t\n\f\r >]*/.exec(html.slice(i, i + 10_000))?.[0] ?? '';
          value = unquoted;
          i += unquoted.length;
        }
      }
      attributes.push([name.toLowerCase(), decodeEntities(value)]);
    }
    i += 1;
    const name = (start[2] ?? '').toLowerCase();
    const closing = start[1] === '/';
    tags.push({ name, closing, attributes, at, end: i });
    if (!closing && (name === 'script' || name === 'style')) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close === -1 ? html.length : close;
    }
  }
  return tags;
}

/** Attributes that hold a URL a browser may load or navigate to. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'xlink:href',
  'ping',
  'cite',
  'longdesc',
  'codebase',
  'dynsrc',
  'lowsrc',
  'manifest',
  'icon',
]);

/** Elements no page may contain: they run code, load other documents, or change how URLs resolve. */
const FORBIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'svg',
  'math',
  'template',
  'xmp',
  'plaintext',
  'portal',
  'isindex',
  'keygen',
  'video',
  'audio',
  'noembed',
  'noframes',
  'marquee',
  'bgsound',
  'textarea',
]);

/** A URL as a browser reads its scheme: tabs and newlines removed, leading controls and spaces stripped. */
function normalisedUrl(value: string): string {
  const compact = value.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < compact.length && compact.charCodeAt(start) <= 0x20) start += 1;
  return compact.slice(start).toLowerCase();
}

/** Whether a URL would run code or show a document the site did not write. */
function isScriptingUrl(value: string): boolean {
  return /^(javascript|vbscript|data|livescript|mocha):/.test(normalisedUrl(value));
}

/** What a page is checked against. */
export interface SafetyExpectations {
  /** The page's path in the site (`runbooks/a/index.html`), to resolve relative URLs. */
  readonly page: string;
  /** The Content-Security-Policy every page must declare. */
  readonly csp: string;
  /** The absolute URL the site is served from, when pages use it (the 404 page with `--base-url`). */
  readonly base: string | undefined;
  /** Whether a site path (`assets/site.js`) is a file of the site. */
  readonly exists: (path: string) => boolean;
}

/** Resolves a URL written on `page` to a site path, or undefined when it points outside the site. */
function sitePathOf(url: string, expectations: SafetyExpectations): string | undefined {
  const { page, base } = expectations;
  let path: string;
  if (base !== undefined && url.startsWith(base)) path = url.slice(base.length);
  else if (url.startsWith('/') && !url.startsWith('//') && base === undefined) path = url.slice(1);
  else if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return undefined;
  else path = posix.join(posix.dirname(page), url);
  const normal = posix.normalize(path.replace(/[?#].*$/, ''));
  return normal.startsWith('../') || normal === '..' ? undefined : normal;
}

/** Every way a page breaks the site's safety rules, as readable lines (none for a safe page). */
export function safetyProblems(html: string, expectations: SafetyExpectations): readonly string[] {
  const problems: string[] = [];
  const tags = htmlTags(html);
  const where = (tag: Tag) => `<${tag.closing ? '/' : ''}${tag.name}> at ${tag.at}`;
  const attribute = (tag: Tag, name: string) => tag.attributes.find(([key]) => key === name)?.[1];

  const csp = tags.filter((tag) => tag.name === 'meta' && attribute(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  const firstLoad = tags.find((tag) => !tag.closing && ['script', 'link', 'style', 'body'].includes(tag.name));
  if (csp.length !== 1) problems.push(`expected one Content-Security-Policy meta, found ${csp.length}`);
  for (const tag of csp) {
    if (attribute(tag, 'content') !== expectations.csp) problems.push(`CSP is \`${attribute(tag, 'content') ?? ''}\`, expected \`${expectations.csp}\``);
    if (firstLoad !== undefined && firstLoad.at < tag.at) problems.push(`${where(firstLoad)} comes before the CSP meta`);
  }

  for (const tag of tags) {
    if (tag.closing) continue;
    if (FORBIDDEN_ELEMENTS.has(tag.name)) problems.push(`forbidden element ${where(tag)}`);
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) problems.push(`event handler ${name}="${value}" on ${where(tag)}`);
      if (name === 'style') problems.push(`inline style="${value}" on ${where(tag)} (blocked by the CSP)`);
      if (name === 'srcdoc') problems.push(`srcdoc on ${where(tag)}`);
      if (URL_ATTRIBUTES.has(name) && isScriptingUrl(value)) problems.push(`scripting URL ${name}="${value}" on ${where(tag)}`);
      if (name === 'srcset' && value.split(',').some((candidate) => isScriptingUrl(candidate.trim()))) problems.push(`scripting URL in srcset on ${where(tag)}`);
    }
    if (tag.name === 'script') {
      const src = attribute(tag, 'src');
      const path = src === undefined ? undefined : sitePathOf(src, expectations);
      const inline = html.slice(tag.end, html.toLowerCase().indexOf('</script', tag.end));
      if (src === undefined) problems.push(`inline script ${where(tag)}`);
      else if (path === undefined || !/^(assets|search)\/[\w.-]+\.js$/.test(path) || !expectations.exists(path)) problems.push(`script from \`${src}\` (not one of the site's own scripts) ${where(tag)}`);
      if (inline.trim() !== '') problems.push(`script with inline content ${where(tag)}`);
    }
    if (tag.name === 'link') {
      const href = attribute(tag, 'href') ?? '';
      const rel = attribute(tag, 'rel');
      const path = sitePathOf(href, expectations);
      if (rel === 'stylesheet' && (path === undefined || !path.startsWith('assets/') || !expectations.exists(path))) problems.push(`stylesheet \`${href}\` is not the site's own`);
      else if (rel !== 'stylesheet' && rel !== 'canonical') problems.push(`<link rel="${rel ?? ''}"> ${where(tag)}`);
    }
    if (tag.name === 'meta') problems.push(...metaProblems(tag, expectations));
    if (tag.name === 'form' && !(attribute(tag, 'action') === '#' && tag.attributes.some(([name]) => name === 'data-search'))) problems.push(`form other than the search box ${where(tag)}`);
  }
  return problems;
}

function metaProblems(tag: Tag, expectations: SafetyExpectations): readonly string[] {
  const attribute = (name: string) => tag.attributes.find(([key]) => key === name)?.[1];
  const equiv = attribute('http-equiv')?.toLowerCase();
  const name = attribute('name')?.toLowerCase();
  if (equiv === 'content-security-policy') return [];
  if (equiv === 'refresh') {
    const url = /^\s*0\s*;\s*url=(.*)$/i.exec(attribute('content') ?? '')?.[1] ?? '';
    const path = sitePathOf(url, expectations);
    if (path === undefined || !/^runbooks\/.+\/index\.html$/.test(path) || !expectations.exists(path)) return [`meta refresh to \`${url}\`, expected a runbook page of the site`];
    return [];
  }
  if (equiv === undefined && (attribute('charset') !== undefined || ['viewport', 'referrer', 'color-scheme'].includes(name ?? ''))) return [];
  return [`unexpected <meta ${tag.attributes.map(([key, value]) => `${key}="${value}"`).join(' ')}>`];
}
