"""Notices shown at the top of a year's pages: its caveats, and which variant built it."""

from __future__ import annotations

from binjai_analysis.params import YearParams


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
