/* global window, document */
/**
 * Runs axe-core (already injected into the page) on the whole document, for the accessibility
 * tests; its signature is in axe-in-page.d.ts. Plain JavaScript: the project's TypeScript has no DOM types.
 */

/**
 * axe's violations of WCAG 2.1 A and AA (and axe's best practices), as readable lines: of every such
 * rule but `disabledRules`, or of `onlyRules` alone when given.
 */
export async function axeViolations({ disabledRules, onlyRules }) {
  const rules = {};
  for (const id of disabledRules) rules[id] = { enabled: false };
  const runOnly = onlyRules ? { type: 'rule', values: onlyRules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] };
  const results = await window.axe.run(document, { runOnly, rules });
  return results.violations.map(
    (violation) => violation.id + ' (' + violation.impact + '): ' + violation.nodes.slice(0, 3).map((node) => node.target.join(' ') + ' ' + ((node.any[0] || node.all[0] || node.none[0] || {}).message || '')).join(' | '),
  );
}

/** The focused element's tag, class and text, to say where keyboard focus is. */
export function focusedElement() {
  const element = document.activeElement;
  return element ? { tag: element.tagName.toLowerCase(), id: element.id, className: String(element.className), text: (element.textContent || '').trim().slice(0, 80) } : null;
}

/** The focused element's outline: a visible focus style has a non-zero width and is not `none`. */
export function focusOutline() {
  const element = document.activeElement;
  if (!element) return { style: 'none', width: '0px' };
  const style = window.getComputedStyle(element);
  return { style: style.outlineStyle, width: style.outlineWidth };
}
