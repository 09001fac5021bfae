/**
 * Crafted but plausible files that took quadratic time: each is now linear, and each test measures
 * the growth from n to 4n (see growth.ts), with n large enough that the old code was plainly
 * quadratic (ratios of 16 to 80).
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/run.js';
import type { Runbook } from '../../src/model/runbook.js';
import { readBody } from '../../src/parse/body.js';
import { defaultConfig } from '../../src/parse/config.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { collectionView } from '../../src/view/collection-view.js';
import { runbookOf, TODAY } from '../helpers.js';
import { growthOf, MAX_RATIO } from './growth.js';

const CONFIG = defaultConfig('/runbooks');
const CONTEXT = { config: CONFIG, today: TODAY, git: { kind: 'none' } as const, existingFiles: new Set<string>(), rootLabel: 'runbooks' };

describe('linear time on crafted input', () => {
  it('thousands of headings: finding the sections no longer copies the rest of the file per heading (100 KB of headings took 40 s)', () => {
    const growth = growthOf(8000, (n) => parseMarkdown('# a\n'.repeat(n)), (tree) => readBody(tree, CONFIG));
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('thousands of broken links in one file: check and the site data no longer copy the per-file diagnostics per link (100k links took 655 s)', () => {
    // The links as the parser gives them (parsing is measured apart, below), so that n can be large.
    const base = runbookOf('# Top\n');
    const links = (n: number): Runbook => ({
      ...base,
      bodyLinks: Array.from({ length: n }, (_, i) => ({ url: `missing-${i}.md`, span: { start: { line: 3 + 2 * i, column: 1 }, end: { line: 3 + 2 * i, column: 22 } } })),
    });
    const growth = growthOf(20_000, links, (runbook) => {
      const diagnostics = runChecks([{ kind: 'runbook', runbook, body: { kind: 'not-rendered' } }], CONTEXT);
      expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'broken-link').length).toBeGreaterThan(1000);
      return collectionView([runbook], diagnostics, CONFIG, TODAY, { kind: 'none' });
    });
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('thousands of links to missing anchors in a file of thousands of headings: broken-anchor makes the heading slugs once per file, not once per link', () => {
    const anchors = (n: number): Runbook => runbookOf(Array.from({ length: n }, (_, i) => `# h${i}\n\n[x](#gone-${i})\n`).join('\n'));
    const growth = growthOf(2000, anchors, (runbook) => {
      const diagnostics = runChecks([{ kind: 'runbook', runbook, body: { kind: 'not-rendered' } }], CONTEXT);
      expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'broken-anchor').length).toBeGreaterThan(1000);
    });
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('thousands of runbooks of one team: the team index no longer copies the team list per runbook', () => {
    const base = runbookOf('---\ntitle: T\nowner: data\n---\n# T\n');
    const team = (n: number): readonly Runbook[] =>
      Array.from({ length: n }, (_, i) => ({ ...base, id: `r${i}`, file: `runbooks/r${i}.md`, path: `/runbooks/r${i}.md` }));
    // At 10,000 the timings were ~20 ms and the whole run fits in the processor's caches while
    // 4n does not: linear work measured 5-8x and failed CI once. From 40,000 both sizes are past them.
    const growth = growthOf(40_000, team, (runbooks) => {
      const data = collectionView(runbooks, [], CONFIG, TODAY, { kind: 'none' });
      expect(data.teams[0]?.runbooks.length).toBe(runbooks.length);
    });
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('paragraphs that start with a link are split into chunks, so a file of thousands of them parses in linear time', () => {
    const text = (n: number): string => `# Top\n\n${Array.from({ length: n }, (_, i) => `[x](missing-${i}.md) and text`).join('\n\n')}\n`;
    const growth = growthOf(3000, text, (markdown) => parseMarkdown(markdown), 2);
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 120_000);
});

describe('sections found in one pass', () => {
  it('a section ends at the next heading of the same or a higher level; a subsection is content, a comment is not', () => {
    const runbook = runbookOf('# A\n## B\ntext\n# C\n<!-- note -->\n## D\n<!-- only a comment -->\n### E\n## Recovery\n\nSee below.\n\n1. step one\n2. step two\n# F\n');
    expect(runbook.sections.map((section) => [section.heading.text, section.empty])).toEqual([
      ['A', false],
      ['B', false],
      ['C', false],
      ['D', false],
      ['E', true],
      ['Recovery', false],
      ['F', true],
    ]);
    expect(runbook.recovery).toMatchObject({ source: 'body', steps: [{ text: 'step one' }, { text: 'step two' }] });
  });

  it('the recovery steps are the first ordered list of the first recovery section that has one, not of a later section', () => {
    const runbook = runbookOf('## Recovery\n\nNothing here.\n\n## Impact\n\n1. not a step\n\n## Recovery\n\n1. the step\n');
    expect(runbook.recovery).toMatchObject({ source: 'body', steps: [{ text: 'the step' }] });
  });
});

describe('stitching chunks back', () => {
  it('a chunk of 200,000 thematic breaks overflowed the stack when its nodes were spread into the tree (now parsed)', () => {
    const tree = parseMarkdown(`intro\n\n${'***\n'.repeat(200_000)}\nword\n`);
    expect(tree.children.length).toBe(200_002);
  }, 120_000);
});
