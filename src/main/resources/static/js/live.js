// Live lists: one EventSource per page on the address in data-live; each "order" event fires "order-changed",
// which makes the list (hx-trigger="order-changed from:body") reload itself. The browser reconnects on its own.
// A reload waits while someone is typing in a field of the list (it would wipe what they typed), and the field
// that had the focus gets it back after the reload.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.querySelector('[data-live]');
    if (!el || !window.EventSource) return;
    var source = new EventSource(el.getAttribute('data-live'));
    var status = document.getElementById('live-status');
    source.addEventListener('hello', function () { if (status) status.hidden = false; });
    var pending = null, refocus = null;
    function typingInList() {
      var a = document.activeElement, list = document.querySelector('[data-live]');
      return a && list && list.contains(a) && a.matches('input, textarea') && a.value !== a.defaultValue;
    }
    function reload() {
      if (typingInList()) { pending = setTimeout(reload, 1500); return; }
      var a = document.activeElement;
      refocus = a && a.id ? a.id : null;
      document.body.dispatchEvent(new Event('order-changed'));
    }
    source.addEventListener('order', function () {
      clearTimeout(pending); // a burst of changes reloads once
      pending = setTimeout(reload, 300);
    });
    document.addEventListener('htmx:afterSettle', function () {
      if (!refocus) return;
      var f = document.getElementById(refocus);
      refocus = null;
      if (f) f.focus();
    });
    source.onerror = function () { if (status) status.hidden = true; };
  });
})();
