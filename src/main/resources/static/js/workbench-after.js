// Right after the workbench recorded an order (the order page, once): report the agent's choice for the intake
// suggestion (POST /api/v1/intake/feedback, so acceptance is measured), offer 并单 into the repeat candidates
// seen while typing (POST /api/v1/intake/merges, then the sentence to tell the requester), and answer with the
// knowledge article the agent chose (POST /knowledge/assist/answer). Server text goes in with textContent.
(function () {
  function meta(n) { var m = document.querySelector('meta[name="' + n + '"]'); return m ? m.content : null; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function headers(type) {
    var h = { 'Content-Type': type, 'Accept': 'application/json' };
    if (meta('_csrf_header')) h[meta('_csrf_header')] = meta('_csrf');
    return h;
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: headers('application/json'), body: JSON.stringify(body) }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, body: j }; });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('after-record');
    if (!box) return;
    var out = document.getElementById('after-body'), d = box.dataset, orderId = Number(d.orderId);
    function say(text, cls) { var p = el('p', text, cls || 'ok'); p.setAttribute('role', 'status'); out.appendChild(p); box.hidden = false; }

    if (d.suggestionId) {
      post('/api/v1/intake/feedback', { suggestionId: d.suggestionId, orderId: orderId }).then(function (r) {
        if (r.ok) say(d.feedback, 'muted feedback-done'); // seen, so the agent knows the choice counted
      });
      var repeats = [];
      try { repeats = JSON.parse(sessionStorage.getItem('wb.repeats.' + d.suggestionId) || '[]'); } catch (ignored) { }
      sessionStorage.removeItem('wb.repeats.' + d.suggestionId);
      repeats = repeats.filter(function (r) { return r.orderId !== orderId; });
      if (repeats.length) {
        out.appendChild(el('h3', d.repeats));
        var ul = el('ul', null, 'repeats');
        repeats.forEach(function (r) {
          var li = el('li');
          var a = el('a', r.number); a.href = '/orders/' + r.orderId; li.appendChild(a);
          li.appendChild(document.createTextNode(' ' + (r.state || '') + ' · ' + (r.reasons || []).join(', ') + ' '));
          ul.appendChild(li);
          if (d.mergeable !== 'true') return; // dispatched or closed already: 并单 is no longer allowed, the link remains
          var b = el('button', d.merge + ' ' + r.number, 'merge'); b.type = 'button';
          b.addEventListener('click', function () {
            b.disabled = true;
            post('/api/v1/intake/merges', { orderId: orderId, primaryOrderId: r.orderId }).then(function (m) {
              if (m.ok) {
                out.querySelectorAll('button.merge').forEach(function (x) { x.disabled = true; });
                say(d.merged + '：' + m.body.tellRequester, 'ok tell-requester');
              } else {
                b.disabled = false;
                say(m.body.detail || m.body.title || 'error', 'error');
              }
            });
          });
          li.appendChild(b);
        });
        out.appendChild(ul);
        box.hidden = false;
      }
    }
    if (d.articleId) {
      var form = new URLSearchParams({ articleId: d.articleId, orderId: String(orderId) });
      fetch('/knowledge/assist/answer', { method: 'POST', headers: headers('application/x-www-form-urlencoded'), body: form })
        .then(function (r) { return r.text(); }).then(function (html) {
          // the fragment is one <p class="ok|error">: keep its text only
          var p = new DOMParser().parseFromString(html, 'text/html').querySelector('p');
          if (p) say(p.textContent, p.className === 'error' ? 'error' : 'ok kb-answered');
        });
    }
  });
})();
