/**
 * Every id on a page is unique: a runbook's headings take slugs (`## Search input` → `search-input`),
 * so the page's own ids (the search box, its results, the table of contents, the panel's sections)
 * are spelled in a way no slug can be (`RB-…`, with capitals). A duplicate would let a heading take
 * the search box's label, its live region or the option `aria-activedescendant` names (the search
 * box is on the index and the 404 page today, but nothing should depend on that).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { buildSite } from '../../src/site/build-site.js';
import { TEMPLATES } from '../reliability/pipeline.js';
import { TODAY } from '../helpers.js';

const HEADINGS = ['Search input', 'Search results', 'Search status', 'Search result 0', 'RB recovery steps', 'Rb escalation', 'Main', 'Drills', 'Contents', 'Toc'];

const TEXT = `---
title: Lookalike headings
owner: platform
severity: high
last_tested: 2026-11-01
alerts: [LookalikeDown]
recovery:
  - Restart it.
---
# Lookalike headings

${HEADINGS.map((heading) => `## ${heading}\n\nText.\n`).join('\n')}`;

describe('ids on the pages', () => {
  const config = parseConfig('root: runbooks', '/c/runbook.config.yaml');
  const result = parseRunbook({ id: 'ops/lookalike', file: 'runbooks/ops/lookalike.md', path: '/c/runbooks/ops/lookalike.md', bytes: new TextEncoder().encode(TEXT) }, config, { render: true });
  if (result.kind !== 'runbook') throw new Error(result.reason);
  const site = buildSite({ runbooks: [result.runbook], bodies: new Map([[result.runbook.path, result.body]]), diagnostics: [], config, today: TODAY, git: { kind: 'none' }, templates: TEMPLATES });

  it('are unique on every page, with headings named like the page\'s own ids', () => {
    const pages = site.filter((file) => file.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const ids = [...page.content.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
      const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
      expect(repeated, page.path).toEqual([]);
    }
    const runbookPage = String(site.find((file) => file.path === 'runbooks/ops/lookalike/index.html')?.content);
    for (const slug of ['search-input', 'search-results', 'search-status', 'search-result-0']) expect(runbookPage).toContain(`id="${slug}"`);
    expect(String(site.find((file) => file.path === 'index.html')?.content)).toContain('id="RB-search-input"');
  });
});
