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

/* Charts that fit their container: binjai_analysis/build/renderer.py draws each chart as
   specified and hands it here with its compact variant. A chart wider than its container (a
   phone) is drawn again compact at the container's width, and again when the window is
   resized across that width; `data-binjai-layout` says which is shown once it has settled. */
window.binjaiChartLayout = function (el, compact, settings) {
  "use strict";
  var full = null, view = null, layout = "";
  var fullWidth = 0, drawnAt = 0, pending = 0;

  function px(style, names) {
    return names.reduce(function (sum, name) { return sum + (parseFloat(style[name]) || 0); }, 0);
  }
  function room() {
    // The width the chart may take: its parent's content box less the chart element's own
    // padding (the export menu's) and margins. vega-embed makes the element an inline block
    // as wide as what it draws, so the element alone cannot say what would fit.
    var parent = el.parentElement;
    if (!parent) { return 0; }
    var box = window.getComputedStyle(parent), own = window.getComputedStyle(el);
    return Math.floor(parent.clientWidth - px(box, ["paddingLeft", "paddingRight"])
      - px(own, ["paddingLeft", "paddingRight", "marginLeft", "marginRight",
        "borderLeftWidth", "borderRightWidth"]));
  }
  function shown(which, result) {
    if (view) { view.finalize(); }
    view = result;
    layout = which;
    drawnAt = room();
    var menu = el.querySelector("details > summary");
    if (menu) { menu.setAttribute("aria-label", settings.menuLabel); }
    var svg = el.querySelector("svg");
    if (which === "full" && svg) { fullWidth = svg.getBoundingClientRect().width; }
  }
  function draw(which) {
    var spec = full;
    if (which === "compact") {
      spec = Object.assign({}, compact, { width: Math.max(settings.minWidth, room()) });
      if (full.datasets) { spec.datasets = full.datasets; }
    }
    return window.vegaEmbed(el, spec, settings.options).then(function (result) {
      shown(which, result);
    });
  }
  function settled() { el.setAttribute("data-binjai-layout", layout); }
  function fit() {
    var width = room();
    if (width <= 0) { return Promise.resolve(); }
    if (layout === "full" && fullWidth > width + 1) { return draw("compact"); }
    if (layout === "compact" && fullWidth <= width) { return draw("full"); }
    if (layout === "compact" && Math.abs(width - drawnAt) > 8) { return draw("compact"); }
    return Promise.resolve();
  }
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      if (full) { fit().then(settled).catch(function (err) { console.error(err); }); }
    }, 150);
  });
  return {
    start: function (result) {
      full = result.spec;
      shown("full", result);
      return fit();
    },
    settled: settled,
  };
};
