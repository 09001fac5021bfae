import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDALONE_CSP } from '../../src/cheatsheet/html.js';
import { CONTENT_SECURITY_POLICY } from '../../src/site/build-site.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';
import { SETUP_TIMEOUT, SLOW_TEST_TIMEOUT, chromiumOrSkip, fileUrl, filesUnder, launchChromium, mustBuild, serveSite, type StaticServer } from './browser.js';
import { safetyProblems } from './html-safety.js';
import { clickInPlace, domProblems, fireEverything } from './in-page.js';

const chromiumPath = chromiumOrSkip();

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/site/xss');

/** Runbooks with hostile file and folder names: made at test time, so that no checkout has to hold such names. */
const HOSTILE_FILES: Readonly<Record<string, string>> = {
  'runbooks/"><img src=x onerror=__xss(1100)>.md': 'The file name is the vector (1100).',
  "runbooks/<svg onload=__xss(1101)>/javascript:__xss(1102)'.md": 'The folder and file names are vectors (1101, 1102).',
  'runbooks/{{constructor.constructor(`__xss(1103)`)()}}.md': 'A template expression as a file name (1103).',
};

function hostileRunbook(note: string): string {
  return ['---', 'title: A hostile file name', 'owner: red', 'service: xss-names', 'severity: low', 'last_tested: 2026-11-01', 'recovery: [Nothing to do]', '---', '', '## Summary', '', note, ''].join('\n');
}

/** A --base-url that tries to break out of the attributes it is written into (the 404 page and the alerts index use it). */
const HOSTILE_BASE = 'https://ok.invalid/"><script>__xss(1200)</script>/\'onmouseover=\'__xss(1201)/';

/** The numbers of every vector: `__xss(N)`, `alert(N)`, `console.log('XSS N')`, and the base64 ones spelled out. */
function vectorNumbers(text: string): ReadonlySet<number> {
  const numbers = new Set<number>();
  for (const match of text.matchAll(/__xss\((\d+)\)|__xss-(\d+)|alert\((\d+)\)|XSS (\d+)|__xss\(`?(\d+)/g)) {
    // One group matched; the others are undefined, which join() leaves out.
    numbers.add(Number(match.slice(1).join('')));
  }
  for (const encoded of text.matchAll(/base64,([A-Za-z0-9+/=]+)|atob\('([A-Za-z0-9+/=]+)'\)/g)) {
    for (const inner of vectorNumbers(Buffer.from(encoded[1] ?? encoded[2] ?? '', 'base64').toString('utf8'))) numbers.add(inner);
  }
  return numbers;
}

const folder = mkdtempSync(join(tmpdir(), 'runbook-xss-'));
const source = join(folder, 'source');
/** The site as opened from disk (no --base-url). */
const offline = join(folder, 'offline');
/** The site as served under a base path (with --base-url: the 404 page uses it). */
const served = join(folder, 'served');
/** The site built with a hostile --base-url: checked as text only. */
const hostileBase = join(folder, 'hostile-base');
/** The site built with a template override that does not escape the title: the checks must catch it. */
const unsafe = join(folder, 'unsafe');
let server: StaticServer;

beforeAll(async () => {
  cpSync(FIXTURE, source, { recursive: true });
  for (const [path, note] of Object.entries(HOSTILE_FILES)) {
    mkdirSync(join(source, path, '..'), { recursive: true });
    writeFileSync(join(source, path), hostileRunbook(note));
  }
  server = await serveSite(served, '/x/base/');
  await mustBuild(source, 'runbooks', offline);
  await mustBuild(source, 'runbooks', served, ['--base-url', server.url('')]);
  await mustBuild(source, 'runbooks', hostileBase, ['--base-url', HOSTILE_BASE]);
  // The same runbooks through a runbook template that writes the title unescaped (`{{{title}}}`).
  const unsafeSource = join(folder, 'unsafe-source');
  cpSync(source, unsafeSource, { recursive: true });
  mkdirSync(join(unsafeSource, 'unsafe-templates'));
  const runbookTemplate = readFileSync(join(PROJECT_ROOT, 'templates', 'runbook.hbs'), 'utf8');
  if (!runbookTemplate.includes('<h1>{{title}}</h1>')) throw new Error('templates/runbook.hbs has no `<h1>{{title}}</h1>` to make unsafe: update this test');
  writeFileSync(join(unsafeSource, 'unsafe-templates', 'runbook.hbs'), runbookTemplate.replace('<h1>{{title}}</h1>', '<h1>{{{title}}}</h1>'));
  const config = join(unsafeSource, 'runbook.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^site:\n/m, 'site:\n  templates: unsafe-templates\n'));
  await mustBuild(unsafeSource, 'runbooks', unsafe);
}, SETUP_TIMEOUT);

afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}, SETUP_TIMEOUT);

function htmlPages(site: string): readonly string[] {
  return filesUnder(site).filter((path) => path.endsWith('.html'));
}

describe('the XSS fixture', () => {
  it('holds well over 100 distinct vectors, in the body, the frontmatter, the config and the file names', () => {
    const texts = [...readdirSync(join(FIXTURE, 'runbooks')).map((name) => readFileSync(join(FIXTURE, 'runbooks', name), 'utf8')), readFileSync(join(FIXTURE, 'runbook.config.yaml'), 'utf8')];
    const numbers = vectorNumbers([...texts, ...Object.keys(HOSTILE_FILES), HOSTILE_BASE].join('\n'));
    expect(numbers.size).toBeGreaterThanOrEqual(150);
  });

  it('builds into pages for every runbook, including those with hostile file names', () => {
    const pages = htmlPages(offline).filter((path) => path.startsWith('runbooks/'));
    expect(pages.length).toBe(readdirSync(join(FIXTURE, 'runbooks')).length + Object.keys(HOSTILE_FILES).length);
  });
});

describe('the static safety check', () => {
  const expectations = { page: 'runbooks/a/index.html', csp: CONTENT_SECURITY_POLICY, base: undefined, exists: () => true };
  const page = (body: string) =>
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#x27;')}"><script src="../../assets/site.js" defer></script></head><body>${body}</body></html>`;

  it('passes a page with hostile text that is only text or quoted attribute values', () => {
    expect(safetyProblems(page('<p title="&quot;><img src=x onerror=a()>">&lt;script&gt;a()&lt;/script&gt;</p><a href="https://ok.invalid/">ok</a>'), expectations)).toEqual([]);
  });

  it.each([
    ['an inline script', '<script>a()</script>'],
    ['a script from elsewhere', '<script src="https://evil.invalid/x.js"></script>'],
    ['an event handler', '<img src=x onerror=a()>'],
    ['an unquoted handler after a slash', '<img/src/onerror=a()>'],
    ['a javascript: link with a tab entity and leading spaces', '<a href="  java&#x09;script:a()">x</a>'],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:a()">x</a>'],
    ['a data: link', '<a href="data:text/html,<script>a()</script>">x</a>'],
    ['a form action', '<form action="javascript:a()"></form>'],
    ['an iframe', '<iframe srcdoc="x"></iframe>'],
    ['a base element', '<base href="https://evil.invalid/">'],
    ['a meta refresh to javascript:', '<meta http-equiv="refresh" content="0; url=javascript:a()">'],
    ['an svg', '<svg></svg>'],
  ])('flags %s', (_name, body) => {
    expect(safetyProblems(page(body), expectations).length).toBeGreaterThan(0);
  });

  it('flags a page without the CSP meta', () => {
    expect(safetyProblems('<!doctype html><html><head></head><body></body></html>', expectations)).toEqual(['expected one Content-Security-Policy meta, found 0']);
  });
});

describe('a site built from hostile runbooks, read as HTML', () => {
  const sites = [
    { name: 'opened from disk', site: () => offline, base: () => undefined },
    { name: 'served with --base-url', site: () => served, base: () => server.url('') },
    { name: 'built with a hostile --base-url', site: () => hostileBase, base: () => HOSTILE_BASE },
  ];

  it.each(sites)('$name: every page has the CSP, only the site\'s own scripts, no event handler and no scripting URL', ({ site, base }) => {
    const pages = htmlPages(site());
    expect(pages.length).toBeGreaterThan(30);
    const problems = pages.flatMap((path) =>
      safetyProblems(readFileSync(join(site(), path), 'utf8'), { page: path, csp: CONTENT_SECURITY_POLICY, base: path === '404.html' ? base() : undefined, exists: (file) => existsSync(join(site(), file)) }).map(
        (problem) => `${path}: ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('standalone cheat sheets (`runbook cheatsheet --format html`, every team and service): no script, no handler, no scripting URL', async () => {
    const sheets = join(folder, 'sheets');
    for (const by of [[], ['--service']]) {
      const result = await runCli(['cheatsheet', '--format', 'html', '--no-git', '--today', '2026-11-27', '--out', sheets, ...by], source);
      expect(result.code, result.stderr).toBe(0);
    }
    const pages = filesUnder(sheets).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const problems = pages.flatMap((path) => {
      const html = readFileSync(join(sheets, path), 'utf8');
      // The standalone sheet carries its stylesheet inline (its CSP allows exactly that, and nothing else).
      return safetyProblems(html, { page: path, csp: STANDALONE_CSP, base: undefined, exists: () => false })
        .filter((problem) => !/^forbidden element <style> at \d+$/.test(problem))
        .map((problem) => `${path}: ${problem}`);
    });
    expect(problems).toEqual([]);
    const all = pages.map((path) => readFileSync(join(sheets, path), 'utf8')).join('\n');
    expect(all).toContain('&lt;script&gt;__xss(400)&lt;/script&gt;');
  });

  it('catches a template that writes a value unescaped (the check can fail)', () => {
    const html = readFileSync(join(unsafe, 'runbooks/frontmatter/index.html'), 'utf8');
    const problems = safetyProblems(html, { page: 'runbooks/frontmatter/index.html', csp: CONTENT_SECURITY_POLICY, base: undefined, exists: (file) => existsSync(join(unsafe, file)) });
    expect(problems).toContainEqual(expect.stringMatching(/^inline script/));
    expect(problems).toContainEqual(expect.stringMatching(/^event handler onerror="__xss\(401\)"/));
  });

  it('shows code, commands and frontmatter values as text, not as markup', () => {
    const code = readFileSync(join(offline, 'runbooks/code/index.html'), 'utf8');
    expect(code).toContain('<code>&#x3C;script>__xss(302)&#x3C;/script></code>');
    // A step's command: one span per space-free token (it wraps only at spaces), every character escaped.
    expect(code).toContain('<code><span class="token">&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;__xss(300)&lt;/script&gt;&lt;pre&gt;&lt;code&gt;</span></code>');
    const frontmatter = readFileSync(join(offline, 'runbooks/frontmatter/index.html'), 'utf8');
    expect(frontmatter).toContain('<h1>Frontmatter &lt;script&gt;__xss(400)&lt;/script&gt; &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;__xss(401)&gt;</h1>');
  });

  it('rejects javascript:, data: and disguised script URLs in frontmatter links, and shows no link for them', () => {
    for (const name of ['links-javascript', 'links-spaced', 'links-data', 'links-tab']) {
      const html = readFileSync(join(offline, `runbooks/${name}/index.html`), 'utf8');
      expect(html, name).toMatch(/Invalid <code>links<\/code>/);
      expect(html, name).not.toContain('class="links"');
    }
  });
});

interface Hits {
  /** Vectors that ran: `__xss(N)`, a dialog, or a console line `XSS N`. */
  readonly ran: string[];
  /** Content-Security-Policy violations (a vector that got into the page and was blocked there). */
  readonly blocked: string[];
  /** Errors thrown by the page's own scripts. */
  readonly pageErrors: string[];
}

function watchForVectors(page: Page, hits: Hits, label: () => string): void {
  page.on('dialog', (dialog) => {
    hits.ran.push(`${label()}: dialog ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/\bXSS \d+/.test(message.text())) hits.ran.push(`${label()}: console ${message.text()}`);
    if (/Content Security Policy/i.test(message.text())) hits.blocked.push(`${label()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => hits.pageErrors.push(`${label()}: ${error.message}`));
}

async function newWatchedContext(browser: Browser, hits: Hits, label: () => string, options: { readonly bypassCSP: boolean }): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP: options.bypassCSP });
  await context.exposeFunction('__xss', (n: unknown) => hits.ran.push(`${label()}: __xss(${String(n)})`));
  // No request leaves the machine: anything not on the site's own server or disk is refused.
  await context.route(
    (url) => url.protocol !== 'file:' && url.host !== new URL(server.origin).host,
    (route) => route.abort(),
  );
  return context;
}

describe.skipIf(chromiumPath === undefined)('a site built from hostile runbooks, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath ?? '');
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser.close();
  });

  it('notices a vector that runs (the detectors work): a script, a handler, a dialog and a console line', async () => {
    const hits: Hits = { ran: [], blocked: [], pageErrors: [] };
    const context = await newWatchedContext(browser, hits, () => 'control', { bypassCSP: false });
    const page = await context.newPage();
    watchForVectors(page, hits, () => 'control');
    const control = join(folder, 'control.html');
    writeFileSync(control, `<!doctype html><p>control</p><script>window.__xss(0)</script><img src="x" onerror="alert(0)"><img src="y" onerror="console.log('XSS 0')">`);
    await page.goto(fileUrl(folder, 'control.html'));
    await expect.poll(() => hits.ran.length).toBe(3);
    const blocked = join(folder, 'blocked.html');
    writeFileSync(blocked, `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#x27;')}"><script>window.__xss(0)</script>`);
    await page.goto(fileUrl(folder, 'blocked.html'));
    await expect.poll(() => hits.blocked.length).toBeGreaterThan(0);
    expect(hits.ran.length).toBe(3);
    await context.close();
  });

  it('catches, without the CSP, a vector that a template let through (the check can fail)', async () => {
    const hits: Hits = { ran: [], blocked: [], pageErrors: [] };
    const context = await newWatchedContext(browser, hits, () => 'unsafe', { bypassCSP: true });
    const page = await context.newPage();
    watchForVectors(page, hits, () => 'unsafe');
    await page.goto(fileUrl(unsafe, 'runbooks/frontmatter/index.html'));
    await expect.poll(() => hits.ran).toEqual(['unsafe: __xss(400)', 'unsafe: __xss(401)']);
    await context.close();
  });

  interface Pass {
    readonly name: string;
    readonly bypassCSP: boolean;
    url(path: string): string;
    prefix(): string;
    site(): string;
  }

  const servedPass: Pass = { name: 'served over http, with the CSP', bypassCSP: false, url: (path) => server.url(path), prefix: () => server.url(''), site: () => served };
  // With the CSP switched off, a vector that got past the sanitiser would run: this pass tests the escaping itself.
  const offlinePass: Pass = { name: 'from file:// with the CSP switched off', bypassCSP: true, url: (path) => fileUrl(offline, path), prefix: () => fileUrl(offline, ''), site: () => offline };
  const passes: readonly Pass[] = [servedPass, offlinePass];

  /** What one pass over the whole site saw. */
  interface Visit {
    readonly hits: Hits;
    /** What the live DOM of each page holds that it may not. */
    readonly domProblems: readonly string[];
    /** How many buttons and odd links were clicked. */
    readonly clicked: number;
    /** The first search result's title for `frontmatter`, as the page shows it. */
    readonly searchTitle: string | null;
    /** Elements in the search results that only markup would make. */
    readonly searchMarkup: number;
  }

  /**
   * Loads every page of a pass's site, pokes every element (and, without the CSP, clicks every
   * button and odd link on the runbook pages), then searches the index for hostile words.
   */
  async function visitEveryPage(pass: Pass): Promise<Visit> {
    const hits: Hits = { ran: [], blocked: [], pageErrors: [] };
    let current = '';
    const context = await newWatchedContext(browser, hits, () => current, { bypassCSP: pass.bypassCSP });
    try {
      const page = await context.newPage();
      watchForVectors(page, hits, () => current);
      const problems: string[] = [];
      let clicked = 0;
      for (const path of htmlPages(pass.site())) {
        current = path;
        const redirects = path.startsWith('alerts/') && path !== 'alerts/index.html';
        await page.goto(pass.url(path), { waitUntil: redirects ? 'commit' : 'load' });
        if (redirects) {
          // An alert page moves on to its runbook (checked on its own) by itself once loaded: any handler on it has had its chance.
          await page.waitForURL(/\/runbooks\//, { waitUntil: 'commit' });
          continue;
        }
        problems.push(...(await page.evaluate(domProblems, pass.prefix())).map((problem) => `${path}: ${problem}`));
        await page.evaluate(fireEverything);
        if (pass.bypassCSP && path.startsWith('runbooks/')) clicked += await clickOddTargets(page, pass.url(path));
      }

      current = 'index.html (search)';
      await page.goto(pass.url('index.html'));
      for (const query of ['xss', 'script', 'onerror', 'constructor', 'javascript', 'frontmatter']) {
        await page.fill('#RB-search-input', query);
        await page.locator('#RB-search-status').filter({ hasText: /runbook/ }).waitFor();
      }
      const title = page.locator('#RB-search-results .search-result-title').filter({ hasText: /^Frontmatter/ }).first();
      await title.waitFor();
      const searchTitle = await title.textContent();
      const searchMarkup = await page.locator('#RB-search-results script, #RB-search-results img, #RB-search-results svg, #RB-search-results iframe').count();
      await page.evaluate(fireEverything);
      await page.waitForTimeout(100);
      return { hits, domProblems: problems, clicked, searchTitle, searchMarkup };
    } finally {
      await context.close();
    }
  }

  describe('every page, visited by two passes at once', () => {
    const visits = new Map<string, Visit>();

    beforeAll(async () => {
      // The two passes run side by side: most of their time is Chromium's, which then uses both cores.
      await Promise.all(passes.map(async (pass) => visits.set(pass.name, await visitEveryPage(pass))));
    }, SLOW_TEST_TIMEOUT);

    const visitOf = (pass: Pass): Visit => {
      const visit = visits.get(pass.name);
      if (visit === undefined) throw new Error(`no visit for ${pass.name}`);
      return visit;
    };

    it.each(passes)('$name: no injected script ran on any page, with every element focused and sent hover, focus and drag events', (pass) => {
      const visit = visitOf(pass);
      expect(visit.domProblems).toEqual([]);
      expect(visit.hits.ran).toEqual([]);
      // Under the CSP, a blocked inline script or handler means one got into the page: the sanitiser failed.
      expect(visit.hits.blocked).toEqual([]);
    });

    it('clicked, without the CSP, every button, summary and odd link of the runbook pages', () => {
      // Sanitised links (no address left), copy buttons, footnote links, links to missing files.
      expect(visitOf(offlinePass).clicked).toBeGreaterThan(40);
    });

    it.each(passes)('$name: search results show hostile titles as text', (pass) => {
      const visit = visitOf(pass);
      expect(visit.searchTitle).toBe('Frontmatter <script>__xss(400)</script> "><img src=x onerror=__xss(401)>');
      expect(visit.searchMarkup).toBe(0);
    });

    it.each(passes)("$name: the site's own scripts keep working on every page (a runbook body cannot clobber the DOM they use)", (pass) => {
      expect(visitOf(pass).hits.pageErrors).toEqual([]);
    });
  });

  it('runs no injected script on the 404 page when the missing address itself is the vector', async () => {
    const hits: Hits = { ran: [], blocked: [], pageErrors: [] };
    const context = await newWatchedContext(browser, hits, () => '404', { bypassCSP: true });
    const page = await context.newPage();
    watchForVectors(page, hits, () => '404');
    const response = await page.goto(server.url(`alerts/${encodeURIComponent('"><img src=x onerror=__xss(1300)>')}/`));
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.inputValue('#RB-search-input')).toBe('"><img src=x onerror=__xss(1300)>');
    await expect.poll(() => page.locator('#RB-search-status').textContent()).not.toBe('');
    expect(await page.locator('main img').count()).toBe(0);
    await page.evaluate(fireEverything);
    expect(hits.ran).toEqual([]);
    expect(hits.pageErrors).toEqual([]);
    await context.close();
  });
});

/**
 * Clicks what could run something on a runbook page. Buttons, summaries and links that stay on the
 * page (no address, or `#…`) are clicked in the page, all at once: a scripted click runs inline
 * handlers and `javascript:` addresses as a real one does. Links to anywhere else that is not an
 * ordinary address (the site's pages, http, mailto, tel: those cannot run script and are visited
 * anyway) get a real click each, and the page is loaded again after the navigation.
 */
async function clickOddTargets(page: Page, url: string): Promise<number> {
  let clicked = await page.evaluate(clickInPlace);
  const links = page.locator('main a[href]');
  const count = await links.count();
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const href = (await link.getAttribute('href')) ?? '';
    const ordinary = href.startsWith('#') || /^(https?|mailto|tel):/.test(href) || /^(\.\.\/)+[^:]*$/.test(href);
    if (ordinary || !(await link.isVisible())) continue;
    // The click waits for the navigation it starts (a missing file on disk, a 404 over http): slow on a loaded machine.
    await link.click({ timeout: 15_000 });
    clicked += 1;
    if (page.url() !== url) await page.goto(url);
  }
  return clicked;
}
