/**
 * Runbook text as written, as data: the inline formatting and the blocks of a Markdown body that
 * every output (site, `show`, cheat sheets) renders itself, each escaping for its own medium. No
 * HTML from the source crosses this boundary: raw HTML becomes its text.
 */

/** A run of inline content: plain text, code, emphasis, links. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: Inlines }
  | { readonly kind: 'emphasis'; readonly children: Inlines }
  | { readonly kind: 'link'; readonly url: string; readonly children: Inlines }
  | { readonly kind: 'break' };

export type Inlines = readonly Inline[];

/** A block of a body: what a section is made of, in order. */
export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: Inlines }
  | { readonly kind: 'heading'; readonly depth: number; readonly inlines: Inlines; readonly slug: string }
  | { readonly kind: 'code'; readonly lang: string | undefined; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly Blocks[] }
  | { readonly kind: 'quote'; readonly blocks: Blocks }
  | { readonly kind: 'table'; readonly rows: readonly (readonly Inlines[])[] }
  | { readonly kind: 'rule' };

export type Blocks = readonly Block[];

/** The text of inline content without its formatting (search, plain-text outputs, comparisons). */
export function plainText(inlines: Inlines): string {
  return inlines.map((inline) => {
    switch (inline.kind) {
      case 'text':
      case 'code':
        return inline.text;
      case 'strong':
      case 'emphasis':
      case 'link':
        return plainText(inline.children);
      case 'break':
        return '\n';
    }
  }).join('');
}

/** Plain text as inline content (frontmatter values written without Markdown). */
export function textInline(text: string): Inlines {
  return text === '' ? [] : [{ kind: 'text', text }];
}
