"""Charts stay readable on a 400 px phone (issue 15): each chart fits its container, its
names are not cut without a tooltip that holds them whole, and its reference lines (target,
median, thresholds) are drawn inside the chart.

One page per template that has charts is opened at 400 px: of the year pages the first
year's, of the indicator and agency pages the first one, and every other page with a chart.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from binjai_analysis.build.sitecheck import CHART_SELECTOR, goto, new_page, site_pages
from binjai_analysis.links import AGENCY_FOLDER, INDICATOR_FOLDER

pytestmark = pytest.mark.slow

VIEWPORT = {"width": 400, "height": 900}
DESKTOP = {"width": 1280, "height": 900}
CHART_MARKER = 'class="binjai-chart"'
_CHART_SCRIPT = re.compile(
    r'getElementById\("(?P<id>[^"]+)"\).*?window\.vegaEmbed\(el, (?P<spec>\{.*?\}), \{"actions"',
    re.DOTALL,
)
_DRAWN = f"""() => Array.from(document.querySelectorAll("{CHART_SELECTOR}")).every(
    (el) => el.getAttribute("data-binjai-layout") || el.textContent.trim().length > 0)"""
_MEASURE = f"""() => {{
  const page = document.documentElement;
  const charts = Array.from(document.querySelectorAll("{CHART_SELECTOR}")).map((el) => {{
    const svg = el.querySelector("svg.marks");
    const box = svg ? svg.getBoundingClientRect() : null;
    const shown = el.getBoundingClientRect();  // the part of the chart a reader sees
    const rules = svg ? Array.from(svg.querySelectorAll(
      "g.mark-rule.role-mark line, g.mark-rule.role-mark path")).map((line) => {{
        const r = line.getBoundingClientRect();
        return [r.left - shown.left, r.right - shown.left, r.top - shown.top,
          r.bottom - shown.top];
      }}) : [];
    return {{
      id: el.id,
      layout: el.getAttribute("data-binjai-layout") || "",
      overflow: el.scrollWidth - el.clientWidth,
      right: box ? box.right : null,
      size: box ? [box.width, box.height] : null,
      visible: [el.clientWidth, shown.height],
      cut: svg ? Array.from(svg.querySelectorAll("text"))
        .map((t) => t.textContent).filter((t) => t.includes("\\u2026")) : [],
      rules: rules,
    }};
  }});
  return {{pageOverflow: page.scrollWidth - page.clientWidth, width: page.clientWidth, charts}};
}}"""


def sample_pages(html_dir: Path) -> list[str]:
    """One page per template that has charts: the first of pages that share a template
    (the same file name in each year's folder; the indicator and agency pages), every other."""
    chosen: dict[str, str] = {}
    for path in site_pages(html_dir):
        if CHART_MARKER not in (html_dir / path).read_text(encoding="utf-8"):
            continue
        folder, _, name = path.rpartition("/")
        if folder.isdigit():
            key = f"year/{name}"  # the same template in every year's folder
        elif folder in (INDICATOR_FOLDER, AGENCY_FOLDER):
            key = folder
        else:
            key = path
        chosen.setdefault(key, path)
    return sorted(chosen.values())


def tooltip_texts(spec: dict[str, Any]) -> list[str]:
    """Every value of a field some tooltip of `spec` shows (the names a reader can hover)."""
    fields: set[str] = set()
    stack = [spec]
    while stack:
        view = stack.pop()
        stack.extend(view.get("layer", []))
        tips = view.get("encoding", {}).get("tooltip", [])
        for tip in tips if isinstance(tips, list) else [tips]:
            if isinstance(tip, dict) and "field" in tip:
                fields.add(tip["field"])
    rows = [row for rows in spec.get("datasets", {}).values() for row in rows]
    return [str(row[field]) for row in rows for field in fields if field in row]


def chart_specs(html: str) -> dict[str, dict[str, Any]]:
    """The full Vega-Lite spec of each chart on a page, by the chart element's id."""
    return {m["id"]: json.loads(m["spec"]) for m in _CHART_SCRIPT.finditer(html)}


def narrow_problems(browser: Any, base_url: str, html_dir: Path, path: str) -> list[str]:
    """What is unreadable on `path` at 400 px: overflow, names cut with no tooltip, reference
    lines outside the chart."""
    specs = chart_specs((html_dir / path).read_text(encoding="utf-8"))
    page = new_page(browser, viewport=VIEWPORT)
    try:
        goto(page, f"{base_url}/{path}")
        page.wait_for_function(_DRAWN)  # drawn, and redrawn compact where it overflowed
        seen = page.evaluate(_MEASURE)
    finally:
        page.context.close()
    problems = []
    if seen["pageOverflow"] > 0:
        problems.append(f"{path}: the page scrolls sideways by {seen['pageOverflow']} px")
    for chart in seen["charts"]:
        where = f"{path} {chart['id']}"
        if chart["size"] is None:
            problems.append(f"{where}: not drawn")
            continue
        if chart["overflow"] > 0 or chart["right"] > seen["width"]:
            problems.append(
                f"{where}: {chart['size'][0]:.0f} px wide, overflows by {chart['overflow']} px"
            )
        whole = tooltip_texts(specs.get(chart["id"], {}))
        for text in chart["cut"]:
            start = text.rstrip("\u2026").strip()
            if not any(value.startswith(start) for value in whole):
                problems.append(f"{where}: {text!r} is cut and no tooltip shows it whole")
        width, height = chart["visible"]
        for left, right, top, bottom in chart["rules"]:
            if left < -1 or right > width + 1 or top < -1 or bottom > height + 1:
                problems.append(f"{where}: a reference line is outside the visible chart")
    return problems


def test_sample_has_one_page_per_charted_template(built_site):
    pages = sample_pages(built_site.html_dir)
    year_pages = [page for page in pages if page.partition("/")[0].isdigit()]
    first_year = min(page.partition("/")[0] for page in year_pages)
    assert f"{first_year}/capaian-kinerja.html" in pages
    assert f"{first_year}/akuntabilitas-keuangan.html" in pages
    assert sum(page.startswith(f"{INDICATOR_FOLDER}/") for page in pages) == 1


def test_charts_fit_a_400px_phone_with_their_labels_and_lines(built_site, browser, site_url):
    html_dir = built_site.html_dir
    pages = sample_pages(html_dir)
    problems = [
        problem for path in pages for problem in narrow_problems(browser, site_url, html_dir, path)
    ]
    assert not problems, "\n".join(problems)


def test_charts_keep_their_full_layout_on_a_desktop(built_site, browser, site_url):
    html_dir = built_site.html_dir
    path = next(page for page in sample_pages(html_dir) if page.endswith("capaian-kinerja.html"))
    page = new_page(browser, viewport=DESKTOP)
    try:
        goto(page, f"{site_url}/{path}")
        page.wait_for_function(_DRAWN)
        layouts = page.eval_on_selector_all(
            CHART_SELECTOR, "(els) => els.map((el) => el.getAttribute('data-binjai-layout'))"
        )
        # narrowed to a phone, the same page redraws its charts compact, and widened
        # again, as they were
        for viewport, layout in ((VIEWPORT, "compact"), (DESKTOP, "full")):
            page.set_viewport_size(viewport)
            page.wait_for_function(
                f"""() => Array.from(document.querySelectorAll("{CHART_SELECTOR}"))
                .every((el) => el.getAttribute("data-binjai-layout") === "{layout}")"""
            )
    finally:
        page.context.close()
    assert layouts and set(layouts) == {"full"}
