/* global document, window, navigator, Navigator */
/**
 * Functions the navigation tests run inside the page (see in-page.js for why they are plain
 * JavaScript); their signatures are in navigate-in-page.d.ts. Each is self-contained.
 */

/** The element the address's fragment targets, and whether it is at the top of the window (or the page cannot scroll further). */
export function landedTarget() {
  const target = document.querySelector(':target');
  if (target === null) return { id: '', inView: false };
  const top = target.getBoundingClientRect().top;
  const atBottom = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight;
  return { id: target.id, inView: top >= -1 && (top < 2 || atBottom) && top < window.innerHeight };
}

/** What the clipboard holds. */
export function clipboardText() {
  return navigator.clipboard.readText();
}

/** Whether the focused element is a copy button. */
export function copyButtonFocused() {
  return document.activeElement !== null && document.activeElement.matches('button[data-copy]');
}

/** The text of the code block next to the focused element. */
export function focusedCodeText() {
  const block = document.activeElement && document.activeElement.parentElement && document.activeElement.parentElement.querySelector('pre');
  return block ? block.textContent || '' : '';
}

/** Takes the clipboard API away, as some browsers do on file:// (an init script). */
export function hideClipboard() {
  Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
}

/** Makes the old way of copying fail too, and clears the selection. */
export function breakExecCommand() {
  document.execCommand = () => false;
  const selection = window.getSelection();
  if (selection) selection.removeAllRanges();
}
