// Shared page behaviour: the CSRF token on every htmx request, failed htmx requests shown as an alert,
// and a return to the login page when the session has expired (the server answered with the login form).
(function () {
  function meta(name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; }
  document.addEventListener('htmx:configRequest', function (e) {
    var token = meta('_csrf'), header = meta('_csrf_header');
    if (token && header) e.detail.headers[header] = token;
  });
  document.addEventListener('htmx:beforeSwap', function (e) {
    var xhr = e.detail.xhr;
    if (xhr.responseURL && xhr.responseURL.indexOf('/login') >= 0 && xhr.responseURL.indexOf('/login') === xhr.responseURL.length - 6) {
      window.location = '/login?expired';
      e.detail.shouldSwap = false;
      return;
    }
    if (xhr.status >= 400 && xhr.getResponseHeader('X-Swift-Inline') === 'row') {
      e.detail.shouldSwap = true; // a refused inline decision: its row comes back with the problem in it
      e.detail.isError = false;
      return;
    }
    if (xhr.status >= 400 && !e.target.hasAttribute('data-hide-on-error')) {
      var box = document.getElementById('flash-live');
      if (box) { box.innerHTML = xhr.responseText; box.hidden = false; }
      e.detail.shouldSwap = false;
    }
  });
  // a panel whose module is not installed (404) hides itself: hooks for suggestions, knowledge, rankings
  document.addEventListener('htmx:responseError', function (e) {
    var panel = e.target.closest('[data-hide-on-error]');
    if (panel) panel.hidden = true;
  });
})();
