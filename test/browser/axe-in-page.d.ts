// Types of axe-in-page.js: functions Playwright runs inside the page.

/** axe's violations of WCAG 2.1 A and AA (and axe's best practices), as readable lines: all but `disabledRules`, or `onlyRules` alone. */
export function axeViolations(rules: { readonly disabledRules: readonly string[]; readonly onlyRules: readonly string[] | null }): Promise<string[]>;
/** The focused element's tag, id, class and text (null when nothing has focus). */
export function focusedElement(): { tag: string; id: string; className: string; text: string } | null;
/** The focused element's computed outline style and width. */
export function focusOutline(): { style: string; width: string };
