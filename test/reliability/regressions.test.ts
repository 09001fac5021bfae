/**
 * One test per bug the property and hostile-input tests found, named after the bug. The deep-nesting
 * and colliding-id bugs are pinned at the CLI in hostile.test.ts as well.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { MAX_NESTING, MAX_TREE_DEPTH } from '../../src/parse/nesting.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { alertFolders } from '../../src/model/alert-paths.js';
import { CONFIG as CONFIG_FOR_TESTS, locationProblems, runPipeline } from './pipeline.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function located(text: string, ruleId: string): readonly string[] {
  const bytes = encode(text);
  const result = runPipeline(bytes);
  expect(locationProblems(bytes, result)).toEqual([]);
  return result.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.ruleId === ruleId).map((diagnostic) => `${diagnostic.span.start.line}:${diagnostic.span.start.column}-${diagnostic.span.end.line}:${diagnostic.span.end.column}`);
}

describe('regressions found by the reliability suites', () => {
  it('a YAML error at an unclosed quote was placed one column past the end of its line', () => {
    expect(located("---\ntitle: 'a\n---\n", 'yaml-syntax')).toEqual(['2:10-2:10']);
  });

  it('a lone CR in the frontmatter shifted the lines of YAML errors (Markdown counts it as a line break, the yaml package did not)', () => {
    expect(located('---\rtitle: ok\rowner: [a\r---\n', 'yaml-syntax').length).toBeGreaterThan(0);
    expect(located('---\ntitle: ok\rx: "a\rb: c\n---\n', 'yaml-syntax')).toEqual(['4:5-4:5']);
  });

  it("YAML errors inside a broken flow collection were put on the previous line (the yaml package's LineCounter missed the line break)", () => {
    expect(located('---\n- x\ntitel: [[[|\n  \ufffd]]]\n---\n', 'yaml-syntax')).toContain('4:6-4:7');
  });

  it('a YAML error at a CRLF line break was placed past the end of its line', () => {
    expect(located("---\ntitle: 0\ntitel: {\"\": \r  - &a 0\r  - []\r\n  - ''}\n---\n", 'yaml-syntax')).toContain('5:7-6:1');
  });

  it('placeholder text after a lone CR was reported on the wrong line and column', () => {
    expect(located('---\ntitle: t\n---\nfirst\rsecond TODO\n', 'placeholder-text')).toEqual(['5:8-5:12']);
  });

  it('10,000 nested block quotes overflowed the stack in remark-gfm (now a located unreadable-file)', () => {
    const loaded = parseRunbook({ id: 'deep', file: 'deep.md', path: '/runbooks/deep.md', bytes: encode(`${'>'.repeat(10_000)} x\n`) }, CONFIG_FOR_TESTS);
    expect(loaded).toEqual({
      kind: 'unreadable',
      file: 'deep.md',
      reason: `nested 10000 levels deep (block quotes, lists, indentation); at most ${MAX_NESTING} levels are read`,
      span: { start: { line: 1, column: MAX_NESTING + 1 }, end: { line: 1, column: MAX_NESTING + 1 } },
    });
  });

  it('10,000 nested list items took minutes and then overflowed the stack (now a located unreadable-file at once)', () => {
    const loaded = parseRunbook({ id: 'deep', file: 'deep.md', path: '/runbooks/deep.md', bytes: encode(`intro\n\n${'* '.repeat(10_000)}x\n`) }, CONFIG_FOR_TESTS);
    expect(loaded.kind === 'unreadable' && `${loaded.span.start.line}:${loaded.span.start.column} ${loaded.reason}`).toBe(
      `3:${2 * MAX_NESTING + 1} nested 10000 levels deep (block quotes, lists, indentation); at most ${MAX_NESTING} levels are read`,
    );
  });

  it(`emphasis nested more than ${MAX_TREE_DEPTH} levels overflowed the stack in mdast-util-to-hast (now a located unreadable-file)`, () => {
    const loaded = parseRunbook({ id: 'deep', file: 'deep.md', path: '/runbooks/deep.md', bytes: encode(`${'*'.repeat(1000)}x${'*'.repeat(1000)}\n`) }, CONFIG_FOR_TESTS, { render: true });
    expect(loaded.kind).toBe('unreadable');
  });

  it('a thematic break of many dashes is not mistaken for deep nesting', () => {
    const loaded = parseRunbook({ id: 'hr', file: 'hr.md', path: '/runbooks/hr.md', bytes: encode(`a\n\n${'- '.repeat(500)}\n\n${'*'.repeat(1000)}\n`) }, CONFIG_FOR_TESTS, { render: true });
    expect(loaded.kind).toBe('runbook');
  });
});

describe('regressions found by the output-folder test', () => {
  it('an alert, team or service named `index.html` made the build fail with EEXIST (its folder collided with the index page)', () => {
    const result = runPipeline(encode(['---', 'title: t', 'owner: data', 'service: index.html', 'severity: low', 'last_tested: 2026-11-01', 'alerts: [index.html, INDEX.HTML]', '---', ''].join('\n')));
    const paths = result.site.map((file) => file.path);
    expect(paths).toContain('alerts/index.html');
    // `index.html_` and `INDEX.HTML_` differ only in case (one folder where case is ignored): each gets a hashed page.
    const folders = alertFolders(['index.html', 'INDEX.HTML']);
    for (const name of ['index.html', 'INDEX.HTML']) {
      const [own] = folders.get(name) ?? [];
      expect(own).toMatch(/^alerts\/(index\.html|INDEX\.HTML)_-[0-9a-f]{8}$/);
      expect(paths).toContain(`${own ?? 'missing'}/index.html`);
    }
    expect(runPipeline(encode(['---', 'title: t', 'owner: data', 'severity: low', 'last_tested: 2026-11-01', 'alerts: [index.html]', '---', ''].join('\n'))).site.map((file) => file.path)).toContain('alerts/index.html_/index.html');
    expect(paths).toContain('services/index.html_/index.html');
    // No path is both a file and a folder.
    const files = new Set(paths);
    expect(paths.filter((path) => path.split('/').slice(0, -1).some((_, index, parts) => files.has(parts.slice(0, index + 1).join('/'))))).toEqual([]);
  });
});
