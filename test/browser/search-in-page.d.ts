// Types of search-in-page.js: functions Playwright runs inside the page.

/** Starts recording every text the status line takes. */
export function recordStatus(): void;
/** The texts the status line took since `recordStatus`. */
export function statusTexts(): string[];
/** The tag names of the elements inside the first result's snippet. */
export function snippetTags(): string[];
/** What the markup in a snippet would have set, had it run. */
export function hacked(): unknown;
