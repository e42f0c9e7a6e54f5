"""Sphinx extension: each page loads only what it uses, and the theme's markup is accessible.

Page weight. The theme loads Font Awesome twice: as a web font (its stylesheet already has
every icon) and as a 1,5 MB script that redraws the same icons as SVG. The script is dropped;
the icons still show through the font. Sphinx's search scripts and index (about 100 kB) are
kept on the search page only, where they are used (the search box on other pages just opens
that page). sphinx-design's assets stay only where a page uses one of its components. The Vega
bundle is linked only from pages that hold a chart; it is one file,
shared and cached across pages.

Accessibility (axe-core's findings on the theme): the sidebar's expand toggles get a name, the
sidebar is a named landmark, the search button's name matches its visible text, and the
theme's English labels are given in Indonesian, the site's language.

Language. Sphinx and sphinx-book-theme translate their strings into Indonesian; the
pydata-sphinx-theme under it has no Indonesian catalog, so its visible strings ("Skip to main
content", "Back to top") stayed English. The extension compiles a small catalog of them
(`THEME_TRANSLATIONS`) into the build folder and adds it behind Sphinx's own.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from sphinx.application import Sphinx

from binjai_analysis.notices import DOCUMENT_LINK

VEGA_BUNDLE = "vendor/vega-bundle.js"
CHART_MARKER = 'class="binjai-chart"'
FONTAWESOME_SCRIPT = "_static/scripts/fontawesome.js"
SEARCH_PAGE = "search.html"

_FONTAWESOME_TAG = re.compile(
    r'[ \t]*<script defer src="[^"]*_static/scripts/fontawesome\.js(?:\?[^"]*)?"></script>\n?'
)
_SEARCH_TAGS = re.compile(
    r'[ \t]*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|'
    r'searchindex\.js)(?:\?[^"]*)?"></script>\n?'
)
# sphinx-design's stylesheet and tab script, loaded by Jupyter Book on every page; only a page
# with a sphinx-design component ("sd-" classes) uses them.
_DESIGN_TAGS = re.compile(
    r'[ \t]*<(?:link [^>]*href="[^"]*_static/sphinx-design\.min\.css[^"]*"[^>]*/?>|'
    r'script [^>]*src="[^"]*_static/design-tabs\.js[^"]*"></script>)\n?'
)
_DESIGN_IN_USE = re.compile(r'class="(?:[^"]* )?sd-')
# (markup the theme writes, what it becomes): names for unnamed controls and landmarks.
_THEME_MARKUP_FIXES = (
    (
        '<summary><span class="toctree-toggle" role="presentation">',
        '<summary aria-label="Tampilkan atau sembunyikan subbab">'
        '<span class="toctree-toggle" role="presentation">',
    ),
    (
        '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">',
        '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" '
        'role="complementary" aria-label="Navigasi buku">',
    ),
)
# The theme's English labels (read aloud by screen readers, shown as tooltips), in Indonesian.
THEME_LABELS = {
    "Search this book...": "Cari di buku ini…",
    "Link to this heading": "Tautan ke judul ini",
    "Toggle primary sidebar": "Tampilkan atau sembunyikan navigasi",
    "Toggle secondary sidebar": "Tampilkan atau sembunyikan daftar isi halaman",
    "Site navigation": "Navigasi situs",
    "On this page": "Di halaman ini",
    "Main": "Navigasi utama",
    "Page": "Halaman",
    "Version warning": "Peringatan versi",
    "Color mode": "Mode warna",
    "System Settings": "Ikuti pengaturan sistem",
    "Light": "Terang",
    "Dark": "Gelap",
    "previous page": "halaman sebelumnya",
    "next page": "halaman berikutnya",
    "Announcement": "Pengumuman",
}
THEME_CATALOG = "sphinx"
"""The gettext domain pydata-sphinx-theme's templates translate with (Sphinx's own)."""
THEME_TRANSLATIONS = {
    "id": {
        "Skip to main content": "Langsung ke isi utama",
        "Back to top": "Kembali ke atas",
        "Announcement": "Pengumuman",
        "Breadcrumb": "Jejak navigasi",
        "Home": "Beranda",
        "Indices": "Indeks",
        "On this page": "Di halaman ini",
        "Section Navigation": "Navigasi bagian",
        "Site navigation": "Navigasi situs",
        "Collapse Sidebar": "Ciutkan bilah samping",
        "Expand Sidebar": "Bentangkan bilah samping",
        "Click to expand": "Klik untuk membuka",
        "Click to collapse": "Klik untuk menutup",
        "Color mode": "Mode warna",
        "Light": "Terang",
        "Dark": "Gelap",
        "System Settings": "Ikuti pengaturan sistem",
        "Version warning": "Peringatan versi",
        "Error": "Galat",
        "Please activate JavaScript to enable the search functionality.": (
            "Aktifkan JavaScript untuk memakai pencarian."
        ),
    }
}
"""pydata-sphinx-theme's template strings that Sphinx's catalogs leave untranslated, by language."""
_LABEL_ATTRIBUTE = re.compile(
    r'\b(aria-label|title|placeholder|data-bs-title)="('
    + "|".join(re.escape(label) for label in THEME_LABELS)
    + r')"'
)
# The button shows "Pencarian Ctrl+K"; its aria-label "Pencarian" hid the shortcut from its name.
_SEARCH_BUTTON_LABEL = re.compile(
    r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="[^"]*"'
)


def add_vega_to_chart_pages(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Link the Vega bundle from this page only if the page draws a chart."""
    if CHART_MARKER in str(context.get("body", "")):
        app.add_js_file(VEGA_BUNDLE)


def slim_page(html: str, *, search_page: bool = False) -> str:
    """A built page without the scripts it does not use, with the theme's labels fixed.

    Examples:
        >>> slim_page('<script defer src="../_static/scripts/fontawesome.js?digest=1"></script>')
        ''
        >>> slim_page('<script src="searchindex.js"></script>', search_page=True)
        '<script src="searchindex.js"></script>'
    """
    html = _FONTAWESOME_TAG.sub("", html)
    if not search_page:
        html = _SEARCH_TAGS.sub("", html)
    if not _DESIGN_IN_USE.search(html):
        html = _DESIGN_TAGS.sub("", html)
    for theme_markup, fixed in _THEME_MARKUP_FIXES:
        html = html.replace(theme_markup, fixed)
    html = _LABEL_ATTRIBUTE.sub(lambda m: f'{m[1]}="{THEME_LABELS[m[2]]}"', html)
    return _SEARCH_BUTTON_LABEL.sub(r"\1", html)


def slim_site(outdir: Path) -> int:
    """Apply `slim_page` to every page of a built site; returns how many pages changed."""
    changed = 0
    for page in sorted(outdir.rglob("*.html")):
        if "_static" in page.relative_to(outdir).parts:
            continue
        html = page.read_text(encoding="utf-8")
        slimmed = slim_page(html, search_page=page.relative_to(outdir).as_posix() == SEARCH_PAGE)
        if slimmed != html:
            page.write_text(slimmed, encoding="utf-8")
            changed += 1
    for unused in outdir.glob(FONTAWESOME_SCRIPT + "*"):
        unused.unlink()
    return changed


def slim_built_site(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: slim every page once Sphinx has written them all."""
    if exception is None and app.builder.format == "html":
        slim_site(Path(app.outdir))


def escape_print_title(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context, after the theme's own: sphinx-book-theme sets `pagetitle` to the
    page title as plain text and prints it unescaped in its print header (`<h1>{{ pagetitle
    }}</h1>`, its only use). A title from the data, an indicator's name such as
    `<script>alert(1)</script>`, would become markup there: escape it."""
    if context.get("pagetitle"):
        context["pagetitle"] = escape(str(context["pagetitle"]))


_DOCUMENT_HREF = re.compile(r'href="' + re.escape(DOCUMENT_LINK) + r'([^"#]+)(#[^"]*)?"')


def link_documents(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context: a site-wide text (the theme's announcement, the same on every page)
    links a document as `binjai-doc:<document>`; give it this page's relative URL."""
    banner = context.get("theme_announcement")
    if isinstance(banner, str) and DOCUMENT_LINK in banner:
        pathto = context["pathto"]
        context["theme_announcement"] = _DOCUMENT_HREF.sub(
            lambda m: f'href="{pathto(m[1])}{m[2] or ""}"', banner
        )


def write_theme_catalog(folder: Path, language: str | None) -> Path | None:
    """Compile `THEME_TRANSLATIONS[language]` into `<folder>/<language>/LC_MESSAGES/sphinx.mo`
    (gettext's layout); returns `folder`, or None for a language without translations."""
    messages = THEME_TRANSLATIONS.get(language or "")
    if not messages:
        return None
    catalog = Catalog(locale=language, domain=THEME_CATALOG)
    for english, translated in messages.items():
        catalog.add(english, translated)
    target = folder / str(language) / "LC_MESSAGES" / f"{THEME_CATALOG}.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as mo_file:
        write_mo(mo_file, catalog)
    return folder


def setup(app: Sphinx) -> dict[str, Any]:
    # Behind Sphinx's catalog (a fallback): only the strings it lacks are taken from this one.
    catalog = write_theme_catalog(Path(app.doctreedir) / "binjai-locale", app.config.language)
    if catalog is not None:
        app.add_message_catalog(THEME_CATALOG, str(catalog))
    app.connect("html-page-context", add_vega_to_chart_pages)
    app.connect("html-page-context", link_documents)
    app.connect("html-page-context", escape_print_title, priority=900)
    # Before the offline check (priority 500), so it sees the pages as published.
    app.connect("build-finished", slim_built_site, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
