/**
 * Pointing relative links at site pages, on hostile bodies: markup inside attribute values (image
 * alt and title, link titles, raw HTML attributes) next to every link form the site rewrites. The
 * rewrite used to be a regex over the sanitised HTML: an `<a href=` inside an `alt` made it take
 * the text after the image for a link and splice it into the `<img>` tag (an `onerror` handler, a
 * `meta refresh` to another site), and it was quadratic in such a body. It now changes one
 * attribute of link pieces cut from the tree; these tests hold it to that.
 */
import fc from 'fast-check';
import type { Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { describe, expect, it } from 'vitest';
import type { BodyPiece, RenderedBody, Runbook } from '../../src/model/runbook.js';
import { bodyPieces, piecesHtml } from '../../src/parse/body-pieces.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { CONTENT_SECURITY_POLICY, buildSite } from '../../src/site/build-site.js';
import { resolveLinks } from '../../src/site/resolve-links.js';
import type { SiteFile } from '../../src/site/search-document.js';
import { TODAY } from '../helpers.js';
import { htmlTags, safetyProblems } from '../browser/html-safety.js';
import { markdown } from '../reliability/arbitraries.js';
import { CONFIG, TEMPLATES } from '../reliability/pipeline.js';

const SEED = process.env.RUNBOOK_FC_SEED === undefined ? 20261127 : Number(process.env.RUNBOOK_FC_SEED);
const RUNS = process.env.RUNBOOK_FC_RUNS === undefined ? 60 : Number(process.env.RUNBOOK_FC_RUNS);
const TIMEOUT = 120_000 + RUNS * 2_000;

const FRONTMATTER = ['---', 'title: Hostile links', 'owner: data', 'service: s', 'severity: low', 'last_tested: 2026-11-01', '---', ''].join('\n');

interface Loaded {
  readonly runbook: Runbook;
  readonly pieces: readonly BodyPiece[];
  readonly site: readonly SiteFile[];
}

function parsed(id: string, body: string): { readonly runbook: Runbook; readonly pieces: readonly BodyPiece[] } {
  const loaded = parseRunbook({ id, file: `runbooks/${id}.md`, path: `${CONFIG.root}/${id}.md`, bytes: new TextEncoder().encode(`${FRONTMATTER}${body}\n`) }, CONFIG, { render: true });
  if (loaded.kind !== 'runbook' || loaded.body.kind !== 'rendered') throw new Error(`expected a rendered runbook \`${id}\`, got ${loaded.kind}`);
  return { runbook: loaded.runbook, pieces: loaded.body.pieces };
}

/** The runbooks the hostile one links to: `b.md` next to it and `sub/c.md` below it. */
const TARGETS = [parsed('b', '## Recovery\n\n1. Do it'), parsed('sub/c', 'Words.')];
const PAGE_OF_FILE: ReadonlyMap<string, string> = new Map([
  [`${CONFIG.root}/b.md`, 'runbooks/b/index.html'],
  [`${CONFIG.root}/sub/c.md`, 'runbooks/sub/c/index.html'],
]);

/** Parses `body` as `runbooks/a.md` and builds the site of it and its targets. */
function load(body: string): Loaded {
  const hostile = parsed('a', body);
  const { runbook, pieces } = hostile;
  const all = [runbook, ...TARGETS.map((target) => target.runbook)];
  const bodies = new Map<string, RenderedBody>([hostile, ...TARGETS].map((entry) => [entry.runbook.path, { kind: 'rendered', pieces: entry.pieces, text: '' }]));
  const site = buildSite({ runbooks: all, bodies, diagnostics: [], config: CONFIG, today: TODAY, git: { kind: 'none' }, templates: TEMPLATES });
  return { runbook, pieces, site };
}

/** Every safety problem of every page of the site. */
function siteProblems(site: readonly SiteFile[]): readonly string[] {
  return site
    .filter((file) => file.path.endsWith('.html'))
    .flatMap((file) =>
      safetyProblems(file.content, { page: file.path, csp: CONTENT_SECURITY_POLICY, base: file.path === '404.html' ? 'https://runbooks.example.com/docs/' : undefined, exists: () => true }).map(
        (problem) => `${file.path}: ${problem}`,
      ),
    );
}

/** The hostile body's HTML with links as written, and as the page of `runbooks/a` shows it. */
function bodyHtml(loaded: Loaded): { readonly written: string; readonly resolved: string } {
  return {
    written: piecesHtml(loaded.pieces, () => undefined),
    resolved: resolveLinks(loaded.pieces, loaded.runbook, { pagePath: 'runbooks/a/index.html', pageOfFile: (path) => PAGE_OF_FILE.get(path) }),
  };
}

/**
 * How resolving links changed the body, read as the browser's tokenizer reads tags: the same tags
 * must come out with the same attributes, except the `href` of links. Returns the other changes
 * and how many hrefs changed.
 */
function changes(written: string, resolved: string): { readonly unintended: readonly string[]; readonly hrefs: number } {
  const before = htmlTags(written);
  const after = htmlTags(resolved);
  if (before.length !== after.length) return { unintended: [`${before.length} tags became ${after.length}`], hrefs: 0 };
  const unintended: string[] = [];
  let hrefs = 0;
  before.forEach((tag, index) => {
    const other = after[index];
    if (other === undefined || other.name !== tag.name || other.closing !== tag.closing || other.attributes.length !== tag.attributes.length) {
      unintended.push(`<${tag.name}> at ${tag.at} became <${other?.name ?? '?'}> with ${other?.attributes.length ?? 0} attributes`);
      return;
    }
    tag.attributes.forEach(([name, value], at) => {
      const [otherName, otherValue] = other.attributes[at] ?? ['', ''];
      if (otherName === name && otherValue === value) return;
      if (tag.name === 'a' && name === 'href' && otherName === 'href') hrefs += 1;
      else unintended.push(`<${tag.name}> ${name}="${value}" became ${otherName}="${otherValue}"`);
    });
  });
  return { unintended, hrefs };
}

/** Markup an author can put inside an attribute value, each a piece of a splice or a payload. */
const MARKUP: readonly string[] = [
  '<a href=',
  '<a title=x href=',
  '<a href="b.md">',
  '<a',
  ' href="',
  '">',
  '>',
  '"><img src=x onerror=__xss(1)>',
  '<meta http-equiv=refresh content=0;url=https://evil.invalid/>',
  '&quot;',
  '&',
  '#',
  '/../b.md',
];

/** Text after the carrier that a splice would pull into the tag before it. */
const SPLICE_TAILS: readonly string[] = ['/../b.md# onerror=__xss(2) x="', '/../b.md#&#x3C;meta http-equiv=refresh content=0;url=https://evil.invalid/> "', '?"><img src=x onerror=__xss(3)>'];

const markdownText = (text: string): string => text.replace(/[[\]\\]/g, '\\$&');
const markdownTitle = (text: string): string => text.replace(/["\\]/g, '\\$&');
const doubleQuoted = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const singleQuoted = (text: string): string => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');

/** Places markup inside an attribute value can come from. */
const CARRIERS: Readonly<Record<string, (markup: string) => string>> = {
  'an image alt': (markup) => `![${markdownText(markup)}](i.png)`,
  'an image title': (markup) => `![x](i.png "${markdownTitle(markup)}")`,
  'a link title': (markup) => `[x](b.md "${markdownTitle(markup)}")`,
  'a reference definition title': (markup) => `[x][t]\n\n[t]: sub/c.md "${markdownTitle(markup)}"\n`,
  'a raw img alt': (markup) => `<img src="i.png" alt="${doubleQuoted(markup)}">`,
  'a raw single-quoted title': (markup) => `<span title='${singleQuoted(markup)}'>x</span>`,
  'a raw link title': (markup) => `<a href="b.md" title="${doubleQuoted(markup)}">x</a>`,
  'a raw sup title, then an href': (markup) => `<sup title="${doubleQuoted(markup)}">x</sup><a href="./b.md">y</a>`,
};

/** Every form of link the site rewrites (and the autolinks and images it must leave alone), with how many hrefs it should change. */
const LINK_FORMS: Readonly<Record<string, readonly [string, number]>> = {
  'a relative .md link': ['[l](b.md)', 1],
  'a .md#anchor link': ['[l](b.md#recovery)', 1],
  'a ./x.md?q link': ['[l](./b.md?q=1&r="2")', 1],
  'a link into a folder': ['[l](sub/c.md#x "t")', 1],
  'a reference-style link': ['[l][ref]\n\n[ref]: b.md "a title"\n', 1],
  'an autolink': ['<https://example.com/b.md>', 0],
  'a literal autolink': ['www.example.com/b.md', 0],
  'a raw <a href>': ['<a href="b.md" title="t">l</a>', 1],
  'a raw <a href> in a folder with a hash': ["<a class=x href='./sub/c.md#step'>l</a>", 1],
  'an image of a .md file (not a link)': ['![i](b.md)', 0],
};

/** The attack as reported: an `<a href=` in an alt, then the text to splice into the `<img>` tag, then a link. */
const REPORTED: readonly (readonly [string, string])[] = [
  ['an onerror handler', '![<a href=](x.png)/../b.md# onerror=__xss(1) x="\n\n[next](b.md)'],
  ['a meta refresh to another site', '![<a href=](x.png)/../b.md#>&#x3C;meta http-equiv=refresh content=0;url=//evil.invalid/>"\n\n[next](b.md)'],
];

describe('link rewrite: markup inside attribute values cannot splice into a tag', () => {
  it.each(REPORTED)('an `<a href=` in an image alt followed by `/../b.md#…` adds no tag or attribute: %s (the reported attack)', (_name, body) => {
    const loaded = load(body);
    expect(siteProblems(loaded.site)).toEqual([]);
    const { written, resolved } = bodyHtml(loaded);
    expect(changes(written, resolved)).toEqual({ unintended: [], hrefs: 1 });
    expect(resolved).toContain('<img src="x.png" alt="<a href=">/../b.md#');
    expect(resolved).toContain('<p><a href="../../runbooks/b/index.html">next</a></p>');
  });

  /** The body section of the hostile runbook's page. */
  const pageBody = (loaded: Loaded): string | undefined => {
    const page = loaded.site.find((file) => file.path === 'runbooks/a/index.html')?.content ?? '';
    return /<section class="body" aria-label="Runbook">\n([\s\S]*)\n<\/section>/.exec(page)?.[1];
  };

  it('an opening H1 whose title attribute holds `</h1><img onerror>` is left out whole, not cut at the `>` inside the attribute', () => {
    const loaded = load('<h1 title="a>Hostile links</h1><img src=x onerror=__xss(4)>">Hostile links</h1>\n\nAfter.');
    expect(siteProblems(loaded.site)).toEqual([]);
    expect(pageBody(loaded)).toBe('<p>After.</p>');
  });

  it('still leaves out an opening H1 that repeats the title, and keeps one that does not', () => {
    expect(pageBody(load('# Hostile links\n\nAfter.'))).toBe('<p>After.</p>');
    expect(pageBody(load('# Hostile *links*\n\nAfter.'))).toBe('<p>After.</p>');
    expect(pageBody(load('# Other\n\nAfter.'))).toBe('<h1 id="other">Other</h1>\n<p>After.</p>');
  });

  const cases = Object.entries(CARRIERS).flatMap(([carrier, place]) => Object.entries(LINK_FORMS).map(([form, [link, hrefs]]) => ({ carrier, form, place, link, hrefs })));

  it.each(cases)('markup in $carrier next to $form: every page is safe and only hrefs change', ({ place, link, hrefs }) => {
    const carried = MARKUP.map((markup) => place(markup));
    const body = [...carried.map((text, index) => `${text}${SPLICE_TAILS[index % SPLICE_TAILS.length] ?? ''} ${link}`), link, carried.join(' ')].join('\n\n');
    const loaded = load(body);
    expect(siteProblems(loaded.site)).toEqual([]);
    const { written, resolved } = bodyHtml(loaded);
    const result = changes(written, resolved);
    expect(result.unintended).toEqual([]);
    // Each link form is written once per markup, once alone, and the carriers that are links add theirs.
    expect(result.hrefs).toBeGreaterThanOrEqual(hrefs * (MARKUP.length + 1));
  });
});

describe(`link rewrite on generated markup in attributes (seed ${SEED}, ${RUNS} runs each)`, () => {
  const markup = fc.array(fc.oneof(fc.constantFrom(...MARKUP, ...SPLICE_TAILS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
  const piece = fc.oneof(
    fc.tuple(fc.constantFrom(...Object.values(CARRIERS)), markup).map(([place, text]) => place(text)),
    fc.constantFrom(...Object.values(LINK_FORMS).map(([link]) => link)),
    fc.constantFrom(...SPLICE_TAILS, '\n\n', ' ', '> ', '- ', '| a | b |\n|---|---|\n| '),
  );
  const body = fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(''));

  it(
    'every page passes the static safety check and no attribute but a link href changes',
    () => {
      fc.assert(
        fc.property(body, (text) => {
          const loaded = load(text);
          expect(siteProblems(loaded.site)).toEqual([]);
          const { written, resolved } = bodyHtml(loaded);
          expect(changes(written, resolved).unintended).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'the pieces, links as written, are exactly the HTML of the whole tree',
    () => {
      fc.assert(
        fc.property(fc.oneof(body, markdown), (text) => {
          const hast = raw(toHast(parseMarkdown(text), { allowDangerousHtml: true })) as HastRoot;
          const clean = sanitize(hast, defaultSchema) as HastRoot;
          expect(piecesHtml(bodyPieces(clean), () => undefined)).toBe(toHtml(clean));
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('link rewrite cost', () => {
  /** The least time of three, in ms, to parse `body` and build the site with it. */
  function fastest(body: string): number {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      load(body);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  it('grows linearly with a body full of `<a` inside an attribute (the regex was quadratic: 1.2 MB took 86 s)', () => {
    const body = (n: number): string => `<img src="i.png" alt="${'<a'.repeat(n)}"> [l](b.md)\n\n${'<img alt="<a" title=" x">'.repeat(n / 20)}`;
    fastest(body(1_000));
    // 4n stays under the 256 KiB a block that cannot be split may have (src/parse/chunks.ts).
    const n = 15_000;
    const small = fastest(body(n));
    const large = fastest(body(4 * n));
    // Linear is ×4; quadratic would be ×16. The bound leaves room for a noisy shared machine.
    expect(large / small, `${small.toFixed(0)} ms at n, ${large.toFixed(0)} ms at 4n`).toBeLessThan(8);
  }, 120_000);
});
