"""Views for the site page "Kualitas data": the errata found in the source, for readers.

The audit (`analysis.audit`) gives each erratum as fields: which comparison it is (`item`), the
row, the figures as printed and as computed, related places and an effect code. This module
writes the Indonesian texts from those fields, one small function per comparison: where the
error is (`Lokasi`), what shows it (`Bukti`) and what it changes (`Dampak`, from
`labels.ERRATA_EFFECTS`). The downloads hold the Indonesian texts beside every field.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping

import pandas as pd

from binjai_analysis.analysis.rating import SCALES
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.charts.quality import errata_chart
from binjai_analysis.formatting import format_number, format_percent, format_rupiah, rupiah_exact
from binjai_analysis.labels import (
    ERRATA_EFFECTS,
    ERRATA_KIND_DESCRIPTIONS,
    ERRATA_KIND_LABELS,
    POLARITY_LABELS,
    REPORTED_SUMMARY_LABELS,
    SEVERITY_LABELS,
    reconciliation_labels,
)
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

KIND_LABELS = ERRATA_KIND_LABELS
KIND_DESCRIPTIONS = ERRATA_KIND_DESCRIPTIONS
SEVERITY_ORDER = ("high", "medium", "low")

Erratum = Mapping[str, object]
"""One row of the audit's errata table (`audit.ERRATA_COLUMNS`), e.g. from `to_dict`."""
Writer = Callable[[Erratum], str]


def _field(erratum: Erratum, name: str) -> object | None:
    """A field of `erratum`; None when it is missing, blank or NaN."""
    value = erratum.get(name)
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return None if isinstance(value, str) and not value.strip() else value


def _text(erratum: Erratum, name: str, missing: str = "–") -> str:
    """A field as text (`missing` when empty); whole numbers without decimals."""
    value = _field(erratum, name)
    if value is None:
        return missing
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rp(erratum: Erratum, name: str) -> str:
    """A rupiah field, exact (sen only when there are any)."""
    value = _field(erratum, name)
    return rupiah_exact(None if value is None else float(value))


def _pct(erratum: Erratum, name: str) -> str:
    """A percentage field with two decimals."""
    value = _field(erratum, name)
    return format_percent(None if value is None else float(value), 2)


def _printed_percent(erratum: Erratum) -> str:
    """The printed figure of a % column, with the % sign the column heading carries."""
    printed = _text(erratum, "printed")
    return printed if printed.endswith("%") else f"{printed} %"


# --- Lokasi: where the error is ----------------------------------------------------------------


def budget_row_place(erratum: Erratum) -> str:
    """A budget row: its print order, printed number and program.

    Examples:
        >>> budget_row_place({"row_seq": 44, "printed_no": "43", "program": "Perumahan"})
        'baris ke-44 (nomor tercetak 43): Perumahan'
    """
    return (
        f"baris ke-{_text(erratum, 'row_seq')} (nomor tercetak {_text(erratum, 'printed_no')}): "
        f"{_text(erratum, 'program')}"
    )


def indicator_place(erratum: Erratum) -> str:
    """A realisation table's indicator row: sasaran, printed number and name."""
    return (
        f"sasaran {_text(erratum, 'sasaran_no')}, indikator {_text(erratum, 'indicator_no')}: "
        f"{_text(erratum, 'indicator_name')}"
    )


def indicator_id_place(erratum: Erratum) -> str:
    """An indicator of the framework: its id and name."""
    return f"{_text(erratum, 'indicator_id')}: {_text(erratum, 'indicator_name')}"


def figure_place(erratum: Erratum) -> str:
    """A printed figure: its row (budget row, indicator or program), measure and year."""
    if _field(erratum, "row_seq") is not None:
        row = budget_row_place(erratum)
    elif _field(erratum, "indicator_name") is not None:
        row = indicator_place(erratum)
    else:
        row = _text(erratum, "program")
    year = "" if _field(erratum, "year") is None else f" tahun {_text(erratum, 'year')}"
    return f"{row}; {_text(erratum, 'measure', 'angka')}{year}"


def _ikhtisar_measure(erratum: Erratum) -> str:
    measure = _text(erratum, "measure")
    return "anggaran (pagu)" if measure == "anggaran" else measure


def total_place(erratum: Erratum) -> str:
    """A printed total and what it is compared with."""
    measure, table = _text(erratum, "measure"), _text(erratum, "other_table")
    item = erratum["item"]
    if item == "sum_all_rows":
        return f"Jumlah {measure} {table}: jumlah semua baris tercetak"
    if item == "sum_without_duplicates":
        return f"Jumlah {measure} {table}: jumlah baris tanpa baris ganda"
    if item == "ikhtisar_vs_rows":
        return f"Ikhtisar {_ikhtisar_measure(erratum)}: jumlah baris {table}"
    if item == "ikhtisar_vs_jumlah":
        return f"Ikhtisar {_ikhtisar_measure(erratum)} dibandingkan dengan Jumlah {table}"
    return "Ikhtisar selisih: pagu − realisasi"


def total_percent_place(erratum: Erratum) -> str:
    """A printed percentage of two printed totals."""
    if _text(erratum, "total_item").startswith("ikhtisar"):
        return "Ikhtisar persen: realisasi / pagu"
    return f"Jumlah persen {_text(erratum, 'source_table')}: realisasi / anggaran"


def heading_place(erratum: Erratum) -> str:
    """The text leading to a report-year table's heading."""
    return f"teks di sekitar judul {_text(erratum, 'other_table')}"


def statement_place(erratum: Erratum) -> str:
    """A summary statement of the report, with the figure it states."""
    item = _text(erratum, "other_item")
    label = REPORTED_SUMMARY_LABELS.get(item, item)
    return f"pernyataan {label} ({_text(erratum, 'other_printed')})"


# --- Bukti: the figures that show it ----------------------------------------------------------


def percent_evidence(erratum: Erratum) -> str:
    """A percentage that is not realisasi / anggaran (of a row or of two totals)."""
    return (
        f"realisasi {_rp(erratum, 'realisasi')} / anggaran {_rp(erratum, 'anggaran')} = "
        f"{_pct(erratum, 'computed')}; tercetak {_printed_percent(erratum)}"
    )


def over_budget_evidence(erratum: Erratum) -> str:
    """A realisasi above its anggaran."""
    return (
        f"realisasi {_rp(erratum, 'realisasi')} melebihi anggaran {_rp(erratum, 'anggaran')} "
        f"({_pct(erratum, 'computed')})"
    )


def same_row_evidence(erratum: Erratum) -> str:
    """A row repeating an earlier row's program and figures."""
    return f"program dan angka sama dengan baris ke-{_text(erratum, 'other_row')}"


def same_figures_evidence(erratum: Erratum) -> str:
    """A row repeating an earlier row's figures under another program name."""
    figures = f"anggaran {_rp(erratum, 'anggaran')}"
    if _field(erratum, "realisasi") is not None:
        figures += f", realisasi {_rp(erratum, 'realisasi')}"
    return (
        f"angka sama dengan baris ke-{_text(erratum, 'other_row')} dengan nama program lain "
        f"({figures})"
    )


def printed_no_evidence(erratum: Erratum) -> str:
    """A printed number that does not follow the previous printed number."""
    return (
        f"nomor tercetak {_text(erratum, 'printed_no')} sesudah nomor "
        f"{_text(erratum, 'other_printed')} (baris ke-{_text(erratum, 'other_row')})"
    )


def _printed_and_gap(erratum: Erratum) -> str:
    return f"tercetak {_rp(erratum, 'printed_value')}; selisih {_rp(erratum, 'difference')}"


def sum_evidence(erratum: Erratum) -> str:
    """A printed total against the sum we computed.

    Examples:
        >>> sum_evidence({"computed": 1.0, "printed_value": 2.5, "difference": -1.5})
        'dihitung Rp 1; tercetak Rp 2,50; selisih −Rp 1,50'
    """
    return f"dihitung {_rp(erratum, 'computed')}; {_printed_and_gap(erratum)}"


def jumlah_evidence(erratum: Erratum) -> str:
    """A printed total against another table's printed Jumlah."""
    return (
        f"Jumlah tercetak {_text(erratum, 'other_table')} {_rp(erratum, 'other_value')} "
        f"(baris {_text(erratum, 'other_line')}); tercetak di sini "
        f"{_rp(erratum, 'printed_value')}; selisih {_rp(erratum, 'difference')}"
    )


def selisih_evidence(erratum: Erratum) -> str:
    """The printed selisih against pagu minus realisasi."""
    return (
        f"pagu {_rp(erratum, 'anggaran')} − realisasi {_rp(erratum, 'realisasi')} = "
        f"{_rp(erratum, 'computed')}; {_printed_and_gap(erratum)}"
    )


def _reading(value: object | None) -> str:
    """How a malformed figure was read, in Indonesian style (up to four decimals)."""
    if value is None:
        return "tidak dapat dibaca sebagai angka"
    number = float(value)
    decimals = 0 if number.is_integer() else len(repr(number).split(".")[1])
    return f"dibaca {format_number(number, min(decimals, 4))}"


def malformed_evidence(erratum: Erratum) -> str:
    """A figure as printed and its reading; the parser's note stays in the data.

    Examples:
        >>> malformed_evidence({"printed": ".9,69", "printed_value": 9.69, "printed_table": "t"})
        'tercetak “.9,69”; dibaca 9,69 (cara membacanya dicatat di kolom parse_note data t)'
    """
    return (
        f"tercetak “{_text(erratum, 'printed')}”; {_reading(_field(erratum, 'printed_value'))} "
        f"(cara membacanya dicatat di kolom parse_note data {_text(erratum, 'printed_table')})"
    )


def _capaian_computed(erratum: Erratum) -> str:
    expected = _text(erratum, "expected")
    if expected in POLARITY_LABELS:
        return f"{_pct(erratum, 'computed')} ({POLARITY_LABELS[expected]})"
    return (
        f"{_pct(erratum, 'computed')} ({POLARITY_LABELS['higher']}) atau "
        f"{_pct(erratum, 'computed_alt')} ({POLARITY_LABELS['lower']}; arah tidak diketahui)"
    )


def capaian_evidence(erratum: Erratum) -> str:
    """A printed capaian against the formula on the printed target and realisation."""
    return (
        f"target {_text(erratum, 'target_printed')}, realisasi "
        f"{_text(erratum, 'realisasi_printed')}: capaian dihitung {_capaian_computed(erratum)}; "
        f"tercetak {_text(erratum, 'printed')}"
    )


def scale_title(name: str) -> str:
    """A rating scale's title for readers ('skala <name>' when the scale has none)."""
    scale = getattr(SCALES, name, None)
    return scale.title if scale is not None and scale.title else f"skala {name}"


def predikat_evidence(erratum: Erratum) -> str:
    """A printed predikat against the scale's rating of the printed capaian."""
    return (
        f"capaian tercetak {_text(erratum, 'other_printed')} berpredikat "
        f"“{_text(erratum, 'expected')}” menurut {scale_title(_text(erratum, 'scale'))}; "
        f"predikat tercetak “{_text(erratum, 'printed')}”"
    )


def targets_evidence(erratum: Erratum) -> str:
    """An indicator's differing targets for one year, table by table."""
    places = json.loads(str(_field(erratum, "listing") or "[]"))
    listing = "; ".join(
        f"{place['source_table']} baris {place['source_line']}: {place['printed']}"
        for place in places
    )
    return f"target tahun {_text(erratum, 'year')} berbeda: {listing}"


def year_evidence(erratum: Erratum) -> str:
    """Another year named in a passage about the report year."""
    return (
        f"“{_text(erratum, 'printed')}” tercetak di baris {_text(erratum, 'source_line')}, "
        f"dalam bagian tentang tahun {_text(erratum, 'year')} "
        f"(acuan di baris {_text(erratum, 'other_line')})"
    )


WRITERS: dict[str, tuple[Writer, Writer]] = {
    "row_percent": (budget_row_place, percent_evidence),
    "total_percent": (total_percent_place, percent_evidence),
    "realisasi_over_anggaran": (budget_row_place, over_budget_evidence),
    "same_row": (budget_row_place, same_row_evidence),
    "same_figures_other_name": (budget_row_place, same_figures_evidence),
    "printed_no_jump": (budget_row_place, printed_no_evidence),
    "sum_all_rows": (total_place, sum_evidence),
    "sum_without_duplicates": (total_place, sum_evidence),
    "ikhtisar_vs_rows": (total_place, sum_evidence),
    "ikhtisar_vs_jumlah": (total_place, jumlah_evidence),
    "ikhtisar_selisih": (total_place, selisih_evidence),
    "malformed": (figure_place, malformed_evidence),
    "capaian_formula": (indicator_place, capaian_evidence),
    "predikat_scale": (indicator_place, predikat_evidence),
    "targets_differ": (indicator_id_place, targets_evidence),
    "year_near_heading": (heading_place, year_evidence),
    "year_near_statement": (statement_place, year_evidence),
}
"""Per comparison (`audit.ITEMS`): the writers of its Lokasi and of its Bukti."""


def location_text(erratum: Erratum) -> str:
    """Where the error is, in Indonesian."""
    return WRITERS[str(erratum["item"])][0](erratum)


def evidence_text(erratum: Erratum) -> str:
    """The figures that show the error, in Indonesian."""
    return WRITERS[str(erratum["item"])][1](erratum)


def effect_text(erratum: Erratum) -> str:
    """What the error changes in the site's figures, in Indonesian (from its effect code)."""
    return ERRATA_EFFECTS[str(erratum["effect"])].format(year=_text(erratum, "year"))


def erratum_texts(errata: pd.DataFrame) -> pd.DataFrame:
    """Every erratum's Indonesian texts: jenis, tingkat, lokasi, bukti, dampak."""
    records = errata.to_dict("records")
    return pd.DataFrame(
        {
            "jenis": errata["kind"].map(KIND_LABELS).fillna(errata["kind"]),
            "tingkat": errata["severity"].map(SEVERITY_LABELS).fillna(errata["severity"]),
            "lokasi": [location_text(e) for e in records],
            "bukti": [evidence_text(e) for e in records],
            "dampak": [effect_text(e) for e in records],
        },
        index=errata.index,
    )


DOWNLOAD_FIRST = [
    "erratum_id",
    "source",
    "kind",
    "jenis",
    "severity",
    "tingkat",
    "source_table",
    "source_line",
    "lokasi",
    "bukti",
    "dampak",
]
"""The download's first columns; every other field of the audit follows in its own order."""


def errata_download(errata: pd.DataFrame) -> pd.DataFrame:
    """The errata for the downloads: ids, kind and severity (codes and labels), the place,
    the Indonesian texts, then the audit's fields (item, row, figures, related places, effect)."""
    table = pd.concat([errata, erratum_texts(errata)], axis=1)
    first = [c for c in DOWNLOAD_FIRST if c in table]
    return table[first + [c for c in errata.columns if c not in first]]


def errata_table(errata: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every erratum with Indonesian headers, labels and texts.

    To fit the page, the shown table puts the source table and line in one column and leaves
    the effect (summarised per kind in its own table) and the erratum id to the downloads
    (`errata_download`), which hold the Indonesian texts beside every field of the audit.
    """
    exact = errata_download(errata)
    shown = pd.DataFrame(
        {
            "Jenis": exact["jenis"],
            "Lokasi": exact["lokasi"],
            "Tingkat": exact["tingkat"],
            "Bukti": exact["bukti"],
            "Sumber": [
                f"{table}, baris {line}"
                for table, line in zip(exact["source_table"], exact["source_line"], strict=True)
            ],
        }
    )
    return shown, exact


def counts_by_kind(errata: pd.DataFrame) -> pd.DataFrame:
    """Errata per kind and severity (columns high, medium, low, total), most frequent first."""
    counts = (
        pd.crosstab(errata["kind"], errata["severity"])
        .reindex(columns=list(SEVERITY_ORDER), fill_value=0)
        .astype(int)
    )
    counts["total"] = counts.sum(axis=1)
    counts = counts.reset_index().rename(columns={"index": "kind"})
    return counts.sort_values(["total", "kind"], ascending=[False, True], ignore_index=True)


def errata_chart_data(errata: pd.DataFrame) -> pd.DataFrame:
    """Errata counted per kind and severity (long format), kinds most frequent first."""
    counts = errata.groupby(["kind", "severity"]).size().rename("catatan").reset_index()
    counts = counts.assign(
        jenis=counts["kind"].map(KIND_LABELS).fillna(counts["kind"]),
        tingkat=counts["severity"].map(SEVERITY_LABELS).fillna(counts["severity"]),
        urutan_tingkat=counts["severity"].map({s: i for i, s in enumerate(SEVERITY_ORDER)}),
        jumlah_jenis=counts.groupby("kind")["catatan"].transform("sum"),
    )
    counts = counts.sort_values(
        ["jumlah_jenis", "kind", "urutan_tingkat"], ascending=[False, True, True]
    )
    columns = ["kind", "jenis", "severity", "tingkat", "urutan_tingkat", "catatan", "jumlah_jenis"]
    return counts[columns].reset_index(drop=True)


def counts_table(errata: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): counts per kind and severity, with a total row."""
    counts = counts_by_kind(errata)
    total = {"kind": "total", **{c: int(counts[c].sum()) for c in [*SEVERITY_ORDER, "total"]}}
    exact = pd.concat([counts, pd.DataFrame([total])], ignore_index=True)
    shown = pd.DataFrame(
        {
            "Jenis": exact["kind"].map(KIND_LABELS).fillna("Jumlah"),
            "Yang diperiksa": exact["kind"].map(KIND_DESCRIPTIONS).fillna(""),
            **{
                f"Tingkat {SEVERITY_LABELS[s]}": exact[s].map(lambda v: format_number(v, 0))
                for s in SEVERITY_ORDER
            },
            "Jumlah": exact["total"].map(lambda v: format_number(v, 0)),
        }
    )
    return shown, exact


def effect_summary(errata: pd.DataFrame) -> pd.DataFrame:
    """Per kind: what it changes in the site's figures, and how many errata.

    When a kind's effect differs by severity, each effect is prefixed with its severity.
    """
    rows = []
    for kind in counts_by_kind(errata)["kind"]:
        group = errata[errata["kind"] == kind]
        effects = (
            group.assign(effect_id=[effect_text(e) for e in group.to_dict("records")])
            .drop_duplicates("effect_id")
            .sort_values("severity", key=lambda s: s.map(SEVERITY_ORDER.index))
        )
        if len(effects) == 1 or effects["severity"].nunique() < len(effects):
            text = " ".join(effects["effect_id"])
        else:
            text = " ".join(
                f"Tingkat {SEVERITY_LABELS.get(sev, sev)}: {eff}"
                for sev, eff in zip(effects["severity"], effects["effect_id"], strict=True)
            )
        rows.append(
            {
                "kind": kind,
                "Jenis": KIND_LABELS.get(kind, kind),
                "Dampak pada angka situs": text,
                "Catatan": format_number(len(group), 0),
            }
        )
    return pd.DataFrame(rows)


def _gaps(reconciliation: pd.DataFrame, column: str) -> pd.Series:
    """Gaps in compact rupiah; the printed Jumlah itself (the reference) reads 'acuan'."""
    reference = reconciliation.index == 2
    return reconciliation[column].map(format_rupiah).where(~reference, "acuan")


def labelled_totals(analysis: Analysis) -> pd.DataFrame:
    """`analysis.reconciliation` with reader labels naming the year's budget table."""
    table = str(analysis.data.budget["source_table"].iloc[0])
    reconciliation = analysis.reconciliation
    return reconciliation.assign(total=reconciliation["total"].map(reconciliation_labels(table)))


def totals_gaps(reconciliation: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the report year's budget totals (`labelled_totals`), with gaps to the
    printed Jumlah (the third row).

    The shown table rounds to compact rupiah; the download keeps the exact figures, the basis
    (computed or printed) and the absorption.
    """
    shown = pd.DataFrame(
        {
            "Total": reconciliation["total"],
            "Anggaran": reconciliation["anggaran"].map(format_rupiah),
            "Selisih anggaran dengan Jumlah tercetak": _gaps(
                reconciliation, "anggaran_minus_printed_jumlah"
            ),
            "Realisasi": reconciliation["realisasi"].map(format_rupiah),
            "Selisih realisasi dengan Jumlah tercetak": _gaps(
                reconciliation, "realisasi_minus_printed_jumlah"
            ),
        }
    )
    return shown, reconciliation


def quality_figures(errata: pd.DataFrame, analysis: Analysis) -> dict[str, str]:
    """Every number the page's text quotes, formatted (keys are glue names); the budget
    totals are those of `analysis`' year."""
    severity = errata["severity"].value_counts()
    counts = counts_by_kind(errata)
    top = counts.iloc[0]
    totals = analysis.reconciliation.set_index("total")
    rows, printed, ikhtisar = (
        totals.loc[key] for key in ("all_rows", "budget_table_jumlah", "ikhtisar")
    )
    return {
        "n_errata": format_number(len(errata), 0),
        "n_kinds": format_number(errata["kind"].nunique(), 0),
        "n_tables": format_number(errata["source_table"].nunique(), 0),
        "n_high": format_number(int(severity.get("high", 0)), 0),
        "n_medium": format_number(int(severity.get("medium", 0)), 0),
        "n_low": format_number(int(severity.get("low", 0)), 0),
        "top_kind": KIND_LABELS.get(str(top["kind"]), str(top["kind"])).lower(),
        "top_kind_n": format_number(int(top["total"]), 0),
        "rows_anggaran": format_rupiah(rows["anggaran"]),
        "printed_anggaran": format_rupiah(printed["anggaran"]),
        "gap_anggaran": format_rupiah(abs(printed["anggaran"] - rows["anggaran"])),
        "rows_realisasi": format_rupiah(rows["realisasi"]),
        "printed_realisasi": format_rupiah(printed["realisasi"]),
        "gap_realisasi": format_rupiah(abs(printed["realisasi"] - rows["realisasi"])),
        "ikhtisar_anggaran": format_rupiah(ikhtisar["anggaran"]),
        "gap_ikhtisar_anggaran": format_rupiah(abs(ikhtisar["anggaran"] - rows["anggaran"])),
        "ikhtisar_realisasi": format_rupiah(ikhtisar["realisasi"]),
        "gap_ikhtisar_realisasi": format_rupiah(abs(ikhtisar["realisasi"] - rows["realisasi"])),
        "budget_year": str(analysis.year),
        "budget_table": str(analysis.data.budget["source_table"].iloc[0]),
        "absorption_rows": format_percent(rows["absorption_pct"], 2),
        "absorption_printed": format_percent(printed["absorption_pct"], 2),
    }


def _source_tables(errata: pd.DataFrame) -> str:
    """The errata's source tables, in natural order ('Tabel 3.2' before 'Tabel 3.10')."""

    def key(name: str) -> list[object]:
        return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]

    return ", ".join(sorted(set(errata["source_table"]), key=key))


SUMMARY_SOURCE = "tabel dan bagian yang disebut dalam daftar lengkap catatan"


def show_counts(page: Page, errata: pd.DataFrame) -> None:
    """Chart and table: errata per kind and severity."""
    page.figure(
        errata_chart(errata_chart_data(errata)),
        title="Jumlah catatan kesalahan per jenis dan tingkat",
        source=SUMMARY_SOURCE,
        label="catatan-per-jenis",
        data=errata_chart_data(errata),
        description=(
            f"Diagram batang bertumpuk jumlah catatan kesalahan ({format_number(len(errata), 0)} "
            f"catatan) untuk setiap jenis, dari yang terbanyak; warna menunjukkan tingkat "
            "keparahan (tinggi, sedang, rendah). Angka lengkap ada pada tabel di bawahnya."
        ),
    )
    shown, exact = counts_table(errata)
    page.table(
        shown,
        title="Jumlah catatan kesalahan per jenis dan tingkat",
        source=SUMMARY_SOURCE,
        label="catatan-per-jenis",
        data=exact,
        numeric=[c for c in shown.columns if c not in ("Jenis", "Yang diperiksa")],
    )


def show_effects(page: Page, errata: pd.DataFrame) -> None:
    """Tabel: per kind, what is checked and what it changes in the site's figures."""
    summary = effect_summary(errata)
    page.table(
        summary.drop(columns="kind"),
        title="Jenis kesalahan dan dampaknya pada angka di situs ini",
        source=SUMMARY_SOURCE,
        label="dampak-per-jenis",
        data=summary,
        numeric=["Catatan"],
    )


def show_totals(page: Page, analysis: Analysis) -> None:
    """Tabel: the year's budget totals and their gaps in rupiah."""
    shown, exact = totals_gaps(labelled_totals(analysis))
    table = str(analysis.data.budget["source_table"].iloc[0])
    page.table(
        shown,
        title=(
            f"Jumlah anggaran dan realisasi program {analysis.year} menurut dasar perhitungannya"
        ),
        source=f"{table} dan Ikhtisar Eksekutif",
        label="selisih-jumlah",
        data=exact,
        numeric=[c for c in shown.columns if c != "Total"],
    )


def show_errata(page: Page, errata: pd.DataFrame) -> None:
    """Tabel: every erratum, sortable."""
    show_markdown(
        f"Tabel berikut memuat {format_number(len(errata), 0)} catatan. Klik judul kolom untuk "
        "mengurutkan, misalnya menurut jenis atau tingkat. Dampak setiap jenis pada angka situs "
        "ada pada tabel di atas. Unduhan CSV dan XLSX memuat lokasi, bukti dan dampak setiap "
        "catatan beserta kodenya dan angka-angkanya (tercetak, hasil hitung, selisih) dalam "
        "kolom tersendiri; nama kolom dan kode ditulis dalam bahasa Inggris."
    )
    shown, exact = errata_table(errata)
    page.table(
        shown,
        title="Daftar catatan kesalahan dalam laporan sumber",
        source=_source_tables(errata),
        label="daftar-catatan",
        data=exact,
        sortable=True,
    )
