/**
 * Attack: a recovery written as prose holding a table whose first column reads `# DB down (critical)`,
 * `---`, `- item` or `1. Drop it`. The Markdown cheat sheet writes each row on a line of its own, and
 * wrote the first cell unescaped: those rows became headings (a fake runbook section in the team's
 * sheet), a setext rule turning the row above into a heading, and list items.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, List } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { visit } from '../../src/parse/body.js';
import { runCli } from '../cli/run-cli.js';
import { makeProject } from '../reliability/hostile-project.js';

const RUNBOOK = [
  '---',
  'title: Tables',
  'owner: data',
  'service: orders',
  'severity: low',
  'last_tested: 2026-11-01',
  '---',
  '',
  '## Recovery',
  '',
  '| Where | What |',
  '|---|---|',
  '| ## DB primary down (critical) | fake |',
  '| --- | rule |',
  '| - item | list |',
  '| 1. Drop the database | ordered |',
  '| + plus | list |',
  '| = | setext |',
  '',
].join('\n');

const folder = makeProject({ 'runbooks/tables.md': RUNBOOK });
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('table rows of a prose recovery in the Markdown cheat sheet', () => {
  it('no row starts a heading, a rule or a list: the sheet has only its own headings and no list', async () => {
    const result = await runCli(['cheatsheet', '--format', 'md', '--no-git', '--today', '2026-11-27', '--out', 'sheets'], folder);
    expect(result.code, result.stderr).toBe(0);
    const sheet = readFileSync(join(folder, 'sheets', 'data.md'), 'utf8');
    const headings: string[] = [];
    let lists = 0;
    visit(unified().use(remarkParse).use(remarkGfm).parse(sheet), (node) => {
      if (node.type === 'heading') headings.push(`${(node as Heading).depth} ${sheet.slice(node.position?.start.offset, node.position?.end.offset)}`);
      if (node.type === 'list' && (node as List).children.some((item) => sheet.slice(item.position?.start.offset, item.position?.end.offset).includes('Drop'))) lists++;
    });
    expect(headings.filter((heading) => !heading.startsWith('1 ') && !heading.includes('Tables') && !heading.includes('Escalation'))).toEqual([]);
    expect(lists).toBe(0);
    expect(sheet).toContain('\\## DB primary down (critical) \\| fake');
    expect(sheet).toContain('1\\. Drop the database \\| ordered');
  });
});
