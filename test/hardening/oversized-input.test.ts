/**
 * Files too large to parse safely are refused with a located diagnostic, in time that grows
 * linearly, and the rest of the run goes on: a block that cannot be split into chunks (a 20 MB
 * paragraph exhausted the heap and killed the process, exit 134) and a frontmatter block of a
 * million keys (2.8 GB of memory).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/run.js';
import { MAX_CHUNK, oversizedChunk, splitIntoChunks } from '../../src/parse/chunks.js';
import { defaultConfig } from '../../src/parse/config.js';
import { MAX_FRONTMATTER, parseFrontmatter } from '../../src/parse/frontmatter.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { runCli } from '../cli/run-cli.js';
import { TODAY } from '../helpers.js';
import { growthOf, MAX_RATIO } from './growth.js';

const CONFIG = defaultConfig('/runbooks');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string) => parseRunbook({ id: 'big', file: 'big.md', path: '/runbooks/big.md', bytes: encode(text) }, CONFIG);
const paragraph = (characters: number): string => `# Big\n\n${'word '.repeat(characters / 5)}\n`;
const manyKeys = (keys: number): string => `---\nlinks:\n${Array.from({ length: keys }, (_, i) => `  k${i}: https://example.com/${i}`).join('\n')}\n---\n# T\n`;

describe('a block that cannot be split into chunks', () => {
  it('a 20 MB paragraph exhausted the heap (exit 134): it is now a located unreadable-file, refused without parsing', () => {
    const text = paragraph(20_000_000);
    const loaded = parse(text);
    expect(loaded.kind === 'unreadable' && { line: loaded.span.start.line, column: loaded.span.start.column, reason: loaded.reason }).toEqual({
      line: 1,
      column: 1,
      reason: `the ${text.length} characters from this line on cannot be parsed in pieces (no blank line followed by a line that starts with a letter, a digit, \`#\` or \`[\`, outside code, comments and raw HTML); at most ${MAX_CHUNK} characters are parsed at once`,
    });
  }, 60_000);

  it('is refused in time that grows linearly with its size', () => {
    const growth = growthOf(2_500_000, paragraph, (text) => { expect(parse(text).kind).toBe('unreadable'); });
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('is located where the part that cannot be split begins, after the chunks that could be split', () => {
    const text = `${'Some words.\n\n'.repeat(4000)}- ${'item\n- '.repeat(MAX_CHUNK / 7)}item\n`;
    const loaded = parse(text);
    // Chunks of at least 24 KiB: two of the 8,000 lines of words are split off before the list.
    expect(loaded.kind === 'unreadable' && loaded.span.start).toEqual({ line: 7565, column: 1 });
  }, 60_000);

  it(`reads a chunk of ${MAX_CHUNK} characters and refuses one of ${MAX_CHUNK + 1}`, () => {
    expect(oversizedChunk(splitIntoChunks('x'.repeat(MAX_CHUNK)))).toBeUndefined();
    expect(oversizedChunk(splitIntoChunks('x'.repeat(MAX_CHUNK + 1)))?.line).toBe(1);
  });
});

describe('a frontmatter block too large to read', () => {
  it(`a frontmatter of many \`links\` keys took about 200 bytes of memory per character (a million keys: 2.8 GB): past ${MAX_FRONTMATTER} characters it is now a located yaml-syntax error, and the body is still checked`, () => {
    const text = manyKeys(5000);
    const yamlLength = text.indexOf('\n---\n') - '---\n'.length;
    const loaded = parse(text);
    expect(loaded.kind).toBe('runbook');
    const diagnostics = runChecks([loaded], { config: CONFIG, today: TODAY, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks' });
    const yaml = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'yaml-syntax');
    expect(yaml.map((diagnostic) => `${diagnostic.span.start.line}:${diagnostic.span.start.column} ${diagnostic.message}`)).toEqual([
      `1:1 Invalid frontmatter YAML: the frontmatter block is ${yamlLength} characters long; at most ${MAX_FRONTMATTER} are read (move long text into the body)`,
    ]);
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'missing-section')).toBe(true);
  });

  it('reads a frontmatter block just under the limit', () => {
    const loaded = parse(manyKeys(1500));
    expect(loaded.kind === 'runbook' && loaded.runbook.frontmatter.kind).toBe('parsed');
  });

  it('is refused in time that grows linearly with its size (also by `show`, which reads the frontmatter alone)', () => {
    const block = (keys: number) => ({ value: manyKeys(keys).split('\n---\n')[0]?.slice(4) ?? '', span: { start: { line: 1, column: 1 }, end: { line: keys + 3, column: 4 } } });
    const growth = growthOf(40_000, block, (yaml) => { expect(parseFrontmatter(yaml, '').kind).toBe('broken'); });
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  });
});

describe('one oversized file never stops the others', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'runbook-oversized-'));
  afterAll(() => { rmSync(cwd, { recursive: true, force: true }); });
  mkdirSync(join(cwd, 'runbooks'));
  writeFileSync(join(cwd, 'runbook.config.yaml'), 'root: runbooks\n');
  writeFileSync(join(cwd, 'runbooks', 'good.md'), '---\ntitle: Good runbook\nowner: data\nservice: volumes\nseverity: low\nlast_tested: 2026-11-01\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Fix it.\n');
  writeFileSync(join(cwd, 'runbooks', 'huge.md'), paragraph(20_000_000));

  it('check reports the 20 MB paragraph on its file and checks the others', async () => {
    const result = await runCli(['check', '--no-cache', '--no-git', '--format', 'json', '--today', '2026-11-27'], cwd);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { readonly files: readonly { readonly file: string; readonly diagnostics: readonly { readonly ruleId: string; readonly line: number }[] }[] };
    expect(report.files.map((group) => [group.file, group.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.ruleId}`)])).toEqual([
      ['runbooks/good.md', []],
      ['runbooks/huge.md', ['1 unreadable-file']],
    ]);
  }, 120_000);

  it('build makes the pages of the other files', async () => {
    const result = await runCli(['build', '--no-cache', '--no-git', '--out', 'site', '--today', '2026-11-27'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'site', 'runbooks', 'good', 'index.html'), 'utf8')).toContain('Good runbook');
  }, 120_000);
});
