"""Views for the chapter "Capaian kinerja": per-sasaran tables and generated narrative."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.achievement import ORDINAL_MET
from binjai_analysis.analysis.aggregates import headline_counts
from binjai_analysis.analysis.year import AnalysisOptions
from binjai_analysis.charts.performance import capaian_chart, capaian_chart_data
from binjai_analysis.formatting import (
    bounds_phrase,
    capaian_text,
    format_count,
    format_percent,
    format_text,
    markdown_text,
)
from binjai_analysis.labels import CAPAIAN_STATUS_LABELS
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page


def sasaran_rows(results: pd.DataFrame, sasaran_id: str) -> pd.DataFrame:
    """The indicator results of one sasaran, in indicator order."""
    return results[results["sasaran_id"] == sasaran_id].sort_values("indicator_id")


def sasaran_statement(results: pd.DataFrame, sasaran_id: str) -> str:
    """The sasaran's statement as printed in the report."""
    rows = sasaran_rows(results, sasaran_id)
    return str(rows["sasaran"].iloc[0]) if not rows.empty else ""


def headline_text(options: AnalysisOptions) -> str:
    """The page's sentence on how capaian is bounded and how categories count (generated)."""
    cap, floor = options.cap, options.floor
    bounds = (
        f"Untuk predikat dan rata-rata, {bounds_phrase(cap, floor)}; bila batas mengubah "
        "capaian sebuah indikator, nilai rumusnya ditulis di sampingnya."
        if cap is not None or floor is not None
        else "Capaian tidak dibatasi."
    )
    categories = (
        "Indikator kategori (opini BPK, nilai AKIP) hanya dinilai tercapai atau tidak."
        if options.ordinal == ORDINAL_MET
        else "Indikator kategori diberi capaian menurut peringkat kategorinya."
    )
    return f"{bounds} {categories}"


LINE_OF_COLUMN = {
    "Target": "target_line",
    "Realisasi": "realisasi_line",
    "Capaian dilaporkan": "reported_capaian_line",
    "Predikat dilaporkan": "reported_predikat_line",
}
"""The printed figures of the indicator table, and the column holding each one's source line."""


def indicator_table(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the reader's table and the exact values behind it for the download."""
    shown = pd.DataFrame(
        {
            "Kode": rows["indicator_id"],
            "Indikator": rows["name"],
            "Target": rows["target_raw"].map(format_text),
            "Realisasi": rows["realisasi_raw"].map(format_text),
            "Capaian dihitung": [
                capaian_text(value, formula)
                for value, formula in zip(rows["capaian"], rows["capaian_formula"], strict=True)
            ],
            "Capaian dilaporkan": rows["reported_capaian_raw"].map(format_text),
            "Predikat dihitung": rows["rating"].map(format_text),
            "Predikat dilaporkan": rows["reported_predikat"].map(format_text),
            "Status": rows["capaian_status"]
            .map(CAPAIAN_STATUS_LABELS)
            .fillna(rows["capaian_status"]),
        }
    )
    exact = rows[
        [
            "indicator_id",
            "name",
            "polarity",
            "target_raw",
            "target",
            "target_line",
            "realisasi_raw",
            "realisasi",
            "realisasi_line",
            "capaian",
            "capaian_formula",
            "capaian_status",
            "rating",
            "reported_capaian_raw",
            "reported_capaian",
            "reported_predikat",
            "source_table",
        ]
    ]
    return shown, exact


def sasaran_narrative(rows: pd.DataFrame) -> str:
    """A few sentences from the numbers: met, missed, and where the report's figure differs
    (Markdown; the indicator's name is escaped)."""
    usable = rows[rows["capaian"].notna()]
    met = usable[usable["met"]]
    missed = usable[~usable["met"]]
    parts = [
        # What the count counts: the indicators the report gives a realisation for, not
        # every indicator of the sasaran in the framework (Kerangka strategis counts those).
        f"Realisasi {len(rows)} indikator sasaran ini dilaporkan; {len(usable)} di antaranya "
        f"dapat dihitung capaiannya."
    ]
    if len(usable):
        parts.append(
            f"{len(met)} indikator mencapai atau melampaui target (capaian ≥ 100 %), "
            f"{len(missed)} belum."
        )
    if len(missed):
        worst = missed.sort_values("capaian").iloc[0]
        parts.append(
            f"Capaian terendah: {markdown_text(worst['name'])} "
            f"({format_percent(float(worst['capaian']), 1)})."
        )
    differs = rows[rows["capaian_difference"].abs().fillna(0) >= 1.0]
    changed = rows[rows["predikat_changed"]]
    if len(differs) or len(changed):
        parts.append(
            f"Untuk {len(differs)} indikator capaian yang dihitung ulang berbeda ≥ 1 poin dari "
            f"angka laporan, dan {len(changed)} predikat berubah."
        )
    else:
        parts.append("Capaian yang dihitung ulang sama dengan angka laporan.")
    return " ".join(parts)


def headline_figures(results: pd.DataFrame) -> dict[str, str]:
    """Headline numbers of a year, formatted for the text (keys are glue names)."""
    counts = headline_counts(results)
    return {
        "indicators": format_count(counts["indicators"]),
        "usable": format_count(counts["usable"]),
        "met": format_count(counts["met"]),
        "met_share": format_percent(counts["met_share_pct"], 1),
        "median_capaian": format_percent(counts["median_capaian"], 1),
        "predikat_changed": format_count(counts["predikat_changed"]),
    }


def sasaran_markdown(results: pd.DataFrame, sasaran_id: str) -> str:
    """The sasaran's statement (in italics) and its generated narrative, as Markdown."""
    statement = markdown_text(sasaran_statement(results, sasaran_id))
    return f"*{statement}*\n\n{sasaran_narrative(sasaran_rows(results, sasaran_id))}"


def show_sasaran(page: Page, results: pd.DataFrame, sasaran_id: str) -> None:
    """One sasaran's section body: statement, generated narrative, table, chart."""
    rows = sasaran_rows(results, sasaran_id)
    number = int(sasaran_id[1:])
    show_markdown(sasaran_markdown(results, sasaran_id))
    shown, exact = indicator_table(rows)
    tables = ", ".join(sorted(set(rows["source_table"])))
    page.table(
        shown,
        title=f"Indikator sasaran {number}: target, realisasi, capaian dihitung dan dilaporkan",
        source=tables,
        label=f"capaian-s{number:02d}",
        data=exact,
        section=number,
        lines={column: page.places(rows[line]) for column, line in LINE_OF_COLUMN.items()},
        indicators="Kode",
    )
    if rows["capaian"].notna().any():
        page.figure(
            capaian_chart(rows, f"Capaian indikator sasaran {number}"),
            title=f"Capaian indikator sasaran {number} terhadap target 100 %",
            source=tables,
            label=f"capaian-s{number:02d}",
            section=number,
            data=capaian_chart_data(rows),
            description=(
                f"Diagram batang capaian {int(rows['capaian'].notna().sum())} indikator sasaran "
                f"{number}, diwarnai menurut predikat; angka lengkap ada pada tabel di atas."
            ),
        )
