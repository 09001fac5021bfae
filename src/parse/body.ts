import type { Code, Heading as HeadingNode, List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { Config } from '../model/config.js';
import type { Inline, Inlines } from '../model/prose.js';
import type { BodyLink, Heading, Recovery, RecoveryStep, Section } from '../model/runbook.js';
import { headingSlugs } from './heading-slugs.js';
import { numberedRun, type SectionAt } from './numbered-headings.js';
import { blocksOf, definitionsOf, type Definitions, type ProseContext } from './prose-blocks.js';
import { spanOf } from './span.js';

/** What the body of a runbook holds, as the model needs it. */
export interface Body {
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly links: readonly BodyLink[];
  /**
   * The first ordered list under a recovery section, as steps (`body`); else the recovery sections
   * that hold anything, as written (`prose`: the first one's content, then each further one with its
   * heading); else, with no recovery section, a run of sibling headings numbered 1., 2., 3. … as
   * written (`prose` too, the same way); else none.
   */
  readonly recovery: Exclude<Recovery, { readonly source: 'frontmatter' }>;
  readonly firstH1: string | undefined;
}

/** The canonical section whose ordered list gives the recovery steps. */
const RECOVERY_SECTION = 'recovery';

/** Reads headings, sections, links and recovery steps from a parsed file. */
export function readBody(tree: Root, config: Config): Body {
  const slugOf = headingSlugs();
  const headings: Heading[] = [];
  const sections: Section[] = [];
  const slugs = new Map<HeadingNode, string>();
  const recoverySections: SectionAt[] = [];
  const allSections: SectionAt[] = [];
  const children = tree.children;
  const ends = sectionEnds(children);
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const text = toString(node).trim();
    const heading: Heading = { depth: node.depth, text, slug: slugOf(text), span: spanOf(node) };
    headings.push(heading);
    slugs.set(node, heading.slug);
    const end = ends.get(index) ?? children.length;
    const name = config.sectionAliases.get(normaliseHeading(text));
    const empty = allBlank(children, index + 1, end);
    sections.push({ name, heading, empty });
    allSections.push({ index, end, heading });
    if (name === RECOVERY_SECTION && !empty) recoverySections.push({ index, end, heading });
  });
  const definitions = definitionsOf(children);
  const links: BodyLink[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      links.push({ url: (node as unknown as { url: string }).url, span: spanOf(node) });
    }
  });
  const h1 = headings.find((heading) => heading.depth === 1);
  const context: ProseContext = { definitions, slugOf: (node) => slugs.get(node) ?? '' };
  const written = recoveryOf(children, recoverySections, context);
  const recovery = written.source === 'none' ? proseOf(children, numberedRun(allSections), context, 'numbered-headings') : written;
  return { headings, sections, links, recovery, firstH1: h1?.text };
}

/** The steps of the first recovery section with an ordered list, else the recovery sections as written. */
function recoveryOf(children: readonly RootContent[], sections: readonly SectionAt[], context: ProseContext): Body['recovery'] {
  for (const { index, end } of sections) {
    const list = firstOrderedList(children, index + 1, end);
    if (list !== undefined) {
      const steps = list.children.map((item) => stepOf(item, context.definitions)).filter((step) => step.text !== '' || step.run !== undefined);
      return { source: 'body', steps, span: spanOf(list) };
    }
  }
  // Every recovery section as written, in order (a section inside an earlier one is already in it).
  return proseOf(
    children,
    sections.filter((section, at) => sections.slice(0, at).every((earlier) => section.index >= earlier.end)),
    context,
    'section',
  );
}

/**
 * Sections as written: the first one's content (with its heading too when they are numbered
 * headings), then each further one with its heading; none when they hold nothing.
 */
function proseOf(children: readonly RootContent[], written: readonly SectionAt[], context: ProseContext, form: 'section' | 'numbered-headings'): Body['recovery'] {
  const blocks = written.flatMap(({ index, end }, at) => blocksOf(children.slice(at === 0 && form === 'section' ? index + 1 : index, end), context));
  const [first] = written;
  const last = children[(written.at(-1)?.end ?? 0) - 1];
  if (first !== undefined && last !== undefined && blocks.length > 0) {
    const span = { start: first.heading.span.start, end: spanOf(last).end };
    return { source: 'prose', form, heading: first.heading.text, slug: first.heading.slug, blocks, span };
  }
  return { source: 'none' };
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

/** The first ordered list in the nodes from `start` to `end`. */
function firstOrderedList(children: readonly RootContent[], start: number, end: number): List | undefined {
  let list: List | undefined;
  for (let index = start; index < end && list === undefined; index++) {
    const node = children[index];
    if (node === undefined) break;
    visit(node, (inner) => {
      if (list === undefined && inner.type === 'list' && (inner as List).ordered === true) list = inner as List;
    });
  }
  return list;
}

/** A paragraph that says what to expect: `Expect …`, `Expected: …`, `**Expected output:** …`. */
const EXPECT_LABEL = /^\s*expect(?:ed)?\b(?:\s+(?:output|result)\b)?\s*:?\s*/i;

/**
 * A list item as a step, its parts in source order: the text before the command, the command (the
 * first code block), and what to expect (the paragraphs after the command when the first of them
 * starts with `Expect`). Other text after the command stays part of the step's text.
 */
function stepOf(item: ListItem, definitions: Definitions): RecoveryStep {
  let code: Code | undefined;
  visit(item, (node) => {
    if (code === undefined && node.type === 'code') code = node as Code;
  });
  const prose = item.children.filter((child) => child.type !== 'code' && child.type !== 'list');
  const codeAt = item.children.findIndex((child) => child.type === 'code');
  const after = codeAt === -1 ? [] : prose.filter((child) => item.children.indexOf(child) > codeAt);
  const expects = after[0] !== undefined && EXPECT_LABEL.test(toString(after[0]));
  const textNodes = expects ? prose.filter((child) => !after.includes(child)) : prose;
  const text = plainOf(textNodes);
  const step: RecoveryStep = { text, textInlines: inlinesOfNodes(textNodes, definitions), span: spanOf(item), ...(code === undefined ? {} : { run: code.value }) };
  if (!expects) return step;
  const expectInlines = withoutLabel(inlinesOfNodes(after, definitions));
  return { ...step, expect: plainOf(after).replace(EXPECT_LABEL, ''), expectInlines };
}

/** The text of nodes as one line (as checks and search read a step). */
function plainOf(nodes: readonly RootContent[]): string {
  return nodes.map((child) => toString(child)).join(' ').replace(/\s+/g, ' ').trim();
}

/** The inline content of a step's prose nodes, one line: paragraphs joined by a space, whitespace collapsed. */
function inlinesOfNodes(nodes: readonly RootContent[], definitions: Definitions): Inlines {
  const parts = blocksOf(nodes, { definitions, slugOf: () => '' }).map((block) =>
    block.kind === 'paragraph' || block.kind === 'heading' ? block.inlines : [{ kind: 'text' as const, text: block.kind === 'code' ? block.text : '' }],
  );
  const joined = parts.flatMap((inlines, index) => (index === 0 ? inlines : [{ kind: 'text' as const, text: ' ' }, ...inlines]));
  return trimmed(merged(collapsed(joined)));
}

/** Inlines with neighbouring text runs joined into one. */
function merged(inlines: Inlines): Inlines {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + inline.text };
    else out.push(inline);
  }
  return out;
}

function collapsed(inlines: Inlines): Inlines {
  return inlines.map((inline): Inline => {
    switch (inline.kind) {
      case 'text':
        return { kind: 'text', text: inline.text.replace(/\s+/g, ' ') };
      case 'strong':
      case 'emphasis':
        return { kind: inline.kind, children: collapsed(inline.children) };
      case 'link':
        return { kind: 'link', url: inline.url, children: collapsed(inline.children) };
      default:
        return inline;
    }
  });
}

/** Inlines without leading and trailing whitespace (text at either end trimmed, empty text dropped). */
function trimmed(inlines: Inlines): Inlines {
  const out = [...inlines];
  const first = out[0];
  if (first?.kind === 'text') out[0] = { kind: 'text', text: first.text.trimStart() };
  const last = out.at(-1);
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text.trimEnd() };
  return out.filter((inline) => inline.kind !== 'text' || inline.text !== '');
}

/** Inlines without their leading `Expect:` label, written plain or in bold or emphasis. */
function withoutLabel(inlines: Inlines): Inlines {
  const [first, ...rest] = inlines;
  if (first?.kind === 'text') return trimmed([{ kind: 'text', text: first.text.replace(EXPECT_LABEL, '') }, ...rest]);
  if ((first?.kind === 'strong' || first?.kind === 'emphasis') && first.children.every((child) => child.kind === 'text')) {
    const label = first.children.map((child) => child.text).join('');
    if (label.replace(EXPECT_LABEL, '') === '') {
      const [next, ...others] = rest;
      return trimmed(next?.kind === 'text' ? [{ kind: 'text', text: next.text.replace(/^\s*:?\s*/, '') }, ...others] : rest);
    }
  }
  return inlines;
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
