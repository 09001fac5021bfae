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
