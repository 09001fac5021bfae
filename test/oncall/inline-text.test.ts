import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inline, Inlines } from '../../src/model/prose.js';
import { palette } from '../../src/report/ansi.js';
import { inlineLines, type InlineStyle } from '../../src/oncall/inline-text.js';
import { wrap } from '../../src/oncall/wrap.js';
import { columns } from '../../src/text/wrap.js';

const PLAIN: InlineStyle = { palette: palette(false), color: false };
const COLOR: InlineStyle = { palette: palette(true), color: true };
const prefixes = { first: '  1. ', rest: '     ' };

const inline: fc.Arbitrary<Inline> = fc.letrec<{ inline: Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string().map((text): Inline => ({ kind: 'text', text })),
    fc.string().map((text): Inline => ({ kind: 'code', text })),
    fc.constant<Inline>({ kind: 'break' }),
    fc.array(tie('inline'), { maxLength: 3 }).map((children): Inline => ({ kind: 'strong', children })),
    fc.array(tie('inline'), { maxLength: 3 }).map((children): Inline => ({ kind: 'emphasis', children })),
    fc.tuple(fc.webUrl(), fc.array(tie('inline'), { maxLength: 2 })).map(([url, children]): Inline => ({ kind: 'link', url, children })),
  ),
})).inline;

/** The text without the card's own escape codes. */
const unstyled = (text: string): string => text.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '');

describe('inlineLines', () => {
  it('wraps plain text exactly as the plain wrapper does', () => {
    const text = 'Fail over to the replica with the least lag, 80 % of the time, then check https://example.com/a/very/long/path/that/goes/on/and/on/and/on/and/on';
    expect(inlineLines([{ kind: 'text', text }], PLAIN, prefixes)).toEqual(wrap(text, prefixes));
  });

  it('writes code between backticks without colour and in cyan with it, links with their URL', () => {
    const inlines: Inlines = [{ kind: 'text', text: 'Run ' }, { kind: 'code', text: 'ls -l' }, { kind: 'text', text: ', see ' }, { kind: 'link', url: 'https://x.example', children: [{ kind: 'text', text: 'docs' }] }];
    expect(inlineLines(inlines, PLAIN, prefixes)).toEqual(['  1. Run `ls -l`, see docs (https://x.example)']);
    expect(inlineLines(inlines, COLOR, prefixes)[0]).toContain('\u001b[36mls\u001b[39m \u001b[36m-l\u001b[39m,');
  });

  it('never throws, never writes a control character of the text, and keeps lines within the width but for one word', () => {
    fc.assert(
      fc.property(fc.array(inline, { maxLength: 6 }), (inlines) => {
        const plain = inlineLines(inlines, PLAIN, prefixes, 40);
        const colored = inlineLines(inlines, COLOR, prefixes, 40);
        for (const line of [...plain, ...colored.map(unstyled)]) expect(line).not.toMatch(/\p{Cc}/u);
        for (const line of plain) expect(columns(line) <= 40 || !line.slice(prefixes.first.length).includes(' ')).toBe(true);
        expect(inlineLines(inlines, PLAIN, prefixes, 40)).toEqual(plain);
      }),
    );
  });
});
