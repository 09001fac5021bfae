import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../../src/parse/inline-markdown.js';

describe('inlineMarkdown: links', () => {
  it('keeps a link to a web address', () => {
    expect(inlineMarkdown('see [the dashboard](https://grafana.example.com/d/1)')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', url: 'https://grafana.example.com/d/1', children: [{ kind: 'text', text: 'the dashboard' }] },
    ]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['java&#9;script:alert(1)'],
    ['java&#10;script:alert(1)'],
    ['data:text/html,<b>x</b>'],
  ])('keeps only the text of a link to %s, as a browser would read the address', (url) => {
    expect(inlineMarkdown(`click [here](${url}) now`)).toEqual([{ kind: 'text', text: 'click here now' }]);
  });
});

describe('inlineMarkdown: what looks like HTML', () => {
  it('keeps placeholders in angle brackets as written (a frontmatter text is no HTML document)', () => {
    expect(inlineMarkdown('Scale <deployment> in <namespace> to `0` replicas')).toEqual([
      { kind: 'text', text: 'Scale <deployment> in <namespace> to ' },
      { kind: 'code', text: '0' },
      { kind: 'text', text: ' replicas' },
    ]);
  });

  it('keeps an element tag out of the text, never as markup', () => {
    expect(inlineMarkdown('run **now** <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'now' }] },
      { kind: 'text', text: ' ' },
    ]);
  });
});

describe('inlineMarkdown: HTML elements', () => {
  it('drops the tags of HTML elements and comments, keeping their text', () => {
    expect(inlineMarkdown('Run `list` <b>soon</b><!-- note --> <br/>then')).toEqual([
      { kind: 'text', text: 'Run ' },
      { kind: 'code', text: 'list' },
      { kind: 'text', text: ' soon then' },
    ]);
  });
});
