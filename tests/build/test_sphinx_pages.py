"""Pages keep only the assets they use, and the theme's controls are named (sphinx_pages)."""

from __future__ import annotations

import gettext
from pathlib import Path

from binjai_analysis.build.sphinx_pages import (
    THEME_CATALOG,
    THEME_LABELS,
    THEME_TRANSLATIONS,
    link_documents,
    slim_page,
    slim_site,
    write_theme_catalog,
)
from binjai_analysis.notices import DOCUMENT_LINK

HEAD = """<head>
  <script defer src="../_static/scripts/fontawesome.js?digest=55c2"></script>
    <link rel="stylesheet" type="text/css" href="../_static/sphinx-design.min.css?v=6a60" />
    <script data-sd-tabs-storage-prefix="x-" src="../_static/design-tabs.js?v=fcb3"></script>
    <script src="../_static/searchtools.js"></script>
    <script src="../_static/language_data.js"></script>
    <script src="../searchindex.js"></script>
    <script src="../_static/binjai.js?v=1"></script>
</head>"""
SIDEBAR = (
    '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">'
    '<details><summary><span class="toctree-toggle" role="presentation"><i></i></span></summary>'
    '<button class="btn search-button-field search-button__button" title="Pencarian" '
    'aria-label="Pencarian"><span>Pencarian</span><kbd>Ctrl</kbd>+<kbd>K</kbd></button>'
    '<a title="next page" aria-label="On this page">Main</a>'
)


def test_unused_scripts_and_styles_are_dropped():
    slim = slim_page(HEAD)
    for gone in ("fontawesome.js", "sphinx-design", "design-tabs", "searchtools", "searchindex"):
        assert gone not in slim
    assert '<script src="../_static/binjai.js?v=1"></script>' in slim


def test_search_page_keeps_its_search_scripts():
    slim = slim_page(HEAD, search_page=True)
    assert "searchtools.js" in slim and "searchindex.js" in slim
    assert "fontawesome.js" not in slim


def test_design_assets_stay_where_a_component_uses_them():
    page = HEAD + '<div class="sd-card sd-shadow-sm">card</div>'
    assert "sphinx-design.min.css" in slim_page(page)


def test_theme_controls_get_names_in_indonesian():
    slim = slim_page(SIDEBAR)
    assert 'role="complementary" aria-label="Navigasi buku"' in slim
    assert '<summary aria-label="Tampilkan atau sembunyikan subbab">' in slim
    # The search button is named by its visible text ("Pencarian Ctrl+K"), not a shorter label.
    assert 'aria-label="Pencarian"' not in slim and 'title="Pencarian"' in slim
    assert 'title="halaman berikutnya"' in slim and 'aria-label="Di halaman ini"' in slim
    assert ">Main</a>" in slim  # visible text is never rewritten, only labels


def test_every_theme_label_has_a_translation():
    assert all(english and indonesian for english, indonesian in THEME_LABELS.items())
    assert all(english != indonesian for english, indonesian in THEME_LABELS.items())


def test_slim_site_rewrites_pages_and_removes_the_icon_script(tmp_path: Path):
    scripts = tmp_path / "_static" / "scripts"
    scripts.mkdir(parents=True)
    (scripts / "fontawesome.js").write_text("/* 1,5 MB */")
    (scripts / "fontawesome.js.map").write_text("{}")
    (tmp_path / "page.html").write_text(HEAD, encoding="utf-8")
    (tmp_path / "search.html").write_text(HEAD, encoding="utf-8")
    (tmp_path / "_static" / "macros.html").write_text(HEAD, encoding="utf-8")

    assert slim_site(tmp_path) == 2
    assert not list(scripts.iterdir())
    assert "searchindex.js" not in (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "searchindex.js" in (tmp_path / "search.html").read_text(encoding="utf-8")
    assert (tmp_path / "_static" / "macros.html").read_text(encoding="utf-8") == HEAD
    assert slim_site(tmp_path) == 0  # idempotent


def test_the_theme_s_print_title_is_escaped():
    from binjai_analysis.build.sphinx_pages import escape_print_title

    context = {"pagetitle": "S02.I03 <script>alert(1)</script>"}
    escape_print_title(None, "indikator/s02-i03", "page.html", context, None)
    assert context["pagetitle"] == "S02.I03 &lt;script&gt;alert(1)&lt;/script&gt;"
    untouched: dict = {}
    escape_print_title(None, "search", "search.html", untouched, None)
    assert untouched == {}


def test_the_theme_catalog_translates_the_theme_s_english_strings(tmp_path: Path):
    folder = write_theme_catalog(tmp_path / "locale", "id")
    catalog = gettext.translation(THEME_CATALOG, str(folder), ["id"])
    assert catalog.gettext("Skip to main content") == "Langsung ke isi utama"
    assert catalog.gettext("Back to top") == "Kembali ke atas"
    for english, indonesian in THEME_TRANSLATIONS["id"].items():
        assert catalog.gettext(english) == indonesian != english


def test_no_theme_catalog_for_a_language_without_translations(tmp_path: Path):
    assert write_theme_catalog(tmp_path / "locale", "en") is None
    assert write_theme_catalog(tmp_path / "locale", None) is None
    assert not (tmp_path / "locale").exists()


def test_the_banner_s_document_links_become_the_page_s_relative_urls():
    banner = f'<p>Varian. <a href="{DOCUMENT_LINK}tentang/metodologi#skala">Metodologi</a></p>'
    context = {
        "theme_announcement": banner,
        "pathto": lambda document: f"../{document}.html",
    }
    link_documents(None, "2018/index", "page.html", context, None)
    assert context["theme_announcement"] == (
        '<p>Varian. <a href="../tentang/metodologi.html#skala">Metodologi</a></p>'
    )
    plain = {"theme_announcement": "", "pathto": None}
    link_documents(None, "index", "page.html", plain, None)  # the main site: no banner
    assert plain["theme_announcement"] == ""
