/**
 * Regression tests: a paragraph of unclosed link or emphasis openers made micromark quadratic
 * (`'[a](' * 80,000`, 320 KB on one line, took 49 s in `check --no-cache`; `'*a' * 20,000` 9 s). A
 * paragraph opening more than MAX_OPENERS of them is now a located `unreadable-file`, found by a
 * linear scan before parsing; below the limit each paragraph's cost is bounded, so a file of many
 * such paragraphs parses in linear time. No file of the real corpora comes near the limit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/parse/config.js';
import { crowdedParagraph, MAX_OPENERS } from '../../src/parse/crowded-paragraph.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { growthOf, MAX_RATIO } from './growth.js';

const CONFIG = defaultConfig('/runbooks');
const CORPORA = '/work/shared/corpora';

function parse(text: string) {
  return parseRunbook({ id: 'crowded', file: 'crowded.md', path: '/runbooks/crowded.md', bytes: new TextEncoder().encode(text) }, CONFIG);
}

describe('repeated unclosed link resources on one line (quadratic label resolution)', () => {
  it.each([
    ['[a](', 'links', 4 * MAX_OPENERS + 1],
    ['[', 'links', MAX_OPENERS + 1],
    ['![', 'links', 2 * MAX_OPENERS + 2],
    ['[a]', 'links', 3 * MAX_OPENERS + 1],
    ['*a', 'emphasis', 2 * MAX_OPENERS + 1],
    ['_a ', 'emphasis', 3 * MAX_OPENERS + 1],
  ])('refuses `%s` repeated in one paragraph as unreadable, at the opener past the limit', (unit, _what, column) => {
    const loaded = parse(`---\ntitle: T\n---\n# T\n\n${unit.repeat(20_000)}\n`);
    expect(loaded).toMatchObject({ kind: 'unreadable', span: { start: { line: 6, column } } });
    expect(loaded.kind === 'unreadable' && loaded.reason).toContain(`more than ${MAX_OPENERS}`);
  });

  it('refuses openers spread over the lines of one paragraph too, and not over paragraphs', () => {
    expect(crowdedParagraph('[a](\n'.repeat(MAX_OPENERS + 1))?.span.start).toEqual({ line: MAX_OPENERS + 1, column: 1 });
    expect(crowdedParagraph('[a](\n\n'.repeat(MAX_OPENERS + 1))).toBeUndefined();
  });

  it('does not count brackets in fenced code, nor `_` inside words (snake_case)', () => {
    expect(crowdedParagraph(`\`\`\`json\n${'[1],'.repeat(5000)}\n\`\`\`\n`)).toBeUndefined();
    expect(crowdedParagraph('node_cpu_seconds_total '.repeat(2000))).toBeUndefined();
    expect(crowdedParagraph(`\`\`\` \`not a fence\n${'[a]('.repeat(5000)}\n`)).toBeDefined();
  });

  it('grows linearly: `[a](` repeated n and 4n times on one line (n = 10,000 took 3.2 s, 4n 16.5 s)', () => {
    const growth = growthOf(10_000, (n) => `# T\n\n${'[a]('.repeat(n)}\n`, parse);
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('grows linearly: n and 4n paragraphs each just under the limit of `[a](` and `*a`', () => {
    const paragraphs = (n: number): string => `# T\n\n${`${'[a]('.repeat(MAX_OPENERS / 4)}\n\n${'*a'.repeat(MAX_OPENERS / 4)}\n\n`.repeat(n)}`;
    const growth = growthOf(8, paragraphs, (text) => {
      expect(parse(text).kind).toBe('runbook');
    });
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 120_000);
});

describe('the real corpora', () => {
  it.skipIf(!existsSync(CORPORA))('refuses no file of /work/shared/corpora (at most 130 `[` and 260 runs of `*` or `_` in a paragraph there)', () => {
    const files = readdirSync(CORPORA, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:md|markdown|mdx)(?:\.erb)?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(700);
    expect(files.filter((file) => crowdedParagraph(readFileSync(file, 'utf8')) !== undefined)).toEqual([]);
  });
});
