import type { Code, List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { Config } from '../model/config.js';
import type { BodyLink, Heading, Located, RecoveryStep, Section } from '../model/runbook.js';
import { headingSlugs } from './heading-slugs.js';
import { spanOf } from './span.js';

/** What the body of a runbook holds, as the model needs it. */
export interface Body {
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly links: readonly BodyLink[];
  /** The first ordered list under the recovery section, as steps. */
  readonly recovery: Located<readonly RecoveryStep[]> | undefined;
  readonly firstH1: string | undefined;
}

/** The canonical section whose ordered list gives the recovery steps. */
const RECOVERY_SECTION = 'recovery';

/** Reads headings, sections, links and recovery steps from a parsed file. */
export function readBody(tree: Root, config: Config): Body {
  const slugOf = headingSlugs();
  const headings: Heading[] = [];
  const sections: Section[] = [];
  const children = tree.children;
  const ends = sectionEnds(children);
  let recovery: Located<readonly RecoveryStep[]> | undefined;
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const text = toString(node).trim();
    const heading: Heading = { depth: node.depth, text, slug: slugOf(text), span: spanOf(node) };
    headings.push(heading);
    const end = ends.get(index) ?? children.length;
    const name = config.sectionAliases.get(normaliseHeading(text));
    sections.push({ name, heading, empty: allBlank(children, index + 1, end) });
    if (name === RECOVERY_SECTION && recovery === undefined) recovery = firstOrderedList(children, index + 1, end);
  });
  const links: BodyLink[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      links.push({ url: (node as unknown as { url: string }).url, span: spanOf(node) });
    }
  });
  const h1 = headings.find((heading) => heading.depth === 1);
  return { headings, sections, links, recovery, firstH1: h1?.text };
}

/** Heading text as matched against section names: lower case, no surrounding punctuation or numbering. */
function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/**
 * For each heading's index, the index where its section ends: the next heading of the same or a
 * higher level, or the end. One pass with a stack of open sections (at most six, one per level), so
 * a file of thousands of headings costs as much as reading it.
 */
function sectionEnds(children: readonly RootContent[]): ReadonlyMap<number, number> {
  const ends = new Map<number, number>();
  const open: { readonly index: number; readonly depth: number }[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    for (let last = open.at(-1); last !== undefined && last.depth >= node.depth; last = open.at(-1)) {
      ends.set(last.index, index);
      open.pop();
    }
    open.push({ index, depth: node.depth });
  });
  for (const { index } of open) ends.set(index, children.length);
  return ends;
}

/**
 * Whether the nodes from `start` to `end` are all blank. Stops at the first node that is not, and a
 * heading is not: so over all sections each node is looked at once or twice at most.
 */
function allBlank(children: readonly RootContent[], start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const node = children[index];
    if (node !== undefined && !isBlank(node)) return false;
  }
  return true;
}

function isBlank(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** The first ordered list in the nodes from `start` to `end`, as recovery steps. */
function firstOrderedList(children: readonly RootContent[], start: number, end: number): Located<readonly RecoveryStep[]> | undefined {
  let list: List | undefined;
  for (let index = start; index < end && list === undefined; index++) {
    const node = children[index];
    if (node === undefined) break;
    visit(node, (inner) => {
      if (list === undefined && inner.type === 'list' && (inner as List).ordered === true) list = inner as List;
    });
  }
  if (list === undefined) return undefined;
  return { value: list.children.map(stepOf).filter((step) => step.text !== '' || step.run !== undefined), span: spanOf(list) };
}

function stepOf(item: ListItem): RecoveryStep {
  const prose = item.children.filter((child) => child.type !== 'code' && child.type !== 'list');
  const text = prose.map((child) => toString(child)).join(' ').replace(/\s+/g, ' ').trim();
  let code: Code | undefined;
  visit(item, (node) => {
    if (code === undefined && node.type === 'code') code = node as Code;
  });
  return { text, span: spanOf(item), ...(code === undefined ? {} : { run: code.value }) };
}

/** Calls `enter` on `node` and all its descendants, depth first, without recursion (deep trees are fine). */
export function visit(node: Node, enter: (node: Node) => void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined) break;
    enter(current);
    const children = (current as { children?: readonly Node[] }).children;
    if (children !== undefined) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
}
