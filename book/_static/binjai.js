/* Sortable tables: click (or press Enter on) a header of a table.sortable to sort its rows.
   Numbers in Indonesian format ("1.234,5 %", "Rp 2,3 miliar") sort as numbers. */
(function () {
  "use strict";
  var UNITS = { "triliun": 1e12, "miliar": 1e9, "juta": 1e6 };
  var MISSING = ["", "–", "-", "—"];

  function numberOf(text) {
    var t = text.replace(/\u2212/g, "-").trim();
    var unit = 1;
    Object.keys(UNITS).forEach(function (word) { if (t.indexOf(word) !== -1) { unit = UNITS[word]; } });
    var m = t.replace(/Rp|%|\s|triliun|miliar|juta/g, "").replace(/\./g, "").replace(",", ".");
    var n = parseFloat(m);
    return isNaN(n) || !/^-?[\d.]+$/.test(m) ? null : n * unit;
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = a.cells[column] ? a.cells[column].textContent.trim() : "";
      var y = b.cells[column] ? b.cells[column].textContent.trim() : "";
      var mx = MISSING.indexOf(x) !== -1, my = MISSING.indexOf(y) !== -1;
      if (mx || my) { return mx === my ? 0 : (mx ? 1 : -1); }  // missing last, either way
      var nx = numberOf(x), ny = numberOf(y), order;
      if (nx !== null && ny !== null) { order = nx - ny; }
      else if (nx !== null) { order = -1; }
      else if (ny !== null) { order = 1; }
      else { order = x.localeCompare(y, "id"); }
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enable(table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.setAttribute("tabindex", "0");
      header.setAttribute("title", "Urutkan menurut kolom ini");
      header.addEventListener("click", function () { sortBy(table, column, header); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, column, header); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enable);
  });
})();

/* Print: mark the "Unduh: CSV · XLSX" lines, which mean nothing on paper, and the table cells
   that hold one figure ("8,42 %", "96.457.106.141"), which must not wrap; binjai.css uses both
   in @media print. */
(function () {
  "use strict";
  var FIGURE = /^[\u2212+\-<>≈~]?\s?(Rp\s?)?[\d.,]+\s?(%|x|poin)?$/;
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("p"), function (p) {
      if (/^\s*Unduh:/.test(p.textContent) && p.querySelector("a.download, a[download]")) {
        p.classList.add("binjai-download-line");
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("td"), function (cell) {
      var text = cell.textContent.trim();
      if (text.length <= 18 && FIGURE.test(text)) { cell.classList.add("binjai-figure-cell"); }
    });
  });
})();
