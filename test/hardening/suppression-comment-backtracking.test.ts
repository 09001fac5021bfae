/**
 * Attack: thousands of `<!--` that never close, in one HTML node of a runbook. The suppression
 * comments were found with a regex that scanned to the end of the node from each `<!--`: quadratic,
 * 240 KB took 16 s of `check` (every runbook's comments are read at parse).
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { findSuppressions } from '../../src/parse/suppression-comments.js';
import { growthOf, MAX_RATIO } from './growth.js';

const find = (text: string) => findSuppressions(parseMarkdown(text), text.split('\n'));

describe('suppression comments in linear time', () => {
  it('thousands of `<!--` that never close no longer take quadratic time', () => {
    const growth = growthOf(
      5_000,
      (n) => `# Top\n\n<!-- runbook-disable-file stale -- ok -->${'<!--'.repeat(n)}\n`,
      (text) => {
        expect(find(text)).toHaveLength(1);
      },
    );
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('each comment still runs from `<!--` to the next `-->`', () => {
    const text = '# Top\n\n<!-- x <!-- runbook-disable-file stale -- a --><!--runbook-disable-file never-tested -- b--> <!-- runbook-disable-file x\n';
    // As the regex read them: the first comment's text starts with `x`, the last never closes.
    const spans = [...text.matchAll(/<!--[\s\S]*?-->/g)].map((match) => [match.index + 1 - 7, match.index + match[0].length + 1 - 7]);
    expect(spans).toEqual([
      [1, 48],
      [48, 93],
    ]);
    expect(find(text).map((each) => [each.kind, each.span.start.column, each.span.end.column])).toEqual([['disable-file', 48, 93]]);
  });
});
