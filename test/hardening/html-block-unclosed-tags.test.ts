/**
 * Attack: a recovery section written as prose holding an HTML block of thousands of `<` with no `>`
 * after them. Its text (tags dropped) was found with a regex that scanned to the end of the block from
 * each `<`: quadratic, 100 KB took 17 s of `check` (every runbook's prose recovery is read at parse).
 */
import { describe, expect, it } from 'vitest';
import type { Runbook } from '../../src/model/runbook.js';
import { blocksOf } from '../../src/parse/prose-blocks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { runbookOf } from '../helpers.js';
import { growthOf, MAX_RATIO } from './growth.js';

const prose = (html: string): Runbook['recovery'] => runbookOf(`# Top\n\n## Recovery\n\n${html}\n`).recovery;

describe('raw HTML as text, in linear time', () => {
  it('an HTML block of thousands of `<` without a `>` no longer takes quadratic time', () => {
    const growth = growthOf(
      10_000,
      (n) => parseMarkdown(`<div>\n${'<'.repeat(n)}\n`).children,
      (nodes) => blocksOf(nodes, { definitions: new Map(), slugOf: () => '' }),
    );
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('tags are still dropped as before (`<` to the next `>`), and text after the last `>` is kept as written', () => {
    const recovery = prose('<div>Restart <b>web</b> < then <<x\n</div> a < b');
    expect(recovery.source).toBe('prose');
    if (recovery.source !== 'prose') return;
    expect(recovery.blocks).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Restart web  a < b' }] }]);
  });
});
