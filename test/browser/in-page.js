/* global document, window, location, getComputedStyle, Document, Element, HTMLElement, HTMLScriptElement, HTMLAnchorElement, EventTarget, Event */
/**
 * Functions that run inside the page (passed to Playwright's `page.evaluate`, which sends their
 * source). Plain JavaScript, because the project's TypeScript has no DOM types; their signatures
 * are in in-page.d.ts. Each must be self-contained: no imports, no outside names.
 *
 * The DOM functions are taken from the prototypes, since a hostile page may clobber `document.x`.
 */

/** The body's margin: the browser's default `8px` when the site's stylesheet did not load. */
export function bodyMargin() {
  return getComputedStyle(document.body).margin;
}

/** The id of the focused element ('' when none has one). */
export function activeElementId() {
  return document.activeElement ? document.activeElement.id : '';
}

/** The text selected on the page. */
export function selectedText() {
  const selection = window.getSelection();
  return selection ? selection.toString() : '';
}

/**
 * What the live DOM holds that no page of the site may: event-handler attributes, scripting URLs,
 * scripts other than the site's own (from `prefix`, or from the root the page declares in
 * `data-root`, as the 404 page does), and elements that load or run other documents.
 */
export function domProblems(prefix) {
  const problems = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping', 'srcdoc'];
  const scheme = (value) => {
    const compact = value.replace(/[\t\n\r]/g, '');
    let start = 0;
    while (start < compact.length && compact.charCodeAt(start) <= 0x20) start += 1;
    return compact.slice(start).toLowerCase();
  };
  const root = new URL(document.documentElement.dataset.root || '.', location.href).href;
  for (const element of Array.from(Document.prototype.querySelectorAll.call(document, '*'))) {
    for (const name of Element.prototype.getAttributeNames.call(element)) {
      const value = Element.prototype.getAttribute.call(element, name) || '';
      if (name.startsWith('on')) problems.push(element.tagName + ' ' + name + '=' + value);
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(scheme(value))) problems.push(element.tagName + ' ' + name + '=' + value);
    }
    if (element instanceof HTMLScriptElement) {
      const src = element.src;
      const own = [prefix, root].some((start) => src.startsWith(start) && /^(assets|search)\/[\w.-]+\.js$/.test(src.slice(start.length)));
      if (!own) problems.push('script ' + (src || element.text));
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE', 'STYLE', 'TEMPLATE'].includes(element.tagName)) problems.push('element ' + element.tagName);
  }
  return problems;
}

/**
 * Focuses every element of the main content, and fires on every element each event an inline
 * handler could wait for (hover, focus, drag, toggle…), without following any link.
 */
export function fireEverything() {
  const types = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'focus', 'focusin', 'blur', 'dragstart', 'auxclick', 'toggle', 'animationstart', 'transitionend', 'pointerover', 'keydown'];
  for (const element of Array.from(Document.prototype.querySelectorAll.call(document, 'main *'))) {
    if (element instanceof HTMLElement) HTMLElement.prototype.focus.call(element);
    for (const type of types) EventTarget.prototype.dispatchEvent.call(element, new Event(type, { bubbles: true }));
  }
}

/**
 * Clicks, with a scripted click, every button, summary, focusable element and link of the main
 * content that stays on the page (no address, or `#…`); returns how many.
 */
export function clickInPlace() {
  const targets = Array.from(Document.prototype.querySelectorAll.call(document, 'main a, main button, main summary, main [tabindex]'));
  let clicked = 0;
  for (const target of targets) {
    const href = Element.prototype.getAttribute.call(target, 'href');
    if (target instanceof HTMLAnchorElement && href !== null && !href.startsWith('#')) continue;
    if (target instanceof HTMLElement) {
      HTMLElement.prototype.click.call(target);
      clicked += 1;
    }
  }
  return clicked;
}
