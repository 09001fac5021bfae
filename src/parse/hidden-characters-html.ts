/**
 * The body's code blocks with their hidden characters shown: each bidi control, zero-width
 * character or control character (text/hidden-characters.ts) in a `<pre>` becomes a
 * `<span class="hidden-char">U+2067</span>` chip where it was, so the page never shows a command
 * other than the one that would run, and the site's copy button refuses the block. Runs on the
 * sanitised tree (authors cannot write that class themselves: the sanitiser drops it).
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { splitAtHiddenCharacters } from '../text/hidden-characters.js';

/** The class of a hidden character's chip (templates/assets/site.css, site.js). */
const HIDDEN_CHAR_CLASS = 'hidden-char';

/** `tree` with the hidden characters in its code blocks as chips (changed in place: it is the renderer's own copy). */
export function showHiddenCharacters(tree: Root): void {
  for (const child of tree.children) walk(child, false);
}

function walk(node: RootContent, inCode: boolean): void {
  if (node.type !== 'element') return;
  const code = inCode || node.tagName === 'pre';
  if (code) node.children = node.children.flatMap(shown);
  for (const child of node.children) walk(child, code);
}

function shown(node: ElementContent): ElementContent[] {
  if (node.type !== 'text') return [node];
  const parts = splitAtHiddenCharacters(node.value);
  if (parts.length === 1) return [node];
  return parts.flatMap((part): ElementContent[] =>
    part.kind === 'text'
      ? part.text === ''
        ? []
        : [{ type: 'text', value: part.text }]
      : [{ type: 'element', tagName: 'span', properties: { className: [HIDDEN_CHAR_CLASS] }, children: [{ type: 'text', value: part.name }] }],
  );
}
