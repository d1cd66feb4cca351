// Dispatch console: the district copy follows the lead unit typed or picked from the unit list, and after an
// inline decision the keyboard moves on to the next row's first field (a refused decision keeps focus on its row).
(function () {
  document.addEventListener('input', function (e) {
    var lead = e.target.closest && e.target.closest('input[data-copy-target]');
    if (!lead) return;
    var out = document.getElementById(lead.getAttribute('data-copy-target'));
    if (!out) return;
    var option = Array.prototype.find.call(document.querySelectorAll('#units option'), function (o) { return o.value === lead.value; });
    var copy = option && option.getAttribute('data-copy');
    out.textContent = copy ? out.getAttribute('data-copy-text').replace('{0}', copy) : out.getAttribute('data-nocopy-text');
  });
  var current = null, next = null;
  document.addEventListener('htmx:beforeRequest', function (e) {
    var form = e.target.closest && e.target.closest('form.decision');
    if (!form) { current = null; return; }
    var row = form.closest('tr'), after = row && row.nextElementSibling;
    current = row.id;
    next = after ? after.id : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    if (!current) return;
    var row = document.getElementById(current);
    var problem = row && row.querySelector('[role=alert]');
    current = null;
    if (problem) { problem.focus(); return; }
    var following = next && document.getElementById(next);
    var field = following && following.querySelector('input:not([type=hidden]), textarea, button');
    if (field) field.focus();
  });
})();
