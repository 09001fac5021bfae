import type { Heading, ListItem, PhrasingContent, RootContent, TableCell } from 'mdast';
import type { Blocks, Inline, Inlines } from '../model/prose.js';

/** The definitions of a document by lower-cased label, so that `[text][ref]` links keep their destination. */
export type Definitions = ReadonlyMap<string, string>;

/** How the blocks of one document are read: its link definitions, and the anchor slug of each heading. */
export interface ProseContext {
  readonly definitions: Definitions;
  readonly slugOf: (heading: Heading) => string;
}

/** Link destinations that are safe to follow: a scheme among these, or none (relative, `#anchor`). */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Markdown blocks as {@link Blocks}, in order: paragraphs, headings, code, lists, quotes, tables and
 * rules. Raw HTML becomes its text and images their alt text, so no HTML of the file crosses over;
 * link definitions, frontmatter and blocks that hold no text are left out.
 */
export function blocksOf(nodes: readonly RootContent[], context: ProseContext): Blocks {
  return nodes.flatMap((node) => blockOf(node, context));
}

function blockOf(node: RootContent, context: ProseContext): Blocks {
  switch (node.type) {
    case 'paragraph':
      return paragraph(inlinesOf(node.children, context.definitions));
    case 'heading':
      return [{ kind: 'heading', depth: node.depth, inlines: inlinesOf(node.children, context.definitions), slug: context.slugOf(node) }];
    case 'code':
      return [{ kind: 'code', lang: node.lang ?? undefined, text: node.value }];
    case 'list':
      return [{ kind: 'list', ordered: node.ordered === true, start: node.start ?? 1, items: node.children.map((item) => itemBlocks(item, context)) }];
    case 'blockquote': {
      const blocks = blocksOf(node.children, context);
      return blocks.length === 0 ? [] : [{ kind: 'quote', blocks }];
    }
    case 'table':
      return [{ kind: 'table', rows: node.children.map((row) => row.children.map((cell: TableCell) => inlinesOf(cell.children, context.definitions))) }];
    case 'thematicBreak':
      return [{ kind: 'rule' }];
    case 'html':
      return paragraph(textOfHtml(node.value));
    default:
      return [];
  }
}

/** A paragraph of `inlines`, or nothing when they hold no text. */
function paragraph(inlines: Inlines): Blocks {
  return inlines.every((inline) => inline.kind === 'break' || (inline.kind === 'text' && inline.text.trim() === '')) ? [] : [{ kind: 'paragraph', inlines }];
}

/** A list item's blocks; a task item's box is written before its text (`[x] `, `[ ] `). */
function itemBlocks(item: ListItem, context: ProseContext): Blocks {
  const blocks = blocksOf(item.children, context);
  if (item.checked === null || item.checked === undefined) return blocks;
  const box: Inline = { kind: 'text', text: item.checked ? '[x] ' : '[ ] ' };
  const [first, ...rest] = blocks;
  return first?.kind === 'paragraph' ? [{ kind: 'paragraph', inlines: [box, ...first.inlines] }, ...rest] : [{ kind: 'paragraph', inlines: [box] }, ...blocks];
}

/**
 * Markdown inline content as {@link Inlines}: text, code, emphasis, links (safe destinations only) and
 * line breaks. Raw HTML is read for its text, tags dropped, as GitHub shows a body; with `htmlAsText`
 * what is no HTML element is kept as written (`Scale <deployment> to 0`: in a frontmatter text that
 * names a placeholder), while `<b>`, `<br>` and comments are still dropped.
 */
export function inlinesOf(nodes: readonly PhrasingContent[], definitions: Definitions, htmlAsText = false): Inlines {
  const inlines: Inline[] = [];
  const push = (inline: Inline): void => {
    const last = inlines.at(-1);
    if (inline.kind === 'text' && last?.kind === 'text') inlines[inlines.length - 1] = { kind: 'text', text: last.text + inline.text };
    else if (inline.kind !== 'text' || inline.text !== '') inlines.push(inline);
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push({ kind: 'text', text: node.value });
        break;
      case 'inlineCode':
        push({ kind: 'code', text: node.value });
        break;
      case 'strong':
        push({ kind: 'strong', children: inlinesOf(node.children, definitions, htmlAsText) });
        break;
      case 'emphasis':
        push({ kind: 'emphasis', children: inlinesOf(node.children, definitions, htmlAsText) });
        break;
      case 'delete':
        for (const inline of inlinesOf(node.children, definitions, htmlAsText)) push(inline);
        break;
      case 'link':
        linkOf(node.url, inlinesOf(node.children, definitions, htmlAsText)).forEach(push);
        break;
      case 'linkReference': {
        const children = inlinesOf(node.children, definitions, htmlAsText);
        const url = definitions.get(node.identifier.toLowerCase());
        (url === undefined ? children : linkOf(url, children)).forEach(push);
        break;
      }
      case 'image':
      case 'imageReference':
        push({ kind: 'text', text: node.alt ?? '' });
        break;
      case 'break':
        push({ kind: 'break' });
        break;
      case 'html':
        (htmlAsText && !isHtmlTag(node.value) ? [{ kind: 'text' as const, text: node.value }] : textOfHtml(node.value)).forEach(push);
        break;
      case 'footnoteReference':
        push({ kind: 'text', text: `[^${node.label ?? node.identifier}]` });
        break;
    }
  }
  return inlines;
}

/** A link to `url` when it is safe to follow, else its text alone. */
function linkOf(url: string, children: Inlines): Inlines {
  // As a browser reads it: tabs and line breaks anywhere, and controls and spaces in front, are dropped
  // (`java\tscript:` is `javascript:`).
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || SAFE_SCHEMES.has(scheme) ? [{ kind: 'link', url, children }] : children;
}

/** Whether raw inline HTML is a comment or a tag of an HTML element (`<b>`, `</kbd>`, `<br/>`), not a `<placeholder>`. */
function isHtmlTag(html: string): boolean {
  const name = /^<\/?([a-z][a-z0-9]*)[\s/>]/i.exec(html)?.[1]?.toLowerCase();
  return html.startsWith('<!--') || (name !== undefined && HTML_ELEMENTS.has(name));
}

/** The HTML elements a Markdown text may use inline (and a few that would be dropped anyway). */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q rp rt ruby s samp small span strong sub sup time u var wbr script style iframe object embed svg math video audio source input button select textarea form label p div'.split(' '),
);

/** The text of raw HTML: tags and comments dropped, the common entities decoded. */
function textOfHtml(html: string): Inlines {
  const text = withoutTags(html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<br\s*\/?>/gi, '\n')).replace(
    /&(lt|gt|quot|#39|apos|nbsp|amp);/g,
    (_, name: string) => ENTITIES[name] ?? '',
  );
  return text.trim() === '' ? [] : [{ kind: 'text', text }];
}

/**
 * `html` without its tags (`<` to the next `>`), in linear time: a `<` with no `>` after it is no
 * tag, so only the text up to the last `>` is searched (searched whole, a block of thousands of
 * `<` without a `>` was scanned to its end from each one: 100 KB took 17 s).
 */
function withoutTags(html: string): string {
  const end = html.lastIndexOf('>') + 1;
  return html.slice(0, end).replace(/<[^>]*>/g, '') + html.slice(end);
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0', amp: '&' };

/** The link definitions of a document (in lists and quotes too), by lower-cased identifier; the first one wins, as in CommonMark. */
export function definitionsOf(nodes: readonly RootContent[]): Definitions {
  const definitions = new Map<string, string>();
  const stack: RootContent[] = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition') {
      const key = node.identifier.toLowerCase();
      if (!definitions.has(key)) definitions.set(key, node.url);
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent);
    }
  }
  return definitions;
}
