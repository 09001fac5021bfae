// Types of navigate-in-page.js: functions Playwright runs inside the page.

/** The element the address's fragment targets, and whether it is at the top of the window (or the page cannot scroll further). */
export function landedTarget(): { readonly id: string; readonly inView: boolean };
/** What the clipboard holds. */
export function clipboardText(): Promise<string>;
/** Whether the focused element is a copy button. */
export function copyButtonFocused(): boolean;
/** The text of the code block next to the focused element. */
export function focusedCodeText(): string;
/** Takes the clipboard API away, as some browsers do on file:// (an init script). */
export function hideClipboard(): void;
/** Makes the old way of copying fail too, and clears the selection. */
export function breakExecCommand(): void;
