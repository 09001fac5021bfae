import { randomUUID } from 'node:crypto';
import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { BodyPiece } from '../model/runbook.js';
import { visit } from './body.js';
import { bodyPieces } from './body-pieces.js';
import { headingSlugs } from './heading-slugs.js';
import { showHiddenCharacters } from './hidden-characters-html.js';

/**
 * GitHub's sanitisation schema, with `class` kept on code for language names. User-written `id` and
 * `name` attributes keep GitHub's `user-content-` prefix, so raw HTML cannot clobber DOM globals
 * (`<img name="addEventListener">`); heading ids are set afterwards from the heading text.
 */
const SCHEMA: Schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, code: [['className', /^language-[\w+-]+$/]] },
};

/**
 * Renders a parsed file's body to safe HTML: raw HTML is parsed and sanitised (no script, no event
 * handlers, no `javascript:` URLs) and headings get GitHub-style ids. Relative links stay as written,
 * as pieces of their own ({@link resolveLinks} points them at site pages later, so this result can
 * be cached per file). Also returns the body as plain text, for search.
 */
export function renderBody(tree: Root): { readonly pieces: readonly BodyPiece[]; readonly text: string } {
  const body: Root = { type: 'root', children: tree.children.filter((node) => node.type !== 'yaml') };
  const hast = toHast(body, { allowDangerousHtml: true }) as HastRoot;
  // The Markdown headings are marked before the raw HTML is parsed, with a value no file can know,
  // so that only they take anchors, as `check` gives them: a raw `<h2>Recovery</h2>` before the
  // `## Recovery` section took its anchor, and with it the site's recovery panel. A top-level
  // heading's mark holds its place among them (`<mark>:3`); a nested one's says so (`<mark>:n`).
  const mark = randomUUID();
  let place = 0;
  for (const child of hast.children) if (isHeading(child)) child.properties[MARK] = `${mark}:${place++}`;
  visit(hast, (node) => {
    const element = node as HastNodes;
    if (isHeading(element) && element.properties[MARK] === undefined) element.properties[MARK] = `${mark}:n`;
  });
  // hast-util-raw re-parses the whole tree with parse5: only worth it when there is raw HTML.
  const parsed = hasRawHtml(body) ? (raw(hast) as HastRoot) : hast;
  const headings = SCHEMA.attributes ?? {};
  const marks = new RegExp(`^${mark}:(?:\\d+|n)$`);
  const marked: Schema = { ...SCHEMA, attributes: { ...headings, ...Object.fromEntries(HEADINGS.map((tag) => [tag, [...(headings[tag] ?? []), [MARK, marks]]])) } };
  const clean = sanitize(parsed, marked) as HastRoot;
  addHeadingIds(clean, body, mark);
  showHiddenCharacters(clean);
  return { pieces: bodyPieces(clean), text: plainText(body) };
}

/** Blocks whose text is one run of words (they never contain each other). */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell', 'code']);

/** The words of the body, blocks separated by spaces (for the search index). */
function plainText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (TEXT_BLOCKS.has(node.type)) parts.push(hasRawHtml(node) ? shownText(node as RootContent) : mdastToString(node, { includeHtml: false }));
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The text of a block holding inline raw HTML as the page shows it: the block rendered and
 * sanitised alone. The text between raw tags is Markdown text, but the page does not show what the
 * sanitiser drops (`<script>SECRET</script>`, a `<template>`'s content), so search must not hold it.
 * Blocks without raw HTML (nearly all) keep the faster Markdown text.
 */
function shownText(block: RootContent): string {
  const hast = toHast({ type: 'root', children: [block] }, { allowDangerousHtml: true }) as HastRoot;
  return hastToString(sanitize(raw(hast), SCHEMA));
}

function hasRawHtml(tree: Node): boolean {
  let found = false;
  visit(tree, (node) => {
    if (node.type === 'html') found = true;
  });
  return found;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The property marking the Markdown headings while the raw HTML is parsed (`data-runbook-heading`). */
const MARK = 'dataRunbookHeading';

function isHeading(node: HastNodes): node is HastNodes & { type: 'element' } {
  return node.type === 'element' && HEADINGS.includes(node.tagName);
}

/**
 * GitHub's anchors on the Markdown headings, the very ones `check` reads (parse/body.ts): the
 * top-level headings take the slugs of their Markdown text first, in order, so that every anchor
 * `broken-anchor` accepts leads to its heading; headings nested in a quote or a list then take the
 * next free slug of their rendered text; headings written as raw HTML get none.
 */
function addHeadingIds(tree: HastRoot, body: Root, mark: string): void {
  const slugOf = headingSlugs();
  const slugs = body.children.flatMap((node) => (node.type === 'heading' ? [slugOf(mdastToString(node))] : []));
  visit(tree, (node) => {
    const element = node as HastNodes;
    if (!isHeading(element)) return;
    const value = element.properties[MARK];
    delete element.properties.dataRunbookHeading;
    const place = typeof value === 'string' && value.startsWith(`${mark}:`) ? value.slice(mark.length + 1) : undefined;
    const slug = place === undefined ? undefined : place === 'n' ? slugOf(hastToString(element)) : slugs[Number(place)];
    if (slug === undefined) delete element.properties.id;
    else element.properties.id = slug;
  });
}
