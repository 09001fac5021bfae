/* global clearTimeout, document, location, setTimeout, window */
/**
 * Runbook site search, the page part: wires the search box to the index in `search/*.js`.
 *
 * Needs `search-core.js` loaded before it, and on the page:
 * - `<html data-root="../../">`: the relative path from the page to the site root;
 * - `#RB-search-input` (a text input), `#RB-search-results` (an `<ol>` or `<ul>`), and optionally
 *   `#RB-search-status` (a polite live region for counts and problems);
 * - `data-search-query` on the input to search for something on load, or `<body data-page="404">`
 *   to search for the last segment of the address (an alert name nobody wrote a runbook for).
 *
 * Data files are loaded with `<script src>` (no fetch: pages also work from `file://`), each calls
 * `window.runbookSearch.register(name, data)`. Each result gets a snippet once its text file
 * (`search/text/<n>.js`) is loaded, built from text nodes and `<mark>` elements, never markup.
 * The status line (a polite live region) changes only once a query has settled for ANNOUNCE_DELAY,
 * so a screen reader hears the count of what was typed, not of every keystroke. Nothing here uses inline code, eval or style
 * attributes, so it runs under `script-src 'self'`.
 *
 * Keys: `/` focuses the box (unless typing elsewhere), ArrowDown and ArrowUp move through the
 * results, Enter opens the selected one (or the first), Escape clears the box.
 */
(function () {
  'use strict';

  const MAX_RESULTS = 20;
  /** Where an alert name may break: the rule of BREAK_POINTS in src/site/name-breaks.ts. */
  const NAME_BREAKS = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=[_\-./:])(?=[^_\-./:])/u;
  /** Milliseconds the status waits for typing to pause before it changes (and is announced). */
  const ANNOUNCE_DELAY = 350;

  const core = window.runbookSearchCore;
  const input = document.getElementById('RB-search-input');
  const list = document.getElementById('RB-search-results');
  const status = document.getElementById('RB-search-status');
  if (!core || !input || !list) return;

  const root = document.documentElement.dataset.root || '';
  const index = core.createIndex();
  /** Data file name → promise settled once its script has run (or failed). */
  const scripts = new Map();
  /** Bumped by every search, so that a slow, older search never overwrites a newer one. */
  let generation = 0;
  /** Whether the results shown answer what is in the box (not while its data files load). */
  let settled = true;
  /** Enter was pressed before the results were there: open the first once they are. */
  let openWhenSettled = false;
  let selected = -1;
  let statusTimer;

  window.runbookSearch = {
    register: function (name, data) {
      index.register(name, data);
    },
  };

  function load(name) {
    let promise = scripts.get(name);
    if (promise === undefined) {
      promise = new Promise(function (resolve) {
        const script = document.createElement('script');
        script.src = root + 'search/' + name + '.js';
        script.async = true;
        script.addEventListener('load', function () {
          // A file that ran without registering (or registered bad data) must not be asked for again.
          index.markFailed(name);
          resolve();
        });
        script.addEventListener('error', function () {
          index.markFailed(name);
          resolve();
        });
        document.head.appendChild(script);
      });
      scripts.set(name, promise);
    }
    return promise;
  }

  /** Searches for `text`, loading the data files it needs (a few rounds: manifest, terms, rows). */
  async function run(text) {
    const mine = ++generation;
    settled = false;
    for (let round = 0; round < 10; round++) {
      const answer = index.search(text, MAX_RESULTS);
      if (answer.kind !== 'loading') {
        settled = true;
        show(answer, text);
        if (answer.kind === 'results') showSnippets(answer, mine);
        if (openWhenSettled) {
          openWhenSettled = false;
          open();
        }
        return;
      }
      // Results of the previous query must not stay clickable (or open on Enter) meanwhile.
      if (round === 0) hideResults();
      if (answer.files.includes('manifest')) setStatus('Loading the search index…');
      await Promise.all(answer.files.map(load));
      if (mine !== generation) return;
    }
    settled = true;
    setStatus('Search gave up: the search index keeps asking for more files.');
  }

  /** Loads the text files of the results shown and puts a snippet under each (unless another search started). */
  async function showSnippets(answer, mine) {
    const items = Array.from(list.children);
    const fill = function () {
      answer.results.forEach(function (result, position) {
        const item = items[position];
        if (!item || item.querySelector('.search-result-snippet')) return;
        const segments = index.snippet(result.number, answer.terms);
        if (segments !== undefined && segments.length > 0) item.querySelector('a').appendChild(snippetElement(segments));
      });
    };
    fill();
    const names = answer.results
      .map(function (result) {
        return index.textFile(result.number);
      })
      .filter(Boolean);
    await Promise.all(names.map(load));
    if (mine === generation) fill();
  }

  function snippetElement(segments) {
    const snippet = element('span', 'search-result-snippet');
    for (const segment of segments) {
      snippet.appendChild(segment.mark ? element('mark', 'search-hit', segment.text) : document.createTextNode(segment.text));
    }
    return snippet;
  }

  function hideResults() {
    selected = -1;
    input.removeAttribute('aria-activedescendant');
    input.setAttribute('aria-expanded', 'false');
    list.replaceChildren();
    list.hidden = true;
  }

  function show(answer, text) {
    hideResults();
    if (answer.kind === 'empty') {
      setStatus('');
      return;
    }
    if (answer.kind === 'unavailable') {
      setStatus('The search index could not be loaded (search/manifest.js).');
      return;
    }
    list.replaceChildren(...answer.results.map(resultItem));
    list.hidden = answer.results.length === 0;
    input.setAttribute('aria-expanded', String(answer.results.length > 0));
    setStatus(summary(answer, text));
  }

  function summary(answer, text) {
    const problem = answer.incomplete ? ' Part of the search index could not be loaded; reload the page.' : '';
    if (answer.total === 0) return 'No runbook matches “' + text.trim() + '”.' + problem;
    const shown = answer.total > answer.results.length ? ', showing the first ' + answer.results.length : '';
    const some = answer.total - answer.allWords;
    if (answer.allWords === 0) return 'No runbook has every word; showing runbooks with some of them (' + runbooks(some) + shown + ').' + problem;
    if (some > 0) return runbooks(answer.allWords) + ' with every word, then ' + some + ' with some of them' + shown + '.' + problem;
    return runbooks(answer.total) + shown + '.' + problem;
  }

  function runbooks(count) {
    return count === 1 ? '1 runbook' : count + ' runbooks';
  }

  /**
   * One result: the link is the listbox's option (a link inside an option would be an interactive
   * element nested in another), its list item only holds it.
   */
  function resultItem(result, position) {
    const found = result.document;
    const item = element('li', 'search-result');
    item.setAttribute('role', 'none');
    const link = element('a', 'search-result-link');
    link.id = 'RB-search-result-' + position;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
    link.tabIndex = -1;
    link.href = safeUrl(found.url);
    link.appendChild(element('span', 'search-result-title', found.title));
    for (const alert of found.alerts) link.appendChild(breakableName(alert));
    if (found.severity !== undefined) link.appendChild(element('span', 'badge severity severity-' + classPart(found.severity), found.severity));
    link.appendChild(element('span', 'badge status status-' + classPart(found.status), found.status));
    const where = [found.service, found.owner].filter(Boolean).join(' · ');
    if (where !== '') link.appendChild(element('span', 'search-result-meta', where));
    item.appendChild(link);
    return item;
  }

  /**
   * An alert name that a narrow line breaks where a reader would (`KubePod` / `CrashLooping`): <wbr>
   * at CamelCase humps, after an acronym and after `_ - . / :`, as src/site/name-breaks.ts does.
   */
  function breakableName(name) {
    const code = element('code', 'search-result-alert');
    name.split(NAME_BREAKS).forEach(function (part, i) {
      if (i > 0) code.appendChild(document.createElement('wbr'));
      code.appendChild(document.createTextNode(part));
    });
    return code;
  }

  /** A link to a page of the site; anything that looks absolute (a scheme, `//`) is not followed. */
  function safeUrl(url) {
    return /^([a-z][a-z0-9+.-]*:|\/)/i.test(url) ? '#' : root + url;
  }

  /** A value as a class name part: `Never tested` → `never-tested`. */
  function classPart(value) {
    return value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Sets the status line once typing pauses (a live region: each change is read out). */
  function setStatus(text) {
    if (!status) return;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () {
      status.textContent = text;
    }, ANNOUNCE_DELAY);
  }

  function select(position) {
    const items = list.children;
    if (items.length === 0) return;
    selected = (position + items.length) % items.length;
    for (let i = 0; i < items.length; i++) {
      items[i].classList.toggle('is-selected', i === selected);
      const option = items[i].querySelector('[role="option"]');
      if (option) option.setAttribute('aria-selected', String(i === selected));
    }
    const current = items[selected].querySelector('[role="option"]');
    if (current) input.setAttribute('aria-activedescendant', current.id);
    items[selected].scrollIntoView({ block: 'nearest' });
  }

  function open() {
    const item = list.children[selected < 0 ? 0 : selected];
    const link = item && item.querySelector('a');
    if (link) location.assign(link.href);
  }

  function clear() {
    input.value = '';
    openWhenSettled = false;
    run('');
  }

  function isTyping(target) {
    return Boolean(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
  }

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  list.setAttribute('role', 'listbox');

  input.addEventListener('input', function () {
    openWhenSettled = false;
    run(input.value);
  });
  // Start loading the manifest as soon as someone means to search.
  input.addEventListener('focus', function () {
    load('manifest');
  });
  input.addEventListener('keydown', function (event) {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      select(event.key === 'ArrowDown' ? selected + 1 : Math.max(selected, 0) - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (settled) open();
      else openWhenSettled = true;
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (input.value === '') input.blur();
      else clear();
    }
  });
  if (input.form) {
    input.form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (settled) open();
      else openWhenSettled = true;
    });
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  const initial =
    input.dataset.searchQuery ||
    (document.body.dataset.page === '404' ? core.queryFromPath(location.pathname) : '') ||
    input.value; // what the browser restored when coming back to the page
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
