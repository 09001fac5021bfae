// Types of in-page.js: functions Playwright runs inside the page.

/** The body's computed margin. */
export function bodyMargin(): string;
/** The id of the focused element ('' when none has one). */
export function activeElementId(): string;
/** The text selected on the page. */
export function selectedText(): string;
/** What the live DOM holds that no page of the site may, as readable lines. */
export function domProblems(prefix: string): string[];
/** Focuses every element of the main content and fires hover, focus, drag and toggle events on each. */
export function fireEverything(): void;
/** Clicks every button, summary and link of the main content that stays on the page; returns how many. */
export function clickInPlace(): number;
