/**
 * The report's only script, inlined into the page. It enhances what is already readable without
 * it: a sort button in every header of a `data-sortable` table (`aria-sort` says the order), and
 * the worst items' filters (shown only when this runs). It reads the escaped cells and `data-`
 * attributes; no data is embedded in it, so nothing from the labels is ever inside `<script>`.
 * Plain ES2017, no dependencies.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  function sortKey(row, column) {
    var cell = row.cells[column];
    if (!cell) return '';
    var key = cell.getAttribute('data-sort');
    return key === null ? cell.textContent.trim() : key;
  }
  function sortTable(table, header, column) {
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var numeric = header.getAttribute('data-type') === 'number';
    var heads = table.tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) {
      if (heads[h].hasAttribute('aria-sort')) heads[h].setAttribute('aria-sort', 'none');
    }
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, index) {
      return { row: row, key: sortKey(row, column), index: index };
    });
    keyed.sort(function (a, b) {
      // Missing values go last in either direction; ties keep their order.
      if (a.key === '' || b.key === '') {
        return a.key === b.key ? a.index - b.index : a.key === '' ? 1 : -1;
      }
      var order = numeric ? Number(a.key) - Number(b.key) : collator.compare(a.key, b.key);
      return (ascending ? order : -order) || a.index - b.index;
    });
    keyed.forEach(function (entry) { body.appendChild(entry.row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (header, column) {
      var button = document.createElement('button');
      button.type = 'button';
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      header.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () { sortTable(table, header, column); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('form[data-filters]'), function (form) {
    var table = document.getElementById(form.getAttribute('data-filters'));
    var count = form.querySelector('[data-filter-count]');
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var kind = form.elements.kind.value;
      var cls = form.elements['class'].value;
      var annotator = form.elements.annotator.value;
      var shown = 0;
      rows.forEach(function (row) {
        var show = (kind === '' || row.getAttribute('data-kind') === kind) &&
          (cls === '' || row.getAttribute('data-benchmark-class') === cls ||
            row.getAttribute('data-training-class') === cls) &&
          (annotator === '' || row.getAttribute('data-annotator') === annotator);
        row.hidden = !show;
        if (show) shown++;
      });
      if (count) count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' items.';
    }
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
})();
`
