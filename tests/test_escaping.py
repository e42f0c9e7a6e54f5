"""Hostile names in the data stay text on the site (issue 7, "Escaping").

The site is built once from a copy of the sources in which one indicator is named
`<script>alert(1)</script>` and one program `<img src=x onerror=alert(2)>`. Both must read as
those very characters in tables, chart tooltips and downloads (CSV, XLSX), and neither may
become an element of the page: no script of theirs runs, no dialog opens.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from openpyxl import load_workbook

from binjai_analysis.build import sitecheck
from binjai_analysis.data.model import load_model
from binjai_analysis.data.sources import SOURCES_VARIABLE
from tests.conftest import SOURCE_ID, build_copy, copy_project, copy_sources

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

HOSTILE_INDICATOR = "<script>alert(1)</script>"
HOSTILE_PROGRAM = "<img src=x onerror=alert(2)>"
INDICATOR_ID = "S02.I03"
"""Rasio Akseptor KB: the lowest capaian of sasaran 2, so it is in the sasaran's generated
sentences as well as its table and chart."""
PROGRAM = "Pelayanan Administrasi Perkantoran"
"""The largest budget of Tabel 3.18: in the Pareto chart, both program tables and the
generated sentences of "Akuntabilitas keuangan", and in the 2019 plan (PK 2019)."""
PROGRAM_FILES = ("lkjip_budget.csv", "pk_budget.csv")

CAPAIAN_PAGE = "2018/capaian-kinerja.html"
BUDGET_PAGE = "2018/akuntabilitas-keuangan.html"
# page -> (hostile name, the downloads that must hold it, the chart whose tooltip shows it)
CASES = {
    CAPAIAN_PAGE: (
        HOSTILE_INDICATOR,
        (
            "2018-tabel-capaian-s02.csv",
            "2018-tabel-capaian-s02.xlsx",
            "2018-gambar-capaian-s02.csv",
        ),
        "gambar-capaian-s02",
    ),
    BUDGET_PAGE: (
        HOSTILE_PROGRAM,
        (
            "2018-tabel-penyerapan-program.csv",
            "2018-tabel-penyerapan-program.xlsx",
            "2018-tabel-program-terbesar.csv",
            "2018-tabel-program-terbesar.xlsx",
            "2018-gambar-pareto-anggaran.csv",
        ),
        "gambar-pareto-anggaran",
    ),
}
PAGES = list(CASES)
SENTENCES = {
    CAPAIAN_PAGE: f"Capaian terendah: {HOSTILE_INDICATOR} (",
    BUDGET_PAGE: f"Dua program terbesar, {HOSTILE_PROGRAM} dan",
}
"""Generated Markdown that quotes the names (sasaran 2's narrative; budget concentration)."""

# Elements the hostile names would make if they reached the page as markup.
_INJECTED = """() => ({
    images: Array.from(document.querySelectorAll("img"))
        .filter((img) => img.getAttribute("src") === "x").length,
    scripts: Array.from(document.querySelectorAll("script"))
        .filter((script) => script.textContent.trim() === "alert(1)").length,
})"""
MARK_SELECTOR = "".join(
    [
        '[role="graphics-symbol"][aria-label]',
        *(f':not([aria-roledescription="{role}"])' for role in ("axis", "legend", "title")),
    ]
)
"""Vega's data marks (not axes, legends or titles): each one's aria-label lists its datum."""
_CELL_TEXTS = """() => Array.from(document.querySelectorAll("td, th"))
    .map((cell) => cell.innerText.trim())"""


# --- the hostile data and the site built from it ------------------------------------------------


def _rewrite_csv(path: Path, column: str, old: str | None, new: str, **match: str) -> int:
    """Set `column` to `new` in the rows of `path` that match (`old` and the `match` columns).

    Every cell is kept as the exact string it was; returns the number of rows changed.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    changed = 0
    for row in rows:
        if (old is None or row[column] == old) and all(row[k] == v for k, v in match.items()):
            row[column] = new
            changed += 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return changed


def hostile_sources(destination: Path) -> Path:
    """A copy of the packaged sources with the hostile indicator and program names.

    The indicator's canonical name (`printed/indicators.csv`) changes; the printed rows stay
    linked to it by id through `curation/indicator_aliases.csv`. The program's name changes in
    every printed row of Tabel 3.18 and PK 2019. The curated `program_sasaran.csv` keeps the old
    name: the program, already unmapped there, stays unmapped.
    """
    copy_sources(destination)
    printed = destination / SOURCE_ID / "printed"
    indicators = _rewrite_csv(
        printed / "indicators.csv", "name", None, HOSTILE_INDICATOR, indicator_id=INDICATOR_ID
    )
    assert indicators == 1, f"{INDICATOR_ID} is not in indicators.csv"
    for name in PROGRAM_FILES:
        changed = _rewrite_csv(printed / name, "program", PROGRAM, HOSTILE_PROGRAM)
        assert changed, f"{PROGRAM!r} is not in {name}"
    return destination


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a copy of the project from the hostile datasets, once; returns its html folder."""
    sources = hostile_sources(tmp_path_factory.mktemp("data") / "sources")
    model = load_model(sources)  # the edited copy still validates
    assert HOSTILE_INDICATOR in set(model["indicators"]["name"])
    assert HOSTILE_PROGRAM in set(model["budget_lines"]["program"])
    project = copy_project(tmp_path_factory.mktemp("site"))
    build_copy(project, env={SOURCES_VARIABLE: str(sources)})
    return project.html_dir


# --- the HTML as written ------------------------------------------------------------------------


class _Elements(HTMLParser):
    """The page's text, the text of every table cell, and the elements the hostile names
    would make."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.cells: list[str] = []
        self.images: list[str] = []
        self.scripts: list[str] = []
        self._cell: list[str] | None = None
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self._cell = []
        elif tag == "img" and dict(attrs).get("src") == "x":
            self.images.append(self.get_starttag_text() or tag)
        elif tag == "script":
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "script" and self._script is not None:
            if "".join(self._script).strip() == "alert(1)":
                self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is None:
            self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._script is not None:
            self._script.append(data)


def parse_page(path: Path) -> _Elements:
    """Parse one built page."""
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_the_hostile_data_validates(tmp_path: Path):
    model = load_model(hostile_sources(tmp_path / "sources"))
    indicator = model["indicators"].set_index("indicator_id").loc[INDICATOR_ID, "name"]
    assert indicator == HOSTILE_INDICATOR
    assert PROGRAM not in set(model["budget_lines"]["program"])


@pytest.mark.parametrize("page", PAGES)
def test_names_are_the_text_of_table_cells(hostile_site: Path, page: str):
    name = CASES[page][0]
    parsed = parse_page(hostile_site / page)
    assert name in parsed.cells, f"no table cell of {page} reads {name!r}"


@pytest.mark.parametrize("page", PAGES)
def test_generated_sentences_quote_the_names_as_text(hostile_site: Path, page: str):
    text = " ".join("".join(parse_page(hostile_site / page).text).split())
    assert SENTENCES[page] in text


def test_no_page_holds_the_names_as_markup(hostile_site: Path):
    found = {}
    for page in sitecheck.site_pages(hostile_site):
        parsed = parse_page(hostile_site / page)
        if parsed.images or parsed.scripts:
            found[page] = parsed.images + parsed.scripts
    assert found == {}


# --- downloads ----------------------------------------------------------------------------------


def download_links(html_dir: Path, page: str) -> dict[str, Path]:
    """The files a page links under `_downloads/`, by file name."""
    links: dict[str, Path] = {}

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            href = dict(attrs).get("href") or ""
            if tag == "a" and "_downloads/" in href:
                target = ((html_dir / page).parent / href.split("#")[0]).resolve()
                links[target.name] = target

    Links().feed((html_dir / page).read_text(encoding="utf-8"))
    return links


def download_text(path: Path) -> str:
    """Every cell of a CSV or XLSX download, one per line."""
    if path.suffix == ".xlsx":
        workbook = load_workbook(path, read_only=True)
        cells = [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        workbook.close()
        return "\n".join(cells)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return "\n".join(cell for row in csv.reader(handle) for cell in row)


@pytest.mark.parametrize("page", PAGES)
def test_downloads_hold_the_literal_names(hostile_site: Path, page: str):
    name, files, _ = CASES[page]
    links = download_links(hostile_site, page)
    for file in files:
        assert file in links, f"{page} does not link {file}"
        assert links[file].is_file(), f"{links[file]} is missing"
        assert name in download_text(links[file]), f"{file} does not hold {name!r}"


def test_chart_svg_download_shows_the_name_as_text(hostile_site: Path):
    svg = download_links(hostile_site, CAPAIAN_PAGE)["2018-gambar-capaian-s02.svg"]
    root = ET.parse(svg).getroot()
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "img", "image", "foreignObject"}
    assert any(HOSTILE_INDICATOR in (element.text or "") for element in root.iter())


# --- in the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser_site(hostile_site: Path, browser: Browser) -> Iterator[tuple[Browser, str]]:
    """The session's headless Chromium and the hostile site served on 127.0.0.1."""
    with sitecheck.serve(hostile_site) as base:
        yield browser, base


def pages_naming_the_hostile(html_dir: Path) -> list[str]:
    """The pages whose HTML holds either hostile name in any form (as text, escaped, in JSON)."""
    marks = ("alert(1)", "alert(2)")
    return [
        path
        for path in sitecheck.site_pages(html_dir)
        if any(mark in (html_dir / path).read_text(encoding="utf-8") for mark in marks)
    ]


@pytest.fixture(scope="module")
def visits(
    browser_site: tuple[Browser, str], hostile_site: Path, page_times: list[tuple[float, str]]
) -> dict[str, Any]:
    """Every page that names the hostile data, opened once: what it did and what its DOM
    holds. A page without the names cannot be changed by them (and the site's own browser
    tests open it); the names reach 20-odd of the 220 pages."""
    browser, base = browser_site
    found: dict[str, Any] = {}
    for path in pages_naming_the_hostile(hostile_site):
        page, visit = sitecheck.open_page(browser, base, path)
        page_times.append((visit.seconds, f"{path} (hostile site)"))
        try:
            found[path] = {
                "dialogs": visit.dialogs,
                "injected": page.evaluate(_INJECTED),
                "cells": page.evaluate(_CELL_TEXTS) if path in CASES else [],
            }
        finally:
            page.context.close()
    return found


def test_no_page_opens_a_dialog(visits: dict[str, Any]):
    assert {path: seen["dialogs"] for path, seen in visits.items() if seen["dialogs"]} == {}


def test_no_page_gets_elements_from_the_names(visits: dict[str, Any]):
    injected = {
        path: seen["injected"]
        for path, seen in visits.items()
        if seen["injected"]["images"] or seen["injected"]["scripts"]
    }
    assert injected == {}


@pytest.mark.parametrize("page", PAGES)
def test_browser_shows_names_in_table_cells(visits: dict[str, Any], page: str):
    assert CASES[page][0] in visits[page]["cells"]


def hover_tooltip(page: Page, chart: str, name: str) -> tuple[str, int]:
    """Hover the first mark of `chart` whose datum holds `name`; the tooltip's text and the
    number of elements (script, img) inside it."""
    marks = page.locator(f"#{chart} .binjai-chart {MARK_SELECTOR}")
    labels = marks.evaluate_all("(els) => els.map((el) => el.getAttribute('aria-label'))")
    index = next((i for i, label in enumerate(labels) if name in (label or "")), None)
    assert index is not None, f"no mark of #{chart} holds {name!r} in its aria-label"
    marks.nth(index).hover(force=True)
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")  # within the page's PAGE_WAIT_MS (sitecheck.new_page)
    return tooltip.inner_text(), tooltip.locator("script, img").count()


@pytest.mark.parametrize("path", PAGES)
def test_chart_tooltip_shows_the_name_as_text(browser_site: tuple[Browser, str], path: str):
    browser, base = browser_site
    name, _, chart = CASES[path]
    page, _ = sitecheck.open_page(browser, base, path)
    try:
        text, elements = hover_tooltip(page, chart, name)
        assert name in text
        assert elements == 0
    finally:
        page.context.close()
