"""Views for the home page (Beranda): what the site is built from, and the headline figures of
the latest realisation year."""

from __future__ import annotations

from binjai_analysis.analysis.aggregates import headline_counts
from binjai_analysis.analysis.audit import errata_summary
from binjai_analysis.analysis.rating import describe_scale
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.data.model import DataModel
from binjai_analysis.formatting import format_count, format_percent, format_rupiah, markdown_text
from binjai_analysis.labels import FLAGGED_ROWS

DOCUMENT_KINDS = {
    "LKjIP": "*Laporan Kinerja Instansi Pemerintah* (LKjIP)",
    "IKU": "daftar Indikator Kinerja Utama (IKU)",
    "PK": "Perjanjian Kinerja",
    "RKPD": "Rencana Kerja Pemerintah Daerah (RKPD)",
    "RPJMD": "RPJMD",
    "other": "dokumen",
}
"""How the home page names each kind of document."""


def join_words(items: list[str]) -> str:
    """Items as Indonesian prose.

    Examples:
        >>> join_words(["a"]), join_words(["a", "b"]), join_words(["a", "b", "c"])
        ('a', 'a dan b', 'a, b dan c')
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} dan {items[-1]}"


def documents_text(model: DataModel) -> str:
    """The documents the site is built from, in prose (Markdown): kind, region and year of
    each, e.g. 'daftar Indikator Kinerja Utama (IKU) Kota X 1999'; test sources say so."""
    documents = model["documents"].sort_values("year", kind="stable")  # then as listed
    region = {sid: s.origin.region.name for sid, s in model.sources.items()}
    parts = []
    for row in documents.itertuples():
        place = markdown_text(region[row.source])
        name = f"{DOCUMENT_KINDS.get(row.kind, row.kind)} {place} {row.year}"
        parts.append(name + (" (data uji, bukan data sebenarnya)" if row.test_data else ""))
    return join_words(parts)


def home_markdown(model: DataModel) -> dict[str, str]:
    """The home page's generated Markdown (glue names): the documents it is built from."""
    return {"documents": documents_text(model)}


def home_figures(analysis: Analysis) -> dict[str, str]:
    """Every number the home page quotes, formatted; keys are glue names."""
    counts = headline_counts(analysis.results)
    budget = analysis.absorption_summary
    statuses = analysis.trajectories["status"].value_counts()
    return {
        "indicators": format_count(counts["indicators"]),
        "usable": format_count(counts["usable"]),
        "met": format_count(counts["met"]),
        "met_share": format_percent(counts["met_share_pct"], 1),
        "median_capaian": format_percent(counts["median_capaian"], 1),
        "predikat_changed": format_count(counts["predikat_changed"]),
        "year_latest": str(analysis.year),
        "plan_end": str(analysis.period.end),
        "absorption": format_percent(budget["weighted_pct"], 1),
        "budget_total": format_rupiah(budget["anggaran"]),
        "realised_total": format_rupiah(budget["realisasi"]),
        "on_track": format_count(int(statuses.get("on track", 0))),
        "off_track": format_count(int(statuses.get("off track", 0))),
        "errata": format_count(len(analysis.errata)),
        "errata_errors": format_count(errata_summary(analysis.errata)["errors"]),
        "scale_text": describe_scale(analysis.options.scale),
        "flagged_note": flagged_note(analysis),
    }


def flagged_note(analysis: Analysis) -> str:
    """What the home page's budget figures do with flagged rows (one sentence)."""
    excluded = int(analysis.absorption_summary["excluded"])
    if analysis.options.flagged_budget_rows == "include" or not excluded:
        return "Baris anggaran ganda dihitung sekali; baris bertanda dihitung seperti tercetak."
    return (
        f"Baris anggaran ganda dihitung sekali, dan {format_count(excluded)} baris bertanda "
        f"({FLAGGED_ROWS}) tidak dihitung dalam angka ini."
    )
