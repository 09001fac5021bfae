/* runbook site: filters on the index, copy buttons on code blocks, the table of contents. No network, no dependencies. */
/* global document, navigator, window */
(function () {
  'use strict';

  /**
   * Copy buttons: shown only when JavaScript runs; each copies the code block next to it and says
   * what happened in a polite live region. From file:// the clipboard API may be missing or refuse:
   * then the text is selected and copied the old way (the same string, set on the copy event), and
   * when that fails too the reader is told to press Ctrl+C (the text stays selected). A block that
   * holds hidden characters (shown as `.hidden-char` chips) is never copied: the reader is told to
   * check it and copy it by hand.
   */
  function setUpCopyButtons() {
    const buttons = document.querySelectorAll('[data-copy]');
    if (buttons.length === 0) return;
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('data-copy-status', '');
    document.body.append(status);
    for (const button of buttons) {
      button.hidden = false;
      button.addEventListener('click', function () {
        const pre = button.parentElement && button.parentElement.querySelector('pre');
        const shown = pre && copyable(pre);
        if (!shown) return;
        const say = function (message, label) {
          button.textContent = label;
          // Emptied first, so that the same message twice is announced twice.
          status.textContent = '';
          window.setTimeout(function () { status.textContent = message; }, 50);
          window.setTimeout(function () { button.textContent = 'Copy'; }, 2000);
        };
        if (shown.hidden.length > 0) {
          say('Not copied: this command holds hidden characters (' + shown.hidden.join(', ') + '); check it and copy it by hand', 'Not copied');
          return;
        }
        // Without the block's last line break: a pasted command waits for the reader's Enter.
        const text = shown.text.replace(/\n+$/, '');
        const fallback = function () {
          if (selectAndCopy(pre, text)) say('Copied', 'Copied');
          else say('Press Ctrl+C to copy the selected text', 'Press Ctrl+C');
        };
        if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
          navigator.clipboard.writeText(text).then(function () { say('Copied', 'Copied'); }, fallback);
        } else {
          fallback();
        }
      });
    }
  }

  /**
   * What a code block shows, when it is text alone: a Markdown fence or indented block
   * (`<pre><code>` holding text), a step's command (text in `.token` spans) or a `<pre>` holding
   * only text, with the hidden characters' chips (`.hidden-char`) named apart. Undefined for a block
   * holding any other element (raw HTML such as `<ruby><rp>`, `<details>` or `<del>`), whose text
   * is not what the reader sees: it gets no copy button.
   */
  function copyable(pre) {
    const only = pre.childNodes.length === 1 ? pre.firstChild : null;
    const holder = only && only.nodeType === 1 && only.tagName === 'CODE' ? only : pre;
    let text = '';
    const hidden = [];
    const read = function (node, inToken) {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) text += child.data;
        else if (child.nodeType === 1 && child.tagName === 'SPAN' && child.className === 'hidden-char') {
          if (hidden.indexOf(child.textContent) === -1) hidden.push(child.textContent);
        }
        else if (child.nodeType === 1 && child.tagName === 'SPAN' && child.className === 'token' && !inToken) {
          if (!read(child, true)) return false;
        } else return false;
      }
      return true;
    };
    return read(holder, false) ? { text: text, hidden: hidden } : undefined;
  }

  /**
   * Every code block of a runbook page that is text alone (see copyable) gets a copy button like the
   * steps' commands: commands of a recovery shown as written as `.command`, the body's blocks as
   * `.code-block` (they keep their own wrapping and scrolling).
   */
  function wrapCodeBlocks() {
    for (const pre of document.querySelectorAll('.runbook pre')) {
      const parent = pre.parentElement;
      if (!parent || parent.classList.contains('command') || parent.classList.contains('code-block') || !copyable(pre)) continue;
      const wrapper = document.createElement('div');
      wrapper.className = pre.closest('.recovery-as-written') ? 'command' : 'code-block';
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

  /**
   * Fallback for pages where the clipboard API is unavailable: select the block (so that the reader
   * can press Ctrl+C when this fails) and copy `text`, the string the clipboard API would have
   * copied, by setting it on the copy event.
   */
  function selectAndCopy(element, text) {
    const selection = window.getSelection();
    if (!selection) return false;
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    const put = function (event) {
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', put);
    // execCommand throws in some browsers when copying is not allowed; the text stays selected.
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      document.removeEventListener('copy', put);
    }
  }

  /**
   * The table of contents: open beside the page on wide screens, a closed "On this page" on phones
   * (without JavaScript it is closed everywhere and opens on a click).
   */
  function setUpToc() {
    const toc = document.querySelector('[data-toc]');
    if (!toc) return;
    const wide = window.matchMedia('(min-width: 64rem)');
    const sync = function () { toc.open = wide.matches; };
    sync();
    wide.addEventListener('change', sync);
  }

  /** Printing shows what folded sections of the runbook hold. */
  function setUpPrinting() {
    const folded = [];
    window.addEventListener('beforeprint', function () {
      for (const details of document.querySelectorAll('.runbook .body details:not([open]), .runbook .recovery details:not([open])')) {
        details.open = true;
        folded.push(details);
      }
    });
    window.addEventListener('afterprint', function () {
      for (const details of folded.splice(0)) details.open = false;
    });
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

  /**
   * Code blocks and tables of the runbook that scroll sideways can be scrolled by keyboard: each
   * that is wider than its box gets a place in the tab order (part D, #14: WCAG 2.1.1), checked
   * again when the window changes size.
   */
  function focusableScrollers() {
    const mark = function () {
      for (const box of document.querySelectorAll('.runbook pre, .runbook .body table')) {
        if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
        else box.removeAttribute('tabindex');
      }
    };
    mark();
    window.addEventListener('resize', mark);
  }

  /** Print buttons (the cheat sheet): shown only when JavaScript runs, since printing needs it. */
  function setUpPrintButtons() {
    for (const button of document.querySelectorAll('[data-print]')) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    wrapCodeBlocks();
    setUpCopyButtons();
    setUpToc();
    setUpPrinting();
    setUpFilters();
    setUpPrintButtons();
    focusableScrollers();
  });
})();
