"""Notices shown to readers: a year's caveats, which variant built a page, and the edition a
citation names, so figures of a variant are never taken (or cited) as the main site's."""

from __future__ import annotations

from html import escape

from binjai_analysis import __version__
from binjai_analysis.params import YearParams

METHODOLOGY_DOCUMENT = "tentang/metodologi"
"""The page that explains the analysis choices a variant changes."""
DOCUMENT_LINK = "binjai-doc:"
"""An `href` prefix naming a document; the site's Sphinx extension turns it into the page's
relative URL (`sphinx_pages.link_documents`), which a site-wide text cannot know itself."""


def caveats_markdown(settings: YearParams) -> str:
    """The year's caveats (and the variant's name, for a variant build) as a MyST admonition,
    or an empty string when there are none."""
    notes = list(settings.caveats)
    if settings.variant:
        notes.insert(
            0,
            f"Halaman ini dibuat untuk **varian {settings.variant}**, dengan pilihan "
            "analisis yang berbeda dari situs utama (lihat Metodologi).",
        )
    if not notes:
        return ""
    items = "\n".join(f"- {caveat}" for caveat in notes)
    return f":::{{admonition}} Catatan untuk tahun {settings.year}\n:class: warning\n{items}\n:::\n"


def edition_text(variant: str | None = None, version: str = __version__) -> str:
    """Who made a cited page, in which version and, for a variant build, which variant (Markdown).

    Examples:
        >>> edition_text(None, "1.0")
        'Binjai Analysis, versi `1.0`'
        >>> edition_text("tanpa-batas", "1.0")
        'Binjai Analysis, varian `tanpa-batas`, versi `1.0`'
    """
    named = f", varian `{variant}`" if variant else ""
    return f"Binjai Analysis{named}, versi `{version}`"


def variant_banner_html(variant: str) -> str:
    """The banner every page of a variant's site shows (HTML, for the theme's announcement):
    the variant's name and a link to the methodology its choices depart from."""
    return (
        f'<p class="binjai-variant-banner">Ini adalah <strong>varian {escape(variant)}</strong> '
        "dari situs Binjai Analysis: angkanya dihitung dengan pilihan analisis yang berbeda dari "
        f'situs utama. Lihat <a href="{DOCUMENT_LINK}{METHODOLOGY_DOCUMENT}">Metodologi</a>.</p>'
    )
