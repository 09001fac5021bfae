/* runbook serve: reloads the page when the site is rebuilt. Only included by `runbook serve`. */
/* global document, window, EventSource */
(function () {
  'use strict';
  const root = document.documentElement.dataset.root || '';
  const events = new EventSource(root + '__runbook/events');
  events.addEventListener('reload', function () {
    window.location.reload();
  });
})();
