// Live lists: one EventSource per page on the address in data-live; each "order" event fires "order-changed",
// which makes the list (hx-trigger="order-changed from:body") reload itself. The browser reconnects on its own.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.querySelector('[data-live]');
    if (!el || !window.EventSource) return;
    var source = new EventSource(el.getAttribute('data-live'));
    var status = document.getElementById('live-status');
    source.addEventListener('hello', function () { if (status) status.hidden = false; });
    var pending = null;
    source.addEventListener('order', function () {
      clearTimeout(pending); // a burst of changes reloads once
      pending = setTimeout(function () { document.body.dispatchEvent(new Event('order-changed')); }, 300);
    });
    source.onerror = function () { if (status) status.hidden = true; };
  });
})();
