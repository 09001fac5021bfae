// Types of layout-probes.js: functions Playwright runs inside the page. Elements are opaque here
// (the project's TypeScript has no DOM types).

/** How far the page scrolls sideways: the document's width beyond the window's. */
export function sidewaysOverflow(): number;
/** The text of each text node under `elements` that is laid out on more than one line. */
export function textNodesOnSeveralLines(elements: readonly unknown[]): string[];
/** Each space-free token of the text under `elements` that is laid out on more than one line. */
export function tokensOnSeveralLines(elements: readonly unknown[]): string[];
/** How many lines an element's text takes. */
export function lineCount(element: unknown): number;
/** The element's computed `white-space`, `overflow-wrap` and `word-break`. */
export function wrapping(element: unknown): [string, string, string];
/** The element's computed `column-count`. */
export function columnCount(element: unknown): string;
/** The element's scrolling: its widths and its `overflow-x`. */
export function scrolling(element: unknown): { scroll: number; client: number; overflow: string };
