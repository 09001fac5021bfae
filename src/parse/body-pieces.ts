import type { Element, Properties, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { BodyPiece } from '../model/runbook.js';
import { isRelativeUrl } from './link-target.js';

/**
 * Serialising a sanitised body into pieces: the HTML `toHtml` writes for the whole tree, cut at the
 * start tag of every relative link. The cuts come from the tree, never from searching the HTML, so
 * nothing an author writes (text, attribute values, markup inside them) can make or move one.
 */

/**
 * The `href` of a link that may name another runbook: relative (`b.md`, `../x/c.md#step`), not to
 * this page (`#x`), not rooted (`/x`) and without a scheme (`https:`, `mailto:`).
 */
function relativeHref(properties: Readonly<Properties>): string | undefined {
  const href = properties.href;
  if (typeof href !== 'string' || !isRelativeUrl(href) || href.startsWith('#')) return undefined;
  return href;
}

/**
 * The body's HTML in pieces: HTML; the opening H1 (the first heading, when it is an H1 holding no
 * relative link), with the line break after it; every other top-level heading; and the start tag of
 * each `<a>` with a relative href, as its attributes.
 */
export function bodyPieces(tree: Root): readonly BodyPiece[] {
  const holders = new Set<Element>();
  for (const child of tree.children) markHolders(child, holders);
  const pieces: BodyPiece[] = [];
  let html = '';
  const write = (node: RootContent): void => {
    if (node.type !== 'element' || !holders.has(node)) {
      html += toHtml(node);
      return;
    }
    const { start, end } = tagsOf(node);
    if (isRelativeLink(node)) {
      if (html !== '') pieces.push({ kind: 'html', html });
      html = '';
      pieces.push({ kind: 'link', properties: node.properties });
    } else {
      html += start;
    }
    for (const child of node.children) write(child);
    html += end;
  };
  const flush = (): void => {
    if (html !== '') pieces.push({ kind: 'html', html });
    html = '';
  };
  const writeTop = (node: RootContent): void => {
    if (node.type !== 'element' || !/^h[1-6]$/.test(node.tagName)) {
      write(node);
      return;
    }
    flush();
    const holds = holders.has(node);
    pieces.push({ kind: 'heading', depth: Number(node.tagName.slice(1)), slug: typeof node.properties.id === 'string' ? node.properties.id : '', html: holds ? '' : toHtml(node) });
    if (holds) write(node);
  };
  const at = openingH1At(tree.children, holders);
  const opening = at === undefined ? undefined : openingH1(tree.children.slice(at));
  for (const child of at === undefined ? tree.children : tree.children.slice(0, at)) writeTop(child);
  if (opening !== undefined) {
    flush();
    pieces.push(opening.piece);
    for (const child of opening.after) writeTop(child);
  }
  flush();
  return pieces;
}

/**
 * The HTML of the pieces, each link with the href `retarget` gives for its relative href, or as
 * written when it gives none. Only that attribute changes; everything else is written as rendered.
 */
export function piecesHtml(pieces: readonly BodyPiece[], retarget: (href: string) => string | undefined): string {
  let html = '';
  for (const piece of pieces) {
    if (piece.kind !== 'link') {
      html += piece.html;
      continue;
    }
    const href = relativeHref(piece.properties);
    const target = href === undefined ? undefined : retarget(href);
    const properties = target === undefined ? piece.properties : { ...piece.properties, href: target };
    html += tagsOf({ type: 'element', tagName: 'a', properties: { ...properties }, children: [] }).start;
  }
  return html;
}

/**
 * Where the opening H1 is among the top-level children: the first heading, when it is an H1 that
 * holds no relative link (a table of contents or a note may come before it, another heading may not).
 */
function openingH1At(children: readonly RootContent[], holders: ReadonlySet<Element>): number | undefined {
  const at = children.findIndex(holdsHeading);
  const heading = children[at];
  return heading?.type === 'element' && heading.tagName === 'h1' && !holders.has(heading) ? at : undefined;
}

/** A first child that is an H1, as a piece with the line break after it, and the children after those. */
function openingH1(children: readonly RootContent[]): { readonly piece: BodyPiece; readonly after: readonly RootContent[] } | undefined {
  const [first, next, ...rest] = children;
  if (first?.type !== 'element' || first.tagName !== 'h1') return undefined;
  const newline = next?.type === 'text' && next.value.startsWith('\n');
  const piece: BodyPiece = { kind: 'opening-h1', text: hastToString(first), html: toHtml(first) + (newline ? '\n' : '') };
  if (!newline) return { piece, after: children.slice(1) };
  return { piece, after: next.value === '\n' ? rest : [{ ...next, value: next.value.slice(1) }, ...rest] };
}

/** Whether a node is or holds a heading (raw HTML can put one inside a `<div>` or `<details>`). */
function holdsHeading(node: RootContent): boolean {
  return node.type === 'element' && (/^h[1-6]$/.test(node.tagName) || node.children.some(holdsHeading));
}

function isRelativeLink(element: Element): boolean {
  return element.tagName === 'a' && relativeHref(element.properties) !== undefined;
}

/** Adds to `holders` every element that is or holds a relative link; says whether `node` does. */
function markHolders(node: RootContent, holders: Set<Element>): boolean {
  if (node.type !== 'element') return false;
  let holds = isRelativeLink(node);
  for (const child of node.children) if (markHolders(child, holders)) holds = true;
  if (holds) holders.add(node);
  return holds;
}

/** An element's start and end tags as `toHtml` writes them around its children (void elements have no end tag). */
function tagsOf(element: Element): { readonly start: string; readonly end: string } {
  const empty = toHtml({ ...element, children: [] });
  const end = `</${element.tagName}>`;
  return empty.endsWith(end) ? { start: empty.slice(0, -end.length), end } : { start: empty, end: '' };
}
