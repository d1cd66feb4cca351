// Workbench helpers: choosing a category from the search list (mouse or keyboard); the intake suggestions
// (POST /api/v1/intake/suggestions: top-3 categories with unit and explanation, repeat candidates) that the agent
// picks with one click or the keyboard; the address lookup (GET /api/v1/intake/places); and the knowledge base
// (/knowledge/assist?q=). A helper that fails or is not installed leaves its panel hidden. Server text is always
// put in with textContent; only the knowledge fragment (this application's own escaped HTML) is inserted as HTML.
(function () {
  function meta(n) { var m = document.querySelector('meta[name="' + n + '"]'); return m ? m.content : null; }
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function jsonHeaders() {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (meta('_csrf_header')) h[meta('_csrf_header')] = meta('_csrf');
    return h;
  }
  function chooseCategory(code, label) {
    $('categoryCode').value = code;
    $('category-chosen').textContent = label;
    document.body.dispatchEvent(new Event('category-chosen'));
  }

  // ---- category search list ----
  document.addEventListener('click', function (e) {
    var b = e.target.closest('#category-list button[data-code]');
    if (!b) return;
    chooseCategory(b.dataset.code, b.dataset.label);
    $('category-list').innerHTML = '';
    $('address').focus();
  });
  document.addEventListener('keydown', function (e) {
    var list = $('category-list');
    if (!list) return;
    if (e.target.id === 'category-search' && e.key === 'ArrowDown') {
      var first = list.querySelector('button'); if (first) { first.focus(); e.preventDefault(); }
    } else if (e.target.closest && e.target.closest('#category-list') && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      var next = e.key === 'ArrowDown' ? e.target.nextElementSibling : e.target.previousElementSibling;
      if (next) next.focus(); else if (e.key === 'ArrowUp') $('category-search').focus();
      e.preventDefault();
    } else if (e.target.id === 'category-search' && e.key === 'Enter') {
      e.preventDefault(); // Enter in the search box picks, it does not submit the order
      var only = list.querySelector('button'); if (only) only.click();
    }
  });

  // ---- intake suggestions ----
  var seq = 0;
  function request() {
    var t = $('title').value, d = $('description').value, phone = $('phone').value.trim();
    var body = { text: (t + '\n' + d).trim() };
    if (/^[0-9+\- ()]{3,20}$/.test(phone)) body.phone = phone;
    var lat = $('lat').value, lng = $('lng').value, addr = $('address').value.trim();
    if (lat && lng) body.location = { lat: parseFloat(lat), lng: parseFloat(lng) };
    else if (addr) body.location = { address: addr.slice(0, 200) };
    return body;
  }
  // the lead unit follows the chosen suggestion (a street matter gets its street once the address is known)
  // until the user picks a lead unit themselves
  function autoLead(c) {
    var unit = $('leadUnitCode');
    if (unit && unit.dataset.manual !== 'true' && c.unit && c.unit.code
        && unit.querySelector('option[value="' + CSS.escape(c.unit.code) + '"]')) unit.value = c.unit.code;
  }
  function pick(c) {
    chooseCategory(c.code, c.name + ' (' + c.code + ')');
    autoLead(c);
    document.querySelectorAll('#suggestions-body button.pick').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.code === c.code));
    });
  }
  function explanation(c, L) {
    var dl = el('ul', null, 'explain');
    var u = c.unit || {};
    dl.appendChild(el('li', L.unit + '：' + (u.code ? (u.name || u.code) + ' (' + u.code + ')' : L.unitPending)));
    var words = (c.words && c.words.length ? c.words : c.keywords) || [];
    if (words.length) dl.appendChild(el('li', L.words + '：' + words.join('、')));
    if (u.rule) dl.appendChild(el('li', L.rule + '：' + u.rule));
    if (u.place) dl.appendChild(el('li', L.place + '：' + u.place));
    return dl;
  }
  function renderRepeats(box, repeats, L) {
    var list = (repeats && repeats.candidates) || [];
    box.appendChild(el('h3', L.repeats));
    if (repeats && repeats.complete === false) box.appendChild(el('p', L.repeatsLoading, 'muted'));
    if (!list.length) { box.appendChild(el('p', L.noRepeats, 'muted')); return; }
    var ul = el('ul', null, 'repeats');
    list.forEach(function (r) {
      var li = el('li');
      var a = el('a', r.number); a.href = '/orders/' + r.orderId; a.target = '_blank';
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + (r.state || '') + ' · ' + (r.reasons || []).join(', ')
        + (r.similarity ? ' · ' + Math.round(r.similarity * 100) + '%' : '') + ' — ' + (r.title || '')));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    box.appendChild(el('p', L.mergeLater, 'muted'));
  }
  function render(s) {
    var panel = $('suggestions'), L = panel.dataset, box = $('suggestions-body');
    box.replaceChildren();
    $('suggestionId').value = s.id || '';
    if (s.unsure) {
      var u = el('p', L.unsure, 'flash error unsure'); u.setAttribute('role', 'status');
      if (s.unsureReason) u.appendChild(el('small', ' (' + s.unsureReason + ')'));
      box.appendChild(u);
    }
    var ol = el('ol', null, 'suggested');
    (s.categories || []).forEach(function (c) {
      var li = el('li');
      var b = el('button', L.pick + ' ' + c.name + ' ' + Math.round(c.confidence * 100) + '%', 'pick');
      b.type = 'button'; b.dataset.code = c.code; b.setAttribute('aria-pressed', String($('categoryCode').value === c.code));
      b.addEventListener('click', function () { pick(c); if (!$('address').value) $('address').focus(); });
      if (c.code === $('categoryCode').value) autoLead(c);
      li.appendChild(b);
      li.appendChild(el('div', c.path, 'muted'));
      li.appendChild(explanation(c, L));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    renderRepeats(box, s.repeats, L);
    try { // the order page offers 并单 for these once the order exists
      sessionStorage.setItem('wb.repeats.' + s.id, JSON.stringify(((s.repeats || {}).candidates || [])
        .map(function (r) { return { orderId: r.orderId, number: r.number, state: r.state, reasons: r.reasons }; })));
    } catch (ignored) { /* private mode: no merge offer later, the links above remain */ }
    panel.hidden = false;
  }
  function suggestions() {
    var body = request(), mine = ++seq;
    if (body.text.length < 4) return;
    fetch('/api/v1/intake/suggestions', { method: 'POST', headers: jsonHeaders(), body: JSON.stringify(body) }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (s) {
      if (mine !== seq) return; // a newer request is on its way
      if (s) render(s); else $('suggestions').hidden = true;
    }).catch(function () { $('suggestions').hidden = true; });
    knowledge(body.text);
  }

  // ---- knowledge base ----
  function knowledge(q) {
    var kn = $('knowledge');
    fetch('/knowledge/assist?q=' + encodeURIComponent(q.slice(0, 100)), { headers: { 'HX-Request': 'true' } }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html == null) { kn.hidden = true; return; }
      var body = $('knowledge-body');
      // the fragment comes from this application's own knowledge module, which escapes its content
      body.innerHTML = html;
      body.querySelectorAll('.hit .actions').forEach(function (actions) {
        var id = actions.id.replace('kb-result-', '');
        if (!/^\d+$/.test(id)) return;
        var b = el('button', kn.dataset.answer, 'answer-with'); b.type = 'button';
        b.addEventListener('click', function () { answerWith(id); });
        actions.prepend(b);
      });
      if (window.htmx) htmx.process(body); // its flag forms post with htmx (CSRF header added by app.js)
      kn.hidden = false;
    }).catch(function () { kn.hidden = true; });
  }
  // "Answer with this article": record the order as it stands (it stays RECEIVED), then the order page answers it
  // with the article (POST /knowledge/assist/answer), which closes the consultation and counts the article's use.
  function answerWith(articleId) {
    var form = $('workbench');
    form.querySelectorAll('input[name="mode"]').forEach(function (r) { r.checked = false; });
    var hidden = function (name, value) {
      var i = form.querySelector('input[type=hidden][name="' + name + '"]') || el('input');
      i.type = 'hidden'; i.name = name; i.value = value; form.appendChild(i);
    };
    hidden('mode', 'record');
    hidden('answerArticleId', articleId);
    form.requestSubmit();
  }

  // ---- address lookup ----
  function place() {
    var addr = $('address').value.trim(), out = $('place-status');
    if (!out) return;
    if (!addr) { out.replaceChildren(); return; }
    fetch('/api/v1/intake/places?address=' + encodeURIComponent(addr.slice(0, 200)), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; }).then(function (p) {
        out.replaceChildren();
        if (!p) return;
        out.dataset.status = p.status;
        if (p.status === 'RESOLVED') {
          out.textContent = out.dataset.resolved + '：' + p.streetName + ' (' + p.streetCode + ')' + (p.districtName ? '，' + p.districtName : '');
          if (!$('lat').value) { // a map pin is more precise and wins
            $('streetCode').value = p.streetCode;
            $('street-name').textContent = p.streetName + ' (' + p.streetCode + ')';
          }
        } else if (p.status === 'AMBIGUOUS') {
          out.textContent = out.dataset.ambiguous + '：';
          var ul = el('ul');
          (p.candidates || []).forEach(function (c) {
            ul.appendChild(el('li', c.streetName + ' (' + c.streetCode + ')' + (c.districtName ? '，' + c.districtName : '')
              + ((c.evidence || []).length ? ' ← ' + c.evidence.join('、') : '')));
          });
          out.appendChild(ul);
        } else {
          out.textContent = out.dataset.unknown;
        }
      }).catch(function () { out.replaceChildren(); });
  }

  // ---- triggers and keys ----
  var timer = null, placeTimer = null;
  function later() { clearTimeout(timer); timer = setTimeout(suggestions, 600); }
  document.addEventListener('input', function (e) {
    var id = e.target.id;
    if (id === 'title' || id === 'description' || id === 'phone') later();
    if (id === 'address') { clearTimeout(placeTimer); placeTimer = setTimeout(place, 400); later(); }
  });
  document.addEventListener('click', function (e) { if (e.target.closest('#map')) setTimeout(later, 300); });
  document.addEventListener('change', function (e) { if (e.target.id === 'leadUnitCode') e.target.dataset.manual = 'true'; });
  document.addEventListener('keydown', function (e) {
    var buttons = Array.prototype.slice.call(document.querySelectorAll('#suggestions-body button.pick'));
    if (!buttons.length) return;
    if (e.altKey && e.key === 'ArrowDown') { buttons[0].focus(); e.preventDefault(); return; }
    var i = buttons.indexOf(e.target);
    if (i < 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      var next = buttons[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus(); else if (e.key === 'ArrowUp') $('description').focus();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      $('description').focus();
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    if ($('address') && $('address').value) place();
  });
})();
