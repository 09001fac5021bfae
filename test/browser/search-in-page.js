/* global document, window, MutationObserver */
/**
 * Functions the search browser tests run inside the page (see in-page.js for why they are plain
 * JavaScript); their signatures are in search-in-page.d.ts.
 */

/** Starts recording every text the status line (`#RB-search-status`) takes; read them with `statusTexts`. */
export function recordStatus() {
  const status = document.getElementById('RB-search-status');
  const seen = [];
  window.statusTexts = seen;
  new MutationObserver(function () {
    seen.push(status.textContent);
  }).observe(status, { childList: true, characterData: true, subtree: true });
}

/** The texts the status line took since `recordStatus`. */
export function statusTexts() {
  return window.statusTexts || [];
}

/** The tag names of the elements inside the first result's snippet. */
export function snippetTags() {
  const snippet = document.querySelector('#RB-search-results .search-result-snippet');
  return snippet ? Array.from(snippet.querySelectorAll('*'), (node) => node.tagName) : [];
}

/** What the markup in a snippet would have set, had it run. */
export function hacked() {
  return window.hacked;
}
