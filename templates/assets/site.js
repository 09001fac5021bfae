/* runbook site: filters on the index and copy buttons on commands. No network, no dependencies. */
/* global document, navigator, window */
(function () {
  'use strict';

  /** Copy buttons: shown only when JavaScript runs; copy the command next to them. */
  function setUpCopyButtons() {
    for (const button of document.querySelectorAll('[data-copy]')) {
      button.hidden = false;
      button.addEventListener('click', function () {
        const code = button.parentElement && button.parentElement.querySelector('code');
        if (!code) return;
        const text = code.textContent || '';
        const done = function (ok) {
          button.textContent = ok ? 'Copied' : 'Select and copy';
          window.setTimeout(function () { button.textContent = 'Copy'; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(selectText(code)); });
        } else {
          done(selectText(code));
        }
      });
    }
  }

  /** Commands in a recovery section shown as written get a copy button like the steps' commands. */
  function wrapWrittenCommands() {
    for (const pre of document.querySelectorAll('.recovery-as-written pre')) {
      if (!pre.querySelector('code') || (pre.parentElement && pre.parentElement.classList.contains('command'))) continue;
      const wrapper = document.createElement('div');
      wrapper.className = 'command';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      button.setAttribute('data-copy', '');
      button.hidden = true;
      button.textContent = 'Copy';
      pre.replaceWith(wrapper);
      wrapper.append(pre, button);
    }
  }

  /** Fallback for pages where the clipboard API is unavailable: select the text for Ctrl+C. */
  function selectText(element) {
    const selection = window.getSelection();
    if (!selection) return false;
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    // execCommand throws in some browsers when copying is not allowed; the text stays selected.
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }

  /** Filters: team, service, severity and status selects hide the rows that do not match. */
  function setUpFilters() {
    const panel = document.querySelector('[data-filters]');
    if (!panel) return;
    panel.hidden = false;
    const selects = Array.from(panel.querySelectorAll('select[data-filter]'));
    const rows = Array.from(document.querySelectorAll('.runbook-table tbody tr'));
    const count = panel.querySelector('[data-filter-count]');
    const apply = function () {
      let shown = 0;
      for (const row of rows) {
        const match = selects.every(function (select) {
          return select.value === '' || row.dataset[select.dataset.filter] === select.value;
        });
        row.hidden = !match;
        if (match) shown += 1;
      }
      if (count) count.textContent = shown === rows.length ? '' : shown + ' of ' + rows.length + ' shown';
    };
    for (const select of selects) select.addEventListener('change', apply);
    apply();
  }

  /** Print buttons (the cheat sheet): shown only when JavaScript runs, since printing needs it. */
  function setUpPrintButtons() {
    for (const button of document.querySelectorAll('[data-print]')) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    wrapWrittenCommands();
    setUpCopyButtons();
    setUpFilters();
    setUpPrintButtons();
  });
})();
