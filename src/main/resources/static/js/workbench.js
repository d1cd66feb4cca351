// Workbench helpers: choosing a category from the search list (mouse or keyboard), and the hooks for the
// intake suggestions (POST /api/v1/intake/suggestions) and the knowledge base (/knowledge/assist?q=). A hook
// whose module is not installed answers 404 and its panel simply stays hidden.
(function () {
  function meta(n) { var m = document.querySelector('meta[name="' + n + '"]'); return m ? m.content : null; }
  document.addEventListener('click', function (e) {
    var b = e.target.closest('#category-list button[data-code]');
    if (!b) return;
    document.getElementById('categoryCode').value = b.dataset.code;
    document.getElementById('category-chosen').textContent = b.dataset.label;
    document.getElementById('category-list').innerHTML = '';
    document.body.dispatchEvent(new Event('category-chosen'));
    document.getElementById('address').focus();
  });
  document.addEventListener('keydown', function (e) {
    var list = document.getElementById('category-list');
    if (!list) return;
    if (e.target.id === 'category-search' && e.key === 'ArrowDown') {
      var first = list.querySelector('button'); if (first) { first.focus(); e.preventDefault(); }
    } else if (e.target.closest && e.target.closest('#category-list') && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      var next = e.key === 'ArrowDown' ? e.target.nextElementSibling : e.target.previousElementSibling;
      if (next) next.focus(); else if (e.key === 'ArrowUp') document.getElementById('category-search').focus();
      e.preventDefault();
    } else if (e.target.id === 'category-search' && e.key === 'Enter') {
      e.preventDefault(); // Enter in the search box picks, it does not submit the order
      var only = list.querySelector('button'); if (only) only.click();
    }
  });
  var timer = null;
  function text() {
    var t = document.getElementById('title'), d = document.getElementById('description');
    return { title: t ? t.value : '', description: d ? d.value : '' };
  }
  function render(items) {
    return items.map(function (i) {
      var li = document.createElement('li');
      li.textContent = [i.name || i.label || i.title || i.number || '', i.code ? '(' + i.code + ')' : '', i.score != null ? Math.round(i.score * 100) + '%' : '']
        .join(' ').trim();
      return li;
    });
  }
  function suggestions() {
    var panel = document.getElementById('suggestions'), q = text();
    if (!panel || (q.title + q.description).trim().length < 4) return;
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (meta('_csrf_header')) headers[meta('_csrf_header')] = meta('_csrf');
    fetch('/api/v1/intake/suggestions', { method: 'POST', headers: headers, body: JSON.stringify(q) }).then(function (r) {
      if (!r.ok) { panel.hidden = true; return null; }
      return r.json();
    }).then(function (body) {
      if (!body) return;
      var box = document.getElementById('suggestions-body'); box.innerHTML = '';
      Object.keys(body).forEach(function (k) {
        if (!Array.isArray(body[k]) || !body[k].length) return;
        var h = document.createElement('h3'); h.textContent = k; box.appendChild(h);
        var ul = document.createElement('ul'); render(body[k]).forEach(function (li) { ul.appendChild(li); }); box.appendChild(ul);
      });
      panel.hidden = !box.children.length;
    }).catch(function () { panel.hidden = true; });
    var kn = document.getElementById('knowledge');
    fetch('/knowledge/assist?q=' + encodeURIComponent(q.title), { headers: { 'HX-Request': 'true' } }).then(function (r) {
      if (!r.ok) { kn.hidden = true; return null; }
      return r.text();
    }).then(function (html) {
      if (html == null) return;
      // the fragment comes from this application's own knowledge module, which escapes its content
      document.getElementById('knowledge-body').innerHTML = html; kn.hidden = false;
    }).catch(function () { kn.hidden = true; });
  }
  document.addEventListener('input', function (e) {
    if (e.target.id !== 'title' && e.target.id !== 'description') return;
    clearTimeout(timer); timer = setTimeout(suggestions, 700);
  });
})();
