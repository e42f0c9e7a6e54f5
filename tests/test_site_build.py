"""Acceptance of the whole build: offline, every year's pages, captions, downloads, numbers.

What the pages do in a browser is checked in test_site_browser.py, on the same build.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from binjai_analysis.analysis.year import run_analysis
from binjai_analysis.build.offline import scan_site
from binjai_analysis.build.templates import site_page_path
from binjai_analysis.build.urls import UrlList, public_pages
from binjai_analysis.data.model import load_model
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.views.home import difference_notes, home_cards, home_figures
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

YEARS = (2018, 2019)


YEAR_PAGES = {
    2018: ["ringkasan", "capaian-kinerja", "tren-lintasan", "akuntabilitas-keuangan", "efisiensi"],
    2019: ["rencana"],
}
SITE_PAGES = [
    "index",
    "profil-daerah",
    "kerangka-strategis",
    "kualitas-data",
    "metodologi",
    "data-unduhan",
]
ALL_PAGES = [f"{year}/{slug}" for year, slugs in YEAR_PAGES.items() for slug in slugs] + [
    site_page_path(slug) for slug in SITE_PAGES
]


def test_every_chapter_is_built_for_its_years(built_site):
    html = built_site.html_dir
    assert (html / "index.html").is_file()
    home = (html / "index.html").read_text(encoding="utf-8")
    for year in YEARS:
        assert f"Tahun {year}" in home
        assert f"Tahun {year}" in (html / f"{year}/index.html").read_text()
    for page in ALL_PAGES:
        text = (html / f"{page}.html").read_text(encoding="utf-8")
        if page.split("/")[0].isdigit():
            assert page.split("/")[0] in text
        assert "injected-parameters" not in text and "params = {" not in text
        assert "Traceback" not in text
    assert "24.574,84" in (html / "2018/tren-lintasan.html").read_text()


def test_site_loads_nothing_from_outside(built_site):
    assert (built_site.html_dir / "_static/vendor/vega-bundle.js").is_file()
    assert scan_site(built_site.html_dir) == {}
    assert not list(built_site.build_dir.glob(".staging-*"))


def built_pages(site: ProjectPaths) -> list[Path]:
    return [site.html_dir / url for url in public_pages(site.html_dir)]


def test_every_caption_names_a_source_and_ids_are_unique(built_site):
    for page in built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        ids = re.findall(r'<figure class="binjai-(?:table|figure)" id="([^"]+)"', html)
        assert len(ids) == len(set(ids)), f"{page.name}: duplicate ids"
        captions = re.findall(
            r'<figcaption class="binjai-caption"[^>]*>(.*?)</figcaption>', html, re.S
        )
        assert len(captions) == len(ids), page.name
        # An indicator page has one figure, unnumbered ("Gambar."): the page is cited by its code.
        one_figure = page.parent.name == "indikator"
        for caption in captions:
            number = r"<strong>Gambar\.</strong>" if one_figure else r"(Tabel|Gambar) \d+\.\d+\."
            assert re.search(number, caption), caption
            assert "Sumber: LKjIP Kota Binjai 2018" in caption, caption


def test_every_download_link_points_to_a_file(built_site):
    checked = 0
    for page in built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        for link in re.findall(r'href="([^"#]*_downloads/[^"]+)"', html):
            assert (page.parent / link).resolve().is_file(), f"{page.name}: {link}"
            checked += 1
    assert checked > 0


def test_home_headline_numbers_equal_the_library(built_site):
    analysis = run_analysis(load_model(), 2018)
    expected = home_figures(analysis)
    html = built_site.html_dir
    home = (html / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", home).replace("\u00a0", " ")
    for key in ("indicators", "met", "met_share", "absorption", "budget_total", "errata"):
        assert expected[key] in text, f"{key}: {expected[key]!r} not on the home page"
    # the key-figure cards: a sphinx-design card per figure, its value from the library
    cards = home_cards(analysis, {"capaian-kinerja": "capaian-kinerja"})
    assert home.count('class="sd-card ') >= len(cards) >= 4
    for card in cards:
        assert card.title in text, card.title
        assert f">{card.value}</p>" in home, card.value  # as written, on one line
    # every card links to a built page, and to a table or figure there when it names one
    links = re.findall(r'<a class="reference internal" href="([^"#]+)(?:#([^"]+))?"', home)
    card_links = [(page, anchor) for page, anchor in links if not page.startswith("#")]
    assert len(card_links) >= len(cards)
    for page, anchor in card_links:
        assert (html / page).is_file(), page
        if anchor:
            assert f'id="{anchor}"' in (html / page).read_text(encoding="utf-8"), anchor
    # the difference note: the report's printed figures beside ours, with a link
    note_box = r'<div class="(?:note admonition|admonition note)[^"]*">.*?</div>'
    note = re.search(note_box, home, re.DOTALL)
    assert note is not None, "no difference note on the home page"
    note_text = re.sub(r"<[^>]+>", "", note.group(0)).replace("\u00a0", " ")
    assert "Laporan mencetak" in text or "laporan mencetak" in note_text
    for line in difference_notes(analysis, {}):
        plain = re.sub(r"<[^>]+>", "", line).replace("\u00a0", " ").replace("**", "")
        assert plain[:60] in note_text, plain
    assert "75,21 %" in note_text and "81,19 %" in note_text
    # and the headline chart
    assert 'id="gambar-predikat-indikator"' in home


_SPEC = re.compile(r"window\.vegaEmbed\(el, (\{.*?\}), \{\"actions\"")


def chart_specs(site: ProjectPaths) -> list[tuple[str, dict]]:
    """(page name, Vega-Lite spec) for every chart on the site, as embedded in its page."""
    return [
        (page.name, json.loads(match.group(1)))
        for page in built_pages(site)
        for match in _SPEC.finditer(page.read_text(encoding="utf-8"))
    ]


def encoded_views(spec: dict) -> list[dict]:
    """Every single view (one mark with its encoding) in a possibly layered spec."""
    views = [spec] if "mark" in spec else []
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for part in spec.get(key, []):
            views += encoded_views(part)
    return views


def test_colour_is_never_the_only_carrier_of_meaning(built_site):
    specs = chart_specs(built_site)
    assert len(specs) >= 25
    coloured = 0
    for page, spec in specs:
        views = encoded_views(spec)
        for view in views:
            colour = view.get("encoding", {}).get("color", {})
            if "field" not in colour:
                continue
            coloured += 1
            where = f"{page}: {spec.get('description', '')[:60]}"
            # A legend (or an axis of the same field, which labels each mark) names every
            # colour in words, and each mark's tooltip says its category.
            axes = {view["encoding"].get(channel, {}).get("field") for channel in ("x", "y")}
            on_axis = colour["field"] in axes
            assert on_axis or colour.get("legend", {}) is not None, where
            tooltip = view["encoding"].get("tooltip", [])
            assert colour["field"] in {item.get("field") for item in tooltip}, where
            if colour["field"] == "predikat":  # ratings: written beside each mark, too
                assert on_axis or any(
                    other.get("encoding", {}).get("text", {}).get("field") == "predikat"
                    for other in views
                ), where
    assert coloured >= 10


def test_the_public_url_list_is_committed_and_complete(built_site):
    """The build checked the copied list (nothing lost) and rewrote it: it must come out the
    same, or the site has pages or ids the committed list does not name yet."""
    committed = (REPO_ROOT / "book" / "public-urls.yml").read_text(encoding="utf-8")
    assert built_site.url_list.read_text(encoding="utf-8") == committed
    listed = UrlList.read(built_site.url_list)
    for old in listed.redirects:
        if "#" not in old:
            assert (built_site.html_dir / old).is_file(), f"no redirect page at {old}"


def test_every_indicator_of_the_data_has_its_page_and_every_link_to_one_resolves(built_site):
    """Issue 14: a citable page per indicator and per sasaran, reached from the tables."""
    from binjai_analysis.links import indicator_document

    html = built_site.html_dir
    indicators = load_model()["indicators"]
    codes = [*indicators["indicator_id"], *indicators["sasaran_id"].unique()]
    built = {p.relative_to(html).as_posix() for p in (html / "indikator").glob("*.html")}
    assert built == {f"{indicator_document(code)}.html" for code in codes} | {
        "indikator/index.html"
    }
    links = 0
    for page in html.rglob("*.html"):
        for href in re.findall(r'class="binjai-indicator" href="([^"#]+)', page.read_text("utf-8")):
            assert (page.parent / href).resolve().is_file(), f"{page}: {href}"
            links += 1
    assert links >= 3 * len(indicators)  # the tree, the list, the capaian and lintasan tables


def test_an_indicator_page_offers_its_csv_and_links_its_source_lines(built_site):
    html = built_site.html_dir / "indikator" / "s07-i21.html"
    text = html.read_text(encoding="utf-8")
    csvs = re.findall(r'href="(\.\./_downloads/[^"]+\.csv)"', text)
    assert {Path(link).name for link in csvs} == {"s07-i21.csv", "s07-i21-gambar-seri.csv"}
    assert all((html.parent / link).resolve().is_file() for link in csvs)
    assert len(re.findall(r'class="binjai-line" href="\.\./sumber/', text)) >= 10


def test_every_page_shows_the_licences_and_the_source_not_a_bare_copyright(built_site):
    for page in built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert 'class="binjai-footer"' in html and "CC BY 4.0" in html, page.name
        assert "LKjIP Kota Binjai 2018" in html and "© Copyright" not in html, page.name
        assert 'class="copyright"' not in html and "component-author" not in html, page.name
