import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileSheetHtml, sheetTemplatesOf, STANDALONE_CSP, type SheetHtmlRenderer } from '../../src/cheatsheet/html.js';
import { loadTemplates } from '../../src/io/templates.js';
import { CONTENT_SECURITY_POLICY } from '../../src/site/build-site.js';
import { PROJECT_ROOT } from '../shared.js';
import { HOSTILE } from './hostile-sheet.js';
import { sheetOf, TEAM_OF_TEN } from './sheets.js';

const render: SheetHtmlRenderer = compileSheetHtml(sheetTemplatesOf(loadTemplates(undefined)));
const css = readFileSync(join(PROJECT_ROOT, 'templates', 'cheatsheet', 'sheet.css'), 'utf8');
const search = await sheetOf(TEAM_OF_TEN, 'search');
const standalone = render(search, { kind: 'standalone' });
const site = render(search, { kind: 'site', csp: CONTENT_SECURITY_POLICY, scripts: ['assets/site.js'] });

describe('standalone HTML cheat sheet', () => {
  test('has no script at all', () => {
    expect(standalone).not.toMatch(/<script/i);
    expect(standalone).not.toMatch(/\bon[a-z]+=/i);
    expect(standalone).not.toMatch(/<button|\sdata-print/);
  });

  test('is self-contained: inline CSS, nothing loaded from anywhere', () => {
    expect(standalone).toContain('<style>');
    expect(standalone).not.toMatch(/<link\b|\bsrc=|@import|url\(/i);
    expect(standalone).toContain(`content="${STANDALONE_CSP.replaceAll("'", '&#x27;')}"`);
  });

  test('is made for print: A4 and Letter margins, no step split across pages, URLs printed after links', () => {
    expect(css).toMatch(/@page\s*\{\s*margin: 12mm/);
    expect(css).not.toMatch(/size:\s*(A4|letter)/i);
    expect(css).toMatch(/\.step \{ break-inside: avoid;/);
    expect(css).toMatch(/h2 \{[^}]*break-after: avoid/);
    expect(css).toContain('a[href]::after { content: " (" attr(href) ")";');
    expect(css).toMatch(/font: 9\.5pt/);
  });

  test('shows every runbook with its status, steps and link, and the date and commit', () => {
    expect(standalone.match(/<section class="runbook /g)).toHaveLength(10);
    expect(standalone).toContain('<section class="runbook status-stale flagged">');
    expect(standalone).toContain('<p class="status">STALE (last tested 2026-04-02, due 2026-10-02): the steps may no longer work</p>');
    expect(standalone).not.toContain('<p class="more">');
    expect(standalone).toContain('<a href="https://runbooks.example.com/runbooks/cluster-red/">Full runbook</a>');
    expect(standalone).toContain('Generated 2026-11-27 from commit <code>abc1234</code>');
  });

  test('escapes everything taken from runbooks and the config', () => {
    const html = render(HOSTILE, { kind: 'standalone' });
    expect(html).not.toMatch(/<(img|script|b|i)\b/);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;');
    expect(html).not.toMatch(/href="\s*java/);
    expect(html).toContain('no command here click me <code>&#x60;&lt;b&gt;&#x60;');
    expect(html).toContain('<p class="expect">Expect: &lt;/p&gt;&lt;img src&#x3D;x onerror&#x3D;alert(4)&gt;');
  });
});

describe('the cheat sheet as a page of the site', () => {
  test('links its stylesheet and the site script instead of inlining anything (the CSP forbids it)', () => {
    expect(site).not.toContain('<style');
    expect(site).toContain('<link rel="stylesheet" href="../../../assets/cheatsheet.css">');
    expect(site).toContain('<script src="../../../assets/site.js" defer></script>');
    expect(site).toContain("script-src &#x27;self&#x27;");
  });

  test('has a print button that only the site script shows', () => {
    expect(site).toContain('<button type="button" data-print hidden>Print this sheet</button>');
    expect(readFileSync(join(PROJECT_ROOT, 'templates', 'assets', 'site.js'), 'utf8')).toMatch(/\[data-print\][\s\S]*window\.print\(\)/);
  });

  test('links to the runbook pages relatively and prints their URL', () => {
    expect(site).toContain('<a href="../../../runbooks/cluster-red/index.html" data-url="https://runbooks.example.com/runbooks/cluster-red/">Full runbook</a>');
  });
});
