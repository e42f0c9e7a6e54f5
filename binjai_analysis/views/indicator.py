"""The page of one indicator, as generated MyST Markdown (issue 14: a citable page per
indicator, 142 of them, so they are written as Markdown by the build, not run as notebooks).

Fields follow the Satu Data Indonesia indicator metadata (MS-Ind) where they apply: name,
definition as printed, unit, polarity and why, the formula, the responsible agency and the
indicator's place in the framework. Then the full series, the recomputed capaian per
realisation year and the errata that name it. Every printed figure links to its source line.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.indicator_profile import IndicatorProfile
from binjai_analysis.formatting import markdown_text, percent_text
from binjai_analysis.labels import (
    CAPAIAN_STATUS_LABELS,
    ERRATA_KIND_LABELS,
    POLARITY_LABELS,
    SEVERITY_LABELS,
    TRAJECTORY_LABELS,
)
from binjai_analysis.links import line_link

BASIS_LABELS = {
    "rpjmd": "Target RPJMD",
    "pk": "Target Perjanjian Kinerja",
    "lkjip_table": "Tabel capaian LKjIP",
    "lkjip_summary": "Ringkasan capaian LKjIP",
}
"""Where a printed figure stands (`indicator_values.basis`), for readers."""
MEASURE_LABELS = {
    "target": "target",
    "realisasi": "realisasi",
    "capaian": "capaian tercetak",
    "capaian_rata_rata": "rata-rata capaian tercetak",
    "predikat": "predikat tercetak",
    "unlabelled": "angka tanpa judul kolom",
}
FORMULA_TEXT = {
    "higher": "capaian = realisasi ÷ target × 100 %",
    "lower": "capaian = (2 × target − realisasi) ÷ target × 100 %",
    "qualitative": "100 % bila kategori realisasi setara atau lebih baik daripada kategori "
    "target, selain itu 0 %",
}
"""The capaian formula the site uses per polarity (the Metodologi page shows all variants)."""
ROOT = "../"
"""Indicator pages sit one folder below the site root (`indikator/`)."""


def _cell(value: object) -> str:
    """A table cell: data text escaped for Markdown, '–' when empty."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return "–"
    return markdown_text(value)


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are already escaped or are our own HTML."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _line(source: str, line: object) -> str:
    if line is None or (isinstance(line, float) and pd.isna(line)):
        return "–"
    return line_link(source, int(line), root=ROOT)


def metadata_table(profile: IndicatorProfile) -> str:
    """The MS-Ind fields that apply, with the printed definition linked to its line."""
    row = profile.indicator
    polarity = str(row["polarity"])
    fields = [
        ("Kode", _cell(row["indicator_id"])),
        ("Nama indikator", _cell(row["name"])),
        (
            "Definisi seperti tercetak",
            f"“{_cell(row['raw'])}” ({_cell(row['source_table'])}, baris "
            f"{_line(str(row['source']), row['source_line'])})",
        ),
        ("Satuan", _cell(row["unit"])),
        (
            "Polaritas",
            f"{POLARITY_LABELS.get(polarity, polarity)}; {_cell(row['polarity_reason'])}",
        ),
        ("Rumus capaian", _cell(FORMULA_TEXT.get(polarity, "–"))),
        ("Penanggung jawab (seperti tercetak)", _cell(row["agency"])),
        ("Sasaran", f"{_cell(row['sasaran_id'])}: {_cell(row['sasaran'])}"),
        ("Tujuan", f"{_cell(row['tujuan_id'])}: {_cell(row['tujuan'])}"),
        ("Misi", f"{_cell(row['misi_id'])}: {_cell(row['misi'])}"),
        ("Catatan data", _cell(row["parse_note"])),
    ]
    return _table(["Unsur metadata", "Isi"], [[name, value] for name, value in fields])


def series_table(profile: IndicatorProfile) -> str:
    """Every printed figure, plan targets first, each with its document, table and line."""
    rows = [
        [
            _cell(int(r["year"]) if pd.notna(r["year"]) else None),
            BASIS_LABELS.get(str(r["basis"]), _cell(r["basis"])),
            MEASURE_LABELS.get(str(r["measure"]), _cell(r["measure"])),
            f"“{_cell(r['raw'])}”",
            _cell(r["source_table"]),
            _line(str(r["source"]), r["source_line"]),
        ]
        for r in profile.series.to_dict("records")
    ]
    header = ["Tahun", "Dasar", "Ukuran", "Tercetak", "Tabel", "Baris"]
    return _table(header, rows) if rows else "Data tidak memuat angka tercetak indikator ini."


def results_table(profile: IndicatorProfile, source: str) -> str:
    """Per realisation year: printed and recomputed capaian and predikat, and the trajectory."""
    trajectory = profile.trajectory.set_index("year")["status"].to_dict()
    rows = []
    for r in profile.results.to_dict("records"):
        year = int(r["year"])
        status = str(r["capaian_status"])
        rows.append(
            [
                str(year),
                f"“{_cell(r['reported_capaian_raw'])}” ({_line(source, r['reported_capaian_line'])})",
                percent_text(r["capaian"]) if pd.notna(r["capaian"]) else "–",
                CAPAIAN_STATUS_LABELS.get(status, _cell(status)),
                _cell(r["reported_predikat"]),
                _cell(r["rating"]),
                TRAJECTORY_LABELS.get(str(trajectory.get(year)), "–"),
            ]
        )
    header = [
        "Tahun",
        "Capaian tercetak",
        "Capaian dihitung",
        "Cara hitung",
        "Predikat tercetak",
        "Predikat dihitung",
        "Lintasan RPJMD",
    ]
    if not rows:
        return "Belum ada tahun realisasi yang dianalisis untuk indikator ini."
    return _table(header, rows)


def errata_list(profile: IndicatorProfile) -> str:
    """The errata that name the indicator, a line each with its kind, grade and line."""
    if profile.errata.empty:
        return "Pemeriksaan tidak mencatat apa pun untuk indikator ini."
    items = [
        f"- `{r['erratum_id']}`: {ERRATA_KIND_LABELS.get(str(r['kind']), _cell(r['kind']))}, "
        f"tingkat {SEVERITY_LABELS.get(str(r['severity']), _cell(r['severity']))} "
        f"({_cell(r['source_table'])}, baris {_line(str(r['source']), r['source_line'])})"
        for r in profile.errata.to_dict("records")
    ]
    return "\n".join(items)


def indicator_markdown(profile: IndicatorProfile) -> str:
    """The whole page of one indicator."""
    row = profile.indicator
    source = str(row["source"])
    return "\n\n".join(
        [
            f"# {_cell(row['indicator_id'])} {_cell(row['name'])}",
            "## Metadata",
            metadata_table(profile),
            "## Angka tercetak",
            series_table(profile),
            "## Capaian per tahun",
            results_table(profile, source),
            "## Catatan pemeriksaan",
            errata_list(profile),
        ]
    ) + "\n"
