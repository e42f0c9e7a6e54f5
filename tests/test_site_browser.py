"""The built site in a real browser, the way readers meet it (issue 7).

Every page is served from 127.0.0.1 and opened in headless Chromium with an empty cache. Each
test reads the same set of visits: status, console, network, charts, downloads, axe-core and
transfer sizes. Two tampered copies of the site show that the checks catch a broken chart
and a script from a CDN.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest

from binjai_analysis.analysis.year import run_analysis
from binjai_analysis.build.sitecheck import (
    PageVisit,
    axe_script_path,
    goto,
    new_page,
    open_cold,
    open_page,
    run_axe,
    serve,
    site_pages,
    url_status,
    visit_page,
    weight_table,
)
from binjai_analysis.links import AGENCY_FOLDER, INDICATOR_FOLDER, indicator_document
from tests.conftest import REPO_ROOT, REPORT_YEAR, skip_or_fail
from tests.test_site_build import ALL_PAGES

pytestmark = pytest.mark.slow

PAGE_LIMIT_BYTES = 2_000_000  # "2 MB", decimal: the stricter reading
SERIOUS = ("serious", "critical")
KNOWN_INDICATOR = "Angka Harapan Hidup"
_CHART_ALTERNATIVES = """() => Array.from(document.querySelectorAll(".binjai-chart")).map((el) => {
    const figure = el.closest("figure.binjai-figure");
    const svg = el.querySelector("svg.marks");
    const alt = figure && figure.querySelector(".binjai-alt");
    return {
        figure: figure ? figure.id : "",
        label: el.getAttribute("aria-label") || "",
        role: el.getAttribute("role") || "",
        drawn: Boolean(svg),
        alt: alt ? alt.textContent.trim() : "",
    };
})"""


@dataclass
class Inspection:
    """What the browser saw on every page of the site."""

    base_url: str
    visits: dict[str, PageVisit] = field(default_factory=dict)
    violations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    charts: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    """The visible text of every page (`inner_text` of its body)."""


@pytest.fixture(scope="module")
def axe_script() -> Path:
    """axe-core from the npm package (`npm ci --prefix tests/browser`)."""
    path = axe_script_path(REPO_ROOT)
    if not path.is_file():
        skip_or_fail(f"axe-core is not installed ({path}): run `npm ci --prefix tests/browser`")
    return path


def browsed_pages(html_dir: Path) -> list[str]:
    """The pages the browser opens: every page, except that of the pages made from the data
    per indicator and per agency (one writer each) it opens each list, the first two sasaran
    pages, the first indicator of every sasaran (with and without a chart) and the first
    three agencies. test_site_build checks every one of them as files."""
    pages, first_of = [], set()
    counts = {"sasaran": 0, "agency": 0}
    for path in site_pages(html_dir):
        folder, _, name = path.partition("/")
        stem = name.removesuffix(".html")
        if folder == INDICATOR_FOLDER and stem != "index":
            sasaran, _, indicator = stem.partition("-")
            if indicator:
                if sasaran in first_of:
                    continue
                first_of.add(sasaran)
            else:
                counts["sasaran"] += 1
                if counts["sasaran"] > 2:
                    continue
        elif folder == AGENCY_FOLDER and stem != "index":
            counts["agency"] += 1
            if counts["agency"] > 3:
                continue
        pages.append(path)
    return pages


@pytest.fixture(scope="module")
def inspection(built_site, browser, site_url, axe_script, page_times) -> Inspection:
    """Open every page once (of the indicator pages, a sample: `browsed_pages`): record the
    visit, run axe-core, read the charts' alternatives and the page's visible text."""
    seen = Inspection(base_url=site_url)
    for path in browsed_pages(built_site.html_dir):
        page, visit = open_page(browser, site_url, path)
        seen.charts[path] = page.evaluate(_CHART_ALTERNATIVES)
        seen.texts[path] = page.locator("body").inner_text()
        seen.violations[path] = run_axe(page, axe_script)
        page.context.close()
        seen.visits[path] = visit
        page_times.append((visit.seconds, path + (" (retried)" if visit.retried else "")))
    return seen


def problems_by_page(visits: dict[str, PageVisit]) -> dict[str, list[str]]:
    return {path: visit.problems() for path, visit in visits.items() if visit.problems()}


def test_every_page_is_visited_and_answers_200(inspection, model):
    sasaran = model["indicators"]["sasaran_id"].unique()
    indicators = {f"{indicator_document(code)}.html" for code in sasaran[:2]}
    indicators |= {"indikator/index.html", "indikator/s07-i01.html", "perangkat-daerah/index.html"}
    expected = {f"{page}.html" for page in ALL_PAGES} | indicators
    assert expected <= set(inspection.visits), expected - set(inspection.visits)
    assert {"index.html", "search.html"} <= set(inspection.visits)
    assert {path: v.status for path, v in inspection.visits.items() if v.status != 200} == {}


ENGLISH_THEME_PHRASES = (
    "Skip to main content",
    "Back to top",
    "Search this book",
    "Search Results",
    "Searching",
    "Toggle navigation",
    "Toggle primary sidebar",
    "Contents",
    "On this page",
    "Print to PDF",
    "Download this page",
    "Download source file",
    "Fullscreen mode",
    "Color mode",
    "System Settings",
    "Light",
    "Dark",
    "light/dark",
    "previous page",
    "next page",
    "Previous",
    "Next",
    "Announcement",
    "Index",
    "Please activate JavaScript",
)
"""The theme's (Sphinx's, sphinx-book-theme's, pydata-sphinx-theme's) English strings."""
INTERNAL_IDS = re.compile(r"\blkjip_tabel_\w+|\bpermendagri_\d+_\d+\b")
"""Names of rating scales in the params files: readers see the scales' titles."""


def english_phrases(text: str) -> list[str]:
    """The theme phrases of `text`, as whole words and with their capitals."""
    return [
        phrase
        for phrase in ENGLISH_THEME_PHRASES
        if re.search(rf"(?<![\w/]){re.escape(phrase)}(?![\w/])", text)
    ]


def test_the_english_phrase_check_can_fail():
    assert english_phrases("Lompat\nSkip to main content\nBack to top") == [
        "Skip to main content",
        "Back to top",
    ]
    assert english_phrases("Indeks Pembangunan Manusia; Daftar isi; Terang") == []


def test_no_page_shows_the_theme_s_english_strings(inspection):
    assert len(inspection.texts) == len(inspection.visits)
    english = {path: english_phrases(text) for path, text in inspection.texts.items()}
    assert {path: found for path, found in english.items() if found} == {}


def test_no_page_shows_internal_names_of_rating_scales(inspection):
    shown = {path: INTERNAL_IDS.findall(text) for path, text in inspection.texts.items()}
    assert {path: ids for path, ids in shown.items() if ids} == {}


def test_the_capaian_tables_show_every_column_at_1280_px(browser, site_url):
    """At a common laptop width the Capaian tables (nine columns) fit the article: no table
    needs scrolling sideways to see its last columns."""
    page = new_page(browser, viewport={"width": 1280, "height": 800})
    try:
        goto(page, f"{site_url}/{REPORT_YEAR}/capaian-kinerja.html")
        page.locator(".binjai-table-scroll").first.wait_for()
        page.evaluate("document.fonts.ready.then(() => true)")  # widths are measured in them
        widths = page.evaluate(
            """() => Array.from(document.querySelectorAll(".binjai-table-scroll")).map(
                (el) => [el.closest("figure").id, el.scrollWidth, el.clientWidth])"""
        )
    finally:
        page.context.close()
    assert len(widths) >= 10, widths  # one table per sasaran
    assert [(table, scroll, client) for table, scroll, client in widths if scroll > client] == []


def test_there_is_no_empty_general_index(built_site, inspection):
    assert "genindex.html" not in site_pages(built_site.html_dir)
    assert not (built_site.html_dir / "genindex.html").exists()
    linked = [
        path
        for path in site_pages(built_site.html_dir)
        if "genindex" in (built_site.html_dir / path).read_text(encoding="utf-8")
    ]
    assert linked == []
    assert not any("Indeks Umum" in text for text in inspection.texts.values())


def test_no_console_errors(inspection):
    errors = {path: v.console_errors for path, v in inspection.visits.items() if v.console_errors}
    assert errors == {}


def test_nothing_is_requested_outside_the_site_and_nothing_fails(inspection):
    outside = {p: v.outside_requests for p, v in inspection.visits.items() if v.outside_requests}
    failed = {p: v.failed_requests for p, v in inspection.visits.items() if v.failed_requests}
    assert outside == {}
    assert failed == {}


def test_every_chart_is_drawn(built_site, inspection):
    drawn = 0
    for path, visit in inspection.visits.items():
        in_html = (
            (built_site.html_dir / path).read_text(encoding="utf-8").count('class="binjai-chart"')
        )
        assert visit.charts == in_html, path
        assert visit.undrawn_charts == [], path
        drawn += visit.charts
    assert drawn >= 25  # every chapter with figures draws them (28 when this was written)


def test_no_page_opens_a_dialog_or_has_other_problems(inspection):
    assert problems_by_page(inspection.visits) == {}


def test_every_download_link_answers_200(inspection):
    links = sorted({url for v in inspection.visits.values() for url in v.download_links})
    assert len(links) > 100
    assert all(url.startswith(inspection.base_url) for url in links)
    assert {url: url_status(url) for url in links if url_status(url) != 200} == {}


def test_an_old_url_sends_the_reader_to_the_same_table(browser, site_url):
    """A moved page keeps working: its old URL, with a table's `#id`, lands on that table."""
    page = new_page(browser)
    try:
        goto(page, f"{site_url}/book/_generated/2018/capaian-kinerja.html#tabel-capaian-s10")
        page.wait_for_url("**/2018/capaian-kinerja.html#tabel-capaian-s10")
        caption = page.locator("#tabel-capaian-s10-judul").inner_text()
    finally:
        page.context.close()
    assert caption.startswith("Tabel 5.10.1.")


def open_line_from(browser, site_url: str, page: str, link_selector: str) -> tuple[str, str]:
    """Click the source-line link `link_selector` on `page`; return the link's row text and
    the text of the line the viewer shows as the target."""
    tab = new_page(browser)
    try:
        goto(tab, f"{site_url}/{page}")
        link = tab.locator(link_selector).first
        row = link.locator("xpath=ancestor::tr").inner_text()
        link.click()
        tab.wait_for_url("**/sumber/**#L*")
        line = tab.url.rsplit("#L", 1)[1]
        shown = tab.locator(f"#L{line}")
        shown.wait_for()
        assert tab.evaluate("location.hash") == f"#L{line}"
        return row, shown.inner_text()
    finally:
        tab.context.close()


def test_a_capaian_figure_opens_its_line_in_the_source_viewer(browser, site_url, model):
    results = run_analysis(model, REPORT_YEAR).results
    first = results[results["sasaran_id"] == "S01"].iloc[0]
    row, line = open_line_from(
        browser, site_url, "2018/capaian-kinerja.html", "#tabel-capaian-s01 td a.binjai-line"
    )
    assert first["indicator_id"] in row
    assert line.startswith(str(int(first["target_line"])))  # the line number, then its text
    assert first["target_raw"] in line


def test_an_erratum_opens_its_line_in_the_source_viewer(browser, site_url, errata):
    first = errata[errata["source_line"].notna()].iloc[0]
    row, line = open_line_from(
        browser, site_url, "tentang/kualitas-data.html", "#tabel-daftar-catatan td a.binjai-line"
    )
    assert f"baris {int(first['source_line'])}" in row
    assert line.startswith(str(int(first["source_line"])))
    assert str(first["printed"]).split("\n")[0][:20] in line


SEARCH_FINISHED = """() => {
    const title = document.querySelector("#search-results > h2");
    return Boolean(title && !title.querySelector("span"));
}"""
"""Sphinx's search has listed every result: `_finishSearch` rewrites the title, dropping the
span of its progress dots (its summary is not a sign: this site's translation leaves it empty)."""


def search_results(browser, site_url: str, query: str) -> list[str]:
    """The addresses the site's search lists for `query`."""
    page = new_page(browser)
    try:
        goto(page, f"{site_url}/search.html?q={quote_plus(query)}")
        # Sphinx lists the results one by one, then rewrites its title: wait for that, so
        # every result is listed (waiting for the first could read a partial list).
        page.wait_for_function(SEARCH_FINISHED)
        results = page.locator("#search-results ul.search li a")
        return results.evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    finally:
        page.context.close()


def test_site_search_finds_a_known_indicator(browser, site_url):
    targets = search_results(browser, site_url, KNOWN_INDICATOR)
    assert any("capaian-kinerja" in href or "kerangka-strategis" in href for href in targets), (
        targets
    )


@pytest.mark.parametrize("query", [KNOWN_INDICATOR, "S07.I02"])
def test_site_search_finds_the_indicator_page_by_name_and_by_code(browser, site_url, query):
    targets = search_results(browser, site_url, query)
    assert any(href.split("?")[0].endswith("indikator/s07-i02.html") for href in targets), targets


def test_an_indicator_page_opens_its_figures_lines_in_the_source_viewer(browser, site_url, model):
    """The first line link of an indicator page is its printed definition (the metadata
    table); the last is a figure of its series. Each opens the viewer on a line holding it."""
    code = "S07.I02"
    indicator = model["indicators"].set_index("indicator_id").loc[code]
    page = f"{indicator_document(code)}.html"
    _, line = open_line_from(browser, site_url, page, "td a.binjai-line")
    assert line.startswith(str(int(indicator["source_line"])))
    assert str(indicator["raw"]).split("\n")[0][:30] in line
    values = model["indicator_values"]
    printed = values[values["indicator_id"] == code]
    row, line = open_line_from(browser, site_url, page, "#angka-tercetak td a.binjai-line")
    # The line shows its number, then its text: one of the printed figures is on it.
    assert any(
        line.startswith(str(number)) and raw in line
        for number, raw in zip(printed["source_line"], printed["raw"], strict=True)
    ), (row, line)


def test_no_serious_or_critical_accessibility_violations(inspection):
    serious = {}
    for path, found in inspection.violations.items():
        for violation in found:
            if violation["impact"] in SERIOUS:
                serious.setdefault(path, []).append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']}; "
                    f"{violation['nodes'][:2]}"
                )
    assert serious == {}


def test_every_chart_has_a_text_alternative_and_its_data(inspection):
    checked = 0
    for path, charts in inspection.charts.items():
        downloads = inspection.visits[path].download_links
        for chart in charts:
            assert chart["figure"], f"{path}: a chart outside a numbered figure"
            where = f"{path}#{chart['figure']}"
            assert len(chart["label"]) > 20, where  # the container's accessible name
            assert len(chart["alt"]) > 20, where  # the description printed under the chart
            assert chart["role"] == "figure" and chart["drawn"], where
            assert any(url.endswith(f"{chart['figure']}.csv") for url in downloads), where
            checked += 1
    assert checked >= 25


def test_vega_bundle_is_one_shared_cached_file(built_site, browser, site_url):
    chart_pages = [p for p in site_pages(built_site.html_dir) if _has_chart(built_site, p)]
    bundle_links = set()
    for path in site_pages(built_site.html_dir):
        html = (built_site.html_dir / path).read_text(encoding="utf-8")
        links = re.findall(r'<script src="([^"]*vendor/vega-bundle\.js[^"]*)"', html)
        assert len(links) == (1 if path in chart_pages else 0), path
        inline = re.findall(r"<script>(.*?)</script>", html, re.S)
        assert max(map(len, inline), default=0) < 100_000, f"{path}: a library inlined?"
        bundle_links |= {os.path.normpath(Path(path).parent / link) for link in links}
    # One file (one version of it), wherever it is linked from: cached once for every page.
    assert len(bundle_links) == 1, bundle_links

    first, second = chart_pages[0], chart_pages[1]
    # The first page is opened cold (a retried navigation too); the second shares its cache.
    page, _, _ = open_cold(browser, f"{site_url}/{first}")
    try:
        sizes = []
        for path in (first, second):
            if path == second:
                goto(page, f"{site_url}/{path}")
            sizes.append(
                page.evaluate(
                    """() => performance.getEntriesByType("resource")
                        .filter((e) => e.name.includes("vega-bundle.js"))
                        .map((e) => e.transferSize)[0]"""
                )
            )
    finally:
        page.context.close()
    assert sizes[0] > 500_000, sizes  # fetched once...
    assert sizes[1] < 2_000, sizes  # ...then served from the cache (or a 304)


def _has_chart(site, path: str) -> bool:
    return 'class="binjai-chart"' in (site.html_dir / path).read_text(encoding="utf-8")


def test_every_page_weighs_under_2_mb(inspection):
    rows = weight_table(list(inspection.visits.values()))
    heavy = [row for row in rows if row["cold"] >= PAGE_LIMIT_BYTES]
    assert heavy == [], f"heaviest: {rows[:3]}"


# Tampered copies: the same checks must fail on them.


@pytest.fixture
def tampered_site(built_site, tmp_path) -> Path:
    html = tmp_path / "html"
    shutil.copytree(built_site.html_dir, html)
    return html


def test_an_external_script_fails_the_browser_checks(browser, tampered_site):
    path = "tentang/profil-daerah.html"
    page = tampered_site / path
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "</head>", '<script src="https://cdn.example.org/tracker.js"></script></head>', 1
        ),
        encoding="utf-8",
    )
    with serve(tampered_site) as base_url:
        visit = visit_page(browser, base_url, path)
    assert visit.outside_requests == ["https://cdn.example.org/tracker.js"]
    assert any("outside the site" in problem for problem in visit.problems())


def test_a_broken_chart_spec_fails_the_browser_checks(browser, tampered_site):
    path = "tentang/profil-daerah.html"
    page = tampered_site / path
    html = page.read_text(encoding="utf-8")
    spec = re.search(r"window\.vegaEmbed\(el, (\{.*?\}), \{\"actions\"", html)
    assert spec, "no chart spec found to break"
    broken = json.dumps({"mark": "no-such-mark", "data": {"values": [{"a": 1}]}})
    page.write_text(html[: spec.start(1)] + broken + html[spec.end(1) :], encoding="utf-8")
    with serve(tampered_site) as base_url:
        visit = visit_page(browser, base_url, path)
    assert len(visit.undrawn_charts) == 1, visit.undrawn_charts
    assert "Grafik gagal digambar" in visit.undrawn_charts[0]
    assert visit.console_errors
    assert any("chart not drawn" in problem for problem in visit.problems())
