/* global document, window, getComputedStyle, NodeFilter */
/**
 * Functions the width tests run inside the page (sent by Playwright's `evaluate`): plain JavaScript,
 * since the project's TypeScript has no DOM types; their signatures are in layout-probes.d.ts. Each
 * is self-contained.
 */

/** How far the page scrolls sideways: the document's width beyond the window's. */
export function sidewaysOverflow() {
  return document.documentElement.scrollWidth - window.innerWidth;
}

/** The text of each text node under `elements` that is laid out on more than one line. */
export function textNodesOnSeveralLines(elements) {
  const split = [];
  for (const element of elements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (tops.size > 1) split.push(node.textContent || '');
    }
  }
  return split;
}

/** Each space-free token of the text under `elements` that is laid out on more than one line. */
export function tokensOnSeveralLines(elements) {
  const split = [];
  for (const element of elements) {
    const text = element.textContent || '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node);
    // Where each character is: its text node and offset, so that a token may span nodes.
    const at = [];
    for (const node of nodes) for (let offset = 0; offset < (node.textContent || '').length; offset++) at.push([node, offset]);
    for (const match of text.matchAll(/\S+/g)) {
      const start = at[match.index];
      const end = at[match.index + match[0].length - 1];
      if (!start || !end) continue;
      const range = document.createRange();
      range.setStart(start[0], start[1]);
      range.setEnd(end[0], end[1] + 1);
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (tops.size > 1) split.push(match[0]);
    }
  }
  return split;
}

/** How many lines an element's text takes. */
export function lineCount(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
}

/** The element's computed `white-space`, `overflow-wrap` and `word-break`. */
export function wrapping(element) {
  const style = getComputedStyle(element);
  return [style.whiteSpace, style.overflowWrap, style.wordBreak];
}

/** The element's computed `column-count`. */
export function columnCount(element) {
  return getComputedStyle(element).columnCount;
}

/** The element's scrolling: its widths and its `overflow-x`. */
export function scrolling(element) {
  return { scroll: element.scrollWidth, client: element.clientWidth, overflow: getComputedStyle(element).overflowX };
}
