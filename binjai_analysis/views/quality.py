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

from binjai_analysis.analysis.audit import ERROR_CAUSES, errata_summary
from binjai_analysis.analysis.audit.notes import NOTE_ITEMS
from binjai_analysis.analysis.rating import SCALES
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.charts.quality import errata_chart
from binjai_analysis.data.sources import Source, document_kinds
from binjai_analysis.formatting import (
    format_count,
    format_number,
    format_percent,
    format_rupiah,
    report_table,
    rupiah_exact,
)
from binjai_analysis.labels import (
    CONVENTION_LABEL,
    ERRATA_CAUSE_DESCRIPTIONS,
    ERRATA_CAUSE_LABELS,
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
CONVENTION = "convention"
"""The grade of an erratum that is a difference of convention, not an error (`grade`)."""
GRADE_ORDER = (*SEVERITY_ORDER, CONVENTION)
GRADE_LABELS = {**SEVERITY_LABELS, CONVENTION: CONVENTION_LABEL}
CAUSE_ORDER = tuple(ERRATA_CAUSE_LABELS)

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
    """A printed capaian against the formula on the printed target and realisation (none when
    their units differ)."""
    if _field(erratum, "cause") == "unit_mismatch":
        return (
            f"target {_text(erratum, 'target_printed')}, realisasi "
            f"{_text(erratum, 'realisasi_printed')}: satuan berbeda, capaian tidak dihitung; "
            f"tercetak {_text(erratum, 'printed')}"
        )
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


def generic_place(erratum: Erratum) -> str:
    """The row an erratum is about, from whichever identity fields it has.

    Examples:
        >>> generic_place({"source_table": "Tabel 3.2", "indicator_id": "S01.I01",
        ...                "indicator_name": "IPM"})
        'S01.I01: IPM'
        >>> generic_place({"source_table": "Bab III"})
        'Bab III'
    """
    if _field(erratum, "indicator_id") is not None:
        return indicator_id_place(erratum)
    if _field(erratum, "indicator_name") is not None:
        return indicator_place(erratum)
    if _field(erratum, "row_seq") is not None:
        return budget_row_place(erratum)
    if _field(erratum, "program") is not None:
        return _text(erratum, "program")
    return _text(erratum, "source_table")


def _figure(erratum: Erratum, name: str) -> str:
    """A computed figure in the erratum's unit (rupiah, percent or a plain number)."""
    unit = _field(erratum, "unit")
    if unit == "Rp":
        return _rp(erratum, name)
    if unit == "%":
        return _pct(erratum, name)
    value = _field(erratum, name)
    return _reading(value).removeprefix("dibaca ") if value is not None else "–"


def generic_evidence(erratum: Erratum) -> str:
    """The figures of an erratum, from whichever of them it has: printed, computed, expected,
    and the related place's printed figure.

    Examples:
        >>> generic_evidence({"printed": "105,2%", "expected": "≤ 100 %", "unit": "%"})
        'tercetak “105,2%”; seharusnya ≤ 100 %'
        >>> generic_evidence({"printed": "12", "computed": 14.0, "other_table": "Tabel 3.2",
        ...                   "other_line": 88, "other_printed": "14"})
        'tercetak “12”; dihitung 14; Tabel 3.2 baris 88: “14”'
    """
    parts = []
    if _field(erratum, "printed") is not None:
        parts.append(f"tercetak “{_text(erratum, 'printed')}”")
    if _field(erratum, "computed") is not None:
        parts.append(f"dihitung {_figure(erratum, 'computed')}")
    if _field(erratum, "expected") is not None:
        parts.append(f"seharusnya {_text(erratum, 'expected')}")
    if _field(erratum, "other_printed") is not None:
        place = " ".join(
            part
            for part in (
                _text(erratum, "other_table", ""),
                f"baris {_text(erratum, 'other_line')}" if _field(erratum, "other_line") else "",
            )
            if part
        )
        parts.append(f"{place}: “{_text(erratum, 'other_printed')}”".lstrip(": "))
    return "; ".join(parts) or "–"


READING_LABELS = {
    "entity_table": "baris tabel {measure}",
    "sasaran_in_table": "sasaran dalam",
    "table_rows": "baris",
    "table_rows_without_repeats": "baris tanpa baris ganda",
    "program_names": "nama program dalam",
    "indicator_rows": "baris indikator",
    "framework_indicators": "indikator kerangka kinerja",
    "mean": "rata-rata capaian tercetak",
    "mean_first_rows": "rata-rata capaian tercetak, setiap indikator sekali (baris pertamanya)",
    "mean_last_rows": "rata-rata capaian tercetak, setiap indikator sekali (baris terakhirnya)",
    "mean_of_sasaran_means": "rata-rata dari rata-rata per sasaran",
}
"""How the audit recomputed a stated summary figure (`audit.summary.READINGS`), for readers."""
BOUNDED_LABELS = {
    "net_enrolment": "angka partisipasi murni",
    "coverage": "cakupan",
    "share": "persentase bagian dari keseluruhan",
    "participation_rate": "tingkat partisipasi",
}
"""Quantities that cannot exceed 100 % (`audit.plausibility.BOUNDED_KINDS`), for readers."""


def _figure_text(erratum: Erratum, name: str) -> str:
    """A computed figure as a percent when the erratum is in percent, else a plain number."""
    value = _field(erratum, name)
    if value is None:
        return "–"
    if _field(erratum, "unit") == "%":
        return _pct(erratum, name)
    return _reading(value).removeprefix("dibaca ")


def summary_evidence(erratum: Erratum) -> str:
    """A stated count or average that no recomputation from the tables gives."""
    code = _text(erratum, "expected")
    capped = code.endswith("_capped")
    basis = READING_LABELS.get(code.removesuffix("_capped"), code).format(
        measure=_text(erratum, "measure", "")
    )
    where = _text(erratum, "other_table", "")
    tried = len(json.loads(str(_field(erratum, "listing") or "[]")))
    return (
        f"tercetak “{_text(erratum, 'printed')}”; dihitung ulang "
        f"{_figure_text(erratum, 'computed')} dari {basis}{f' {where}' if where else ''}"
        f"{' (setiap capaian dibatasi 100 %)' if capped else ''}; tidak satu pun dari {tried} cara "
        "hitung yang dicoba memberi angka tercetak"
    )


def extreme_evidence(erratum: Erratum) -> str:
    """A capaian, printed or recomputed, more than ten times the target or below −100 %."""
    figures = (
        f"target {_text(erratum, 'target_printed')}, realisasi "
        f"{_text(erratum, 'realisasi_printed')}"
    )
    which = (
        f"capaian tercetak {_text(erratum, 'printed')}"
        if _text(erratum, "expected") == "printed"
        else f"capaian dihitung ulang {_pct(erratum, 'computed')}"
    )
    return f"{figures}: {which}, di luar −100 % sampai 1.000 %; periksa satuannya"


def population_evidence(erratum: Erratum) -> str:
    """A count of persons or households against the population it belongs to."""
    return (
        f"tercetak “{_text(erratum, 'printed')}”, sedangkan penduduknya "
        f"{_text(erratum, 'other_printed')} ({_text(erratum, 'other_table')} baris "
        f"{_text(erratum, 'other_line')}): "
        f"{format_number(float(_field(erratum, 'computed') or 0), 2)} orang per rumah tangga"
    )


def bounded_evidence(erratum: Erratum) -> str:
    """A rate above 100 % that cannot exceed it."""
    kind = BOUNDED_LABELS.get(_text(erratum, "expected"), _text(erratum, "expected"))
    return f"tercetak “{_text(erratum, 'printed')}”; {kind} tidak dapat melebihi 100 %"


def _other_place(erratum: Erratum) -> str:
    """The related figure's place and print, e.g. 'Bab III baris 14165: “2”'."""
    return (
        f"{_text(erratum, 'other_table')} baris {_text(erratum, 'other_line')}: "
        f"“{_text(erratum, 'other_printed')}”"
    )


def rate_count_evidence(erratum: Erratum) -> str:
    """A rate per live births against its count of cases: a zero rate with cases (or cases
    without a rate), or live births that the population cannot have.

    Examples:
        >>> rate_count_evidence({"printed": "0", "printed_value": 0.0, "other_value": 2.0,
        ...     "other_table": "Bab III", "other_line": 14165, "other_printed": "2"})
        'tercetak “0”, padahal jumlah kasusnya 2 (Bab III baris 14165: “2”): angka nol dengan kasus tidak mungkin'
        >>> rate_count_evidence({"printed": "4", "printed_value": 4.0, "other_value": 2.0,
        ...     "computed": 500.0, "computed_alt": 1.8456, "expected": "4-60",
        ...     "other_table": "Bab III", "other_line": 14165, "other_printed": "2"})
        'tercetak “4”, dengan 2 kasus (Bab III baris 14165: “2”) berarti 500 kelahiran hidup, 1,85 per 1.000 penduduk; yang wajar 4-60 per 1.000 penduduk'
    """  # noqa: E501
    cases = float(_field(erratum, "other_value") or 0)
    if _field(erratum, "computed") is None:
        problem = (
            "angka nol dengan kasus tidak mungkin"
            if cases
            else "angka bukan nol tanpa kasus tidak mungkin"
        )
        return (
            f"tercetak “{_text(erratum, 'printed')}”, padahal jumlah kasusnya "
            f"{format_count(cases)} ({_other_place(erratum)}): {problem}"
        )
    births = float(_field(erratum, "computed") or 0)
    per_1000 = float(_field(erratum, "computed_alt") or 0)
    return (
        f"tercetak “{_text(erratum, 'printed')}”, dengan {format_count(cases)} kasus "
        f"({_other_place(erratum)}) berarti {format_count(round(births))} kelahiran hidup, "
        f"{format_number(per_1000, 2)} per 1.000 penduduk; yang wajar "
        f"{_text(erratum, 'expected')} per 1.000 penduduk"
    )


def counts_realisation_evidence(erratum: Erratum) -> str:
    """A realisation against what its own counts give, in the realisation's form.

    Examples:
        >>> counts_realisation_evidence({"printed": "1:720", "computed": 992.4029,
        ...     "expected": "270.926/273", "other_table": "Bab III", "other_line": 14281,
        ...     "other_printed": "273"})
        'tercetak “1:720”; dari 270.926/273 dihitung 1:992 (Bab III baris 14281: “273”)'
        >>> counts_realisation_evidence({"printed": "98%", "computed": 18.9189, "unit": "%",
        ...     "expected": "7/37", "other_table": "Bab III", "other_line": 14265,
        ...     "other_printed": "7"})
        'tercetak “98%”; dari 7/37 dihitung 18,92 % (Bab III baris 14265: “7”)'
    """
    computed = float(_field(erratum, "computed") or 0)
    printed = _text(erratum, "printed")
    if _field(erratum, "unit") == "%":
        figure = _pct(erratum, "computed")
    elif ":" in printed:
        figure = f"1:{format_count(round(computed))}"
    else:
        figure = format_number(computed, 2)
    return (
        f"tercetak “{printed}”; dari {_text(erratum, 'expected')} dihitung {figure} "
        f"({_other_place(erratum)})"
    )


def stale_evidence(erratum: Erratum) -> str:
    """A passage under the report year's table that names an earlier year and prints that
    year's figure, not the table's.

    Examples:
        >>> stale_evidence({"printed": "5,97%", "year": 2017, "other_table": "Tabel 3.17",
        ...     "other_line": 16449, "other_printed": "1,25%"})
        'teks menyebut tahun 2017 dan mencetak “5,97%”; tahun laporan, Tabel 3.17 baris 16449: “1,25%”'
        >>> stale_evidence({"printed": "5,97%", "year": 2017, "other_table": "Tabel 3.17",
        ...     "other_line": 16449, "other_printed": "1,25%", "listing":
        ...     '[{"measure": "realisasi", "printed": "5,97%", "earlier_printed": "5,97%"}]'})
        'teks menyebut tahun 2017 dan mencetak “5,97%”, angka tahun 2017; tahun laporan, Tabel 3.17 baris 16449: “1,25%”'
    """  # noqa: E501
    listing = json.loads(str(_field(erratum, "listing") or "[]"))
    earlier = any(
        place.get("earlier_printed") and place.get("printed") == place.get("earlier_printed")
        for place in listing
    )
    year = _text(erratum, "year")
    note = f", angka tahun {year}" if earlier else ""
    return (
        f"teks menyebut tahun {year} dan mencetak “{_text(erratum, 'printed')}”{note}; "
        f"tahun laporan, {_other_place(erratum)}"
    )


def ratio_evidence(erratum: Erratum) -> str:
    """A realisation 'a : b' beside a '1 : n' target, in another form."""
    return (
        f"realisasi “{_text(erratum, 'printed')}” (= 1 : "
        f"{format_number(float(_field(erratum, 'computed') or 0), 0)}) tidak berbentuk seperti "
        f"targetnya “{_text(erratum, 'other_printed')}”"
    )


def category_evidence(erratum: Erratum) -> str:
    """A category indicator's printed capaian against met or not met."""
    met = _text(erratum, "expected") == "met"
    return (
        f"target {_text(erratum, 'target_printed')}, realisasi "
        f"{_text(erratum, 'realisasi_printed')}: target {'tercapai' if met else 'tidak tercapai'}; "
        f"capaian tercetak {_text(erratum, 'printed')}"
    )


def narrative_evidence(erratum: Erratum) -> str:
    """A figure the text quotes against the same figure in a table."""
    return (
        f"narasi: “{_text(erratum, 'printed')}”; {_text(erratum, 'other_table')} baris "
        f"{_text(erratum, 'other_line')}: “{_text(erratum, 'other_printed')}”"
    )


def average_rows_evidence(erratum: Erratum) -> str:
    """A printed average row against the mean of its rows."""
    return (
        f"rata-rata tercetak “{_text(erratum, 'printed')}”; rata-rata baris-barisnya "
        f"{_pct(erratum, 'computed')}"
    )


def area_place(erratum: Erratum) -> str:
    """A city total of a table by kecamatan."""
    series = _field(erratum, "indicator_name") or _field(erratum, "measure") or "angka"
    return f"jumlah kota: {series}"


def caption_place(erratum: Erratum) -> str:
    """A table or figure caption, with its title."""
    return f"{_text(erratum, 'source_table')}: {_text(erratum, 'indicator_name')}"


def note_evidence(erratum: Erratum) -> str:
    """An error a curation note of the data already describes."""
    return (
        f"tercetak “{_text(erratum, 'printed')}” (masalahnya dijelaskan di kolom parse_note data "
        f"{_text(erratum, 'printed_table')})"
    )


def plan_number_evidence(erratum: Erratum) -> str:
    """A misi, tujuan or sasaran printed under another number than the plan's."""
    return (
        f"nomor tercetak {_text(erratum, 'printed')}; dalam rencana bernomor "
        f"{_text(erratum, 'expected')}: “{_text(erratum, 'other_printed')}”"
    )


def rpjmd_year_evidence(erratum: Erratum) -> str:
    """A 'tahun ke-n' statement that does not fit the year it speaks of."""
    return (
        f"tercetak “{_text(erratum, 'printed')}”; seharusnya {_text(erratum, 'expected')} "
        f"periode RPJMD (“{_text(erratum, 'other_printed')}”, baris {_text(erratum, 'other_line')})"
    )


def same_program_evidence(erratum: Erratum) -> str:
    """A program printed again, in a reprinted block, with other amounts."""
    return (
        f"program sama dengan baris ke-{_text(erratum, 'other_row')} tetapi "
        f"{_text(erratum, 'measure')} lain: di sini “{_text(erratum, 'printed')}”, di baris "
        f"ke-{_text(erratum, 'other_row')} “{_text(erratum, 'other_printed')}”"
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
    "stated_count": (generic_place, summary_evidence),
    "overall_average": (generic_place, summary_evidence),
    "sasaran_average": (generic_place, summary_evidence),
    "extreme_capaian": (generic_place, extreme_evidence),
    "households_over_population": (generic_place, population_evidence),
    "count_over_population": (generic_place, population_evidence),
    "rate_over_100": (generic_place, bounded_evidence),
    "ratio_form": (generic_place, ratio_evidence),
    "category_capaian": (generic_place, category_evidence),
    "narrative_vs_table": (generic_place, narrative_evidence),
    "narrative_vs_budget": (generic_place, narrative_evidence),
    "category_narrative_vs_table": (generic_place, narrative_evidence),
    "narrative_percent": (generic_place, capaian_evidence),
    "average_of_rows": (generic_place, average_rows_evidence),
    "rpjmd_year_number": (generic_place, rpjmd_year_evidence),
    "area_sum": (area_place, generic_evidence),
    "rate_of_count": (generic_place, rate_count_evidence),
    "realisasi_from_counts": (generic_place, counts_realisation_evidence),
    "previous_year_figures": (generic_place, stale_evidence),
    **{
        item: (caption_place, generic_evidence)
        for item in ("caption_no_repeat", "caption_no_gap", "caption_no_order", "list_no_differs")
    },
    "misi_no_differs": (generic_place, plan_number_evidence),
    "tujuan_no_differs": (generic_place, plan_number_evidence),
    "sasaran_no_differs": (generic_place, plan_number_evidence),
    "same_program_other_figures": (budget_row_place, same_program_evidence),
    **{item: (generic_place, note_evidence) for item in NOTE_ITEMS},
}
"""Per comparison (`audit.ITEMS`): the writers of its Lokasi and of its Bukti."""


def location_text(erratum: Erratum) -> str:
    """Where the error is, in Indonesian (a writer of its own per comparison, else generic)."""
    return WRITERS.get(str(erratum["item"]), (generic_place, generic_evidence))[0](erratum)


def evidence_text(erratum: Erratum) -> str:
    """The figures that show the error, in Indonesian."""
    return WRITERS.get(str(erratum["item"]), (generic_place, generic_evidence))[1](erratum)


def effect_text(erratum: Erratum) -> str:
    """What the error changes in the site's figures, in Indonesian (from its effect code)."""
    return ERRATA_EFFECTS[str(erratum["effect"])].format(year=_text(erratum, "year"))


def erratum_texts(errata: pd.DataFrame) -> pd.DataFrame:
    """Every erratum's Indonesian texts: jenis, tingkat (the severity of an error, or
    'perbedaan konvensi'), penyebab, lokasi, bukti, dampak."""
    records = errata.to_dict("records")
    return pd.DataFrame(
        {
            "jenis": errata["kind"].map(KIND_LABELS).fillna(errata["kind"]),
            "tingkat": grade(errata).map(GRADE_LABELS),
            "penyebab": errata["cause"].map(ERRATA_CAUSE_LABELS).fillna(""),
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
    "penyebab",
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


def errata_table(
    errata: pd.DataFrame, sources: Mapping[str, Source] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every erratum with Indonesian headers, labels and texts.

    To fit the page, the shown table puts the source table and line in one column and leaves
    the effect (summarised per kind in its own table) and the erratum id to the downloads
    (`errata_download`), which hold the Indonesian texts beside every field of the audit.
    """
    exact = errata_download(errata)
    kinds = document_kinds(sources or {}, errata["source"], errata["source_line"])
    shown = pd.DataFrame(
        {
            "Jenis": exact["jenis"],
            "Lokasi": exact["lokasi"],
            "Tingkat": exact["tingkat"],
            "Penyebab": exact["penyebab"].replace("", "–"),
            "Bukti": exact["bukti"],
            "Sumber": [
                f"{report_table(table, kind)}, baris {line}"
                for table, kind, line in zip(
                    exact["source_table"], kinds, exact["source_line"], strict=True
                )
            ],
        }
    )
    return shown, exact


def grade(errata: pd.DataFrame) -> pd.Series:
    """Each erratum's severity when it is an error of the source, else `CONVENTION` (every
    erratum is an error when the table does not say)."""
    if "counts_as_error" not in errata:
        return errata["severity"]
    return errata["severity"].where(errata["counts_as_error"], CONVENTION)


def counts_by_kind(errata: pd.DataFrame) -> pd.DataFrame:
    """Errata per kind: errors by severity (columns high, medium, low), differences of
    convention (`convention`) and `total`, most frequent first."""
    counts = (
        pd.crosstab(errata["kind"], grade(errata))
        .reindex(columns=list(GRADE_ORDER), fill_value=0)
        .astype(int)
    )
    counts["total"] = counts.sum(axis=1)
    counts = counts.reset_index().rename(columns={"index": "kind"})
    return counts.sort_values(["total", "kind"], ascending=[False, True], ignore_index=True)


def errata_chart_data(errata: pd.DataFrame) -> pd.DataFrame:
    """Errata counted per kind and grade (long format: the severity of errors, or
    `CONVENTION`), kinds most frequent first."""
    graded = errata.assign(severity=grade(errata))
    counts = graded.groupby(["kind", "severity"]).size().rename("catatan").reset_index()
    counts = counts.assign(
        jenis=counts["kind"].map(KIND_LABELS).fillna(counts["kind"]),
        tingkat=counts["severity"].map(GRADE_LABELS).fillna(counts["severity"]),
        urutan_tingkat=counts["severity"].map({s: i for i, s in enumerate(GRADE_ORDER)}),
        jumlah_jenis=counts.groupby("kind")["catatan"].transform("sum"),
    )
    counts = counts.sort_values(
        ["jumlah_jenis", "kind", "urutan_tingkat"], ascending=[False, True, True]
    )
    columns = ["kind", "jenis", "severity", "tingkat", "urutan_tingkat", "catatan", "jumlah_jenis"]
    return counts[columns].reset_index(drop=True)


def counts_table(errata: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): counts per kind, errors by severity and differences of convention, with
    a total row."""
    counts = counts_by_kind(errata)
    total = {"kind": "total", **{c: int(counts[c].sum()) for c in [*GRADE_ORDER, "total"]}}
    exact = pd.concat([counts, pd.DataFrame([total])], ignore_index=True)
    shown = pd.DataFrame(
        {
            "Jenis": exact["kind"].map(KIND_LABELS).fillna("Jumlah"),
            "Yang diperiksa": exact["kind"].map(KIND_DESCRIPTIONS).fillna(""),
            **{
                f"Kesalahan, tingkat {SEVERITY_LABELS[s]}": exact[s].map(
                    lambda v: format_number(v, 0)
                )
                for s in SEVERITY_ORDER
            },
            "Perbedaan konvensi": exact[CONVENTION].map(lambda v: format_number(v, 0)),
            "Jumlah catatan": exact["total"].map(lambda v: format_number(v, 0)),
        }
    )
    return shown, exact


def cause_counts(errata: pd.DataFrame) -> pd.DataFrame:
    """Per cause of a printed-versus-recomputed difference: how many capaian and predikat
    differ for it, whether it makes an error, in `CAUSE_ORDER`; causes with none left out."""
    classified = errata[errata["cause"].notna()]
    counts = (
        pd.crosstab(classified["cause"], classified["measure"])
        .reindex(index=[c for c in CAUSE_ORDER if c in set(classified["cause"])], fill_value=0)
        .reindex(columns=["capaian", "predikat"], fill_value=0)
        .astype(int)
    )
    counts["total"] = counts.sum(axis=1)
    counts = counts.rename_axis(index="cause", columns=None).reset_index()
    counts["counts_as_error"] = counts["cause"].isin(ERROR_CAUSES)
    return counts


def causes_table(errata: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the differences per cause, with a total row."""
    counts = cause_counts(errata)
    numbers = ["capaian", "predikat", "total"]
    total = {"cause": "total", **{c: int(counts[c].sum()) for c in numbers}}
    exact = pd.concat([counts, pd.DataFrame([total])], ignore_index=True)
    golongan = exact["counts_as_error"].map({True: "kesalahan", False: CONVENTION_LABEL})
    shown = pd.DataFrame(
        {
            "Penyebab": exact["cause"].map(ERRATA_CAUSE_LABELS).fillna("Jumlah"),
            "Penjelasan": exact["cause"].map(ERRATA_CAUSE_DESCRIPTIONS).fillna(""),
            "Golongan": golongan.fillna(""),
            "Capaian": exact["capaian"].map(lambda v: format_number(v, 0)),
            "Predikat": exact["predikat"].map(lambda v: format_number(v, 0)),
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
    summary = errata_summary(errata)
    counts = counts_by_kind(errata)
    causes = cause_counts(errata).set_index("cause")["total"]
    differences = errata[errata["cause"].notna()]
    top = counts.iloc[0]
    totals = analysis.reconciliation.set_index("total")
    rows, printed, ikhtisar = (
        totals.loc[key] for key in ("all_rows", "budget_table_jumlah", "ikhtisar")
    )
    return {
        "n_errata": format_number(len(errata), 0),
        "n_errors": format_number(summary["errors"], 0),
        "n_conventions": format_number(summary["conventions"], 0),
        "n_differences": format_number(len(differences), 0),
        "n_differences_capaian": format_number(int((differences["measure"] == "capaian").sum()), 0),
        "n_differences_predikat": format_number(
            int((differences["measure"] == "predikat").sum()), 0
        ),
        "n_unexplained": format_number(int(causes.get("unexplained", 0)), 0),
        "n_unit_mismatch": format_number(int(causes.get("unit_mismatch", 0)), 0),
        "n_difference_conventions": format_number(
            int(causes[~causes.index.isin(ERROR_CAUSES)].sum()), 0
        ),
        "n_kinds": format_number(errata["kind"].nunique(), 0),
        "n_tables": format_number(errata["source_table"].nunique(), 0),
        "n_high": format_number(summary["errors_high"], 0),
        "n_medium": format_number(summary["errors_medium"], 0),
        "n_low": format_number(summary["errors_low"], 0),
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
        title="Jumlah catatan per jenis: kesalahan menurut tingkat, dan perbedaan konvensi",
        source=SUMMARY_SOURCE,
        label="catatan-per-jenis",
        data=errata_chart_data(errata),
        description=(
            f"Diagram batang bertumpuk jumlah catatan ({format_number(len(errata), 0)} catatan) "
            "untuk setiap jenis, dari yang terbanyak; warna menunjukkan tingkat keparahan "
            "kesalahan (tinggi, sedang, rendah) atau perbedaan konvensi (abu-abu). Angka "
            "lengkap ada pada tabel di bawahnya."
        ),
    )
    shown, exact = counts_table(errata)
    page.table(
        shown,
        title="Jumlah catatan per jenis: kesalahan menurut tingkat, dan perbedaan konvensi",
        source=SUMMARY_SOURCE,
        label="catatan-per-jenis",
        data=exact,
        numeric=[c for c in shown.columns if c not in ("Jenis", "Yang diperiksa")],
    )


def show_causes(page: Page, errata: pd.DataFrame) -> None:
    """Tabel: the printed-versus-recomputed differences of capaian and predikat per cause."""
    shown, exact = causes_table(errata)
    page.table(
        shown,
        title="Perbedaan capaian dan predikat tercetak dengan hasil hitung ulang, menurut "
        "penyebabnya",
        source=_source_tables(errata[errata["cause"].notna()]),
        label="perbedaan-per-penyebab",
        data=exact,
        numeric=["Capaian", "Predikat", "Jumlah"],
    )


def show_effects(page: Page, errata: pd.DataFrame) -> None:
    """Tabel: per kind, what is checked and what it changes in the site's figures."""
    summary = effect_summary(errata)
    page.table(
        summary.drop(columns="kind"),
        title="Jenis catatan dan dampaknya pada angka di situs ini",
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


def show_errata(
    page: Page, errata: pd.DataFrame, sources: Mapping[str, Source] | None = None
) -> None:
    """Tabel: every erratum, sortable; with `sources`, the report's own table numbers say
    whose they are ('Tabel 3.3 LKjIP')."""
    show_markdown(
        f"Tabel berikut memuat {format_number(len(errata), 0)} catatan. Klik judul kolom untuk "
        "mengurutkan, misalnya menurut jenis atau tingkat. Dampak setiap jenis pada angka situs "
        "ada pada tabel di atas. Unduhan CSV dan XLSX memuat lokasi, bukti dan dampak setiap "
        "catatan beserta kodenya dan angka-angkanya (tercetak, hasil hitung, selisih) dalam "
        "kolom tersendiri; nama kolom dan kode ditulis dalam bahasa Inggris."
    )
    shown, exact = errata_table(errata, sources)
    page.table(
        shown,
        title="Daftar catatan atas laporan sumber",
        source=_source_tables(errata),
        label="daftar-catatan",
        data=exact,
        sortable=True,
        lines={"Sumber": errata_places(errata)},
    )


def errata_places(errata: pd.DataFrame) -> list[tuple[str, int] | None]:
    """Each erratum's `(source, line)`, for the link to its line (None without a line)."""
    return [
        None if pd.isna(line) or pd.isna(source) else (str(source), int(line))
        for source, line in zip(errata["source"], errata["source_line"], strict=True)
    ]
