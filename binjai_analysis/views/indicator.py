"""The page of one indicator, as generated MyST Markdown (issue 14: a citable page per
indicator, 142 of them, so they are written as Markdown by the build, not run as notebooks).

Fields follow the Satu Data Indonesia indicator metadata (MS-Ind) where they apply: name,
definition as printed, unit, polarity and why, the formula, the responsible agency and the
indicator's place in the framework. Then the full series, the recomputed capaian per
realisation year and the errata that name it. Every printed figure links to its source line.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import pandas as pd

from binjai_analysis.analysis.indicator_profile import IndicatorProfile
from binjai_analysis.formatting import (
    capaian_text,
    markdown_cell,
    markdown_page,
    markdown_table,
    markdown_text,
    report_table,
)
from binjai_analysis.labels import (
    CAPAIAN_FORMULAS,
    CAPAIAN_STATUS_LABELS,
    ERRATA_CAUSE_LABELS,
    ERRATA_EFFECTS,
    ERRATA_KIND_LABELS,
    POLARITY_LABELS,
    SEVERITY_LABELS,
    TRAJECTORY_LABELS,
)
from binjai_analysis.links import agency_link, indicator_document, indicator_link, line_link
from binjai_analysis.presentation import source_line

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
ROOT = "../"
"""Indicator pages sit one folder below the site root (`indikator/`)."""


def _table_of(row: dict[str, object]) -> str:
    """The row's source table, a numbered one marked as its document's ('Tabel 3.3 LKjIP')."""
    return markdown_cell(report_table(row["source_table"], str(row.get("document_kind") or "")))


def _printed(source: str, raw: object, line: object) -> str:
    """A printed figure in quotes, its line linked; '–' when nothing was printed."""
    text = markdown_cell(raw)
    return "–" if text == "–" else f"“{text}” (baris {_line(source, line)})"


def _line(source: str, line: object) -> str:
    if line is None or (isinstance(line, float) and pd.isna(line)):
        return "–"
    return line_link(source, int(line), root=ROOT)


def formula_text(value_type: str, polarity: str) -> str:
    """The capaian formula of an indicator: by its value type (ratio, ordinal), else its
    polarity; a text indicator has none."""
    key = value_type if value_type in CAPAIAN_FORMULAS else polarity
    if value_type == "text" or key not in CAPAIAN_FORMULAS:
        return "tidak dihitung: realisasinya teks, bukan angka atau kategori berperingkat"
    return markdown_text(CAPAIAN_FORMULAS[key]) + " (R: realisasi, T: target)"


def metadata_table(profile: IndicatorProfile, agencies: list[tuple[str, str]] = ()) -> str:
    """The MS-Ind fields that apply, with the printed definition linked to its line and the
    agencies its printed responsible agency names (`(agency id, name)`) linked to theirs."""
    row = profile.indicator
    pages = ", ".join(agency_link(agency, name, ROOT) for agency, name in agencies)
    polarity = str(row["polarity"])
    fields = [
        ("Kode", markdown_cell(row["indicator_id"])),
        ("Nama indikator", markdown_cell(row["name"])),
        (
            "Definisi seperti tercetak",
            f"“{markdown_cell(row['raw'])}” ({_table_of(row)}, baris "
            f"{_line(str(row['source']), row['source_line'])})",
        ),
        ("Satuan", markdown_cell(row["unit"])),
        ("Polaritas", markdown_cell(POLARITY_LABELS.get(polarity, polarity))),
        ("Alasan polaritas (catatan kurasi)", markdown_cell(row["polarity_reason"])),
        ("Rumus capaian", formula_text(str(row["value_type"]), polarity)),
        ("Penanggung jawab (seperti tercetak)", markdown_cell(row["agency"])),
        ("Halaman perangkat daerah", pages or "–"),
        ("Sasaran", f"{markdown_cell(row['sasaran_id'])}: {markdown_cell(row['sasaran'])}"),
        ("Tujuan", f"{markdown_cell(row['tujuan_id'])}: {markdown_cell(row['tujuan'])}"),
        ("Misi", f"{markdown_cell(row['misi_id'])}: {markdown_cell(row['misi'])}"),
        ("Catatan data", data_note(row)),
    ]
    return markdown_table(["Unsur metadata", "Isi"], [[name, value] for name, value in fields])


def data_note(row: Mapping[str, object]) -> str:
    """The indicator's data note for readers: the curated Indonesian text, or (for a note not
    yet translated) the curator's English note, saying so.

    Examples:
        >>> data_note({"catatan": "Satuan dari PK 2019.", "parse_note": "Unit from PK 2019."})
        'Satuan dari PK 2019.'
        >>> data_note({"catatan": "", "parse_note": "Unit from PK 2019."})
        'Unit from PK 2019. (catatan kurasi dalam bahasa Inggris, belum diterjemahkan)'
    """
    translated = str(row.get("catatan", "") or "").strip()
    if translated:
        return markdown_cell(translated)
    english = str(row.get("parse_note", "") or "").strip()
    if not english:
        return markdown_cell("")
    return f"{markdown_cell(english)} (catatan kurasi dalam bahasa Inggris, belum diterjemahkan)"


def series_table(profile: IndicatorProfile) -> str:
    """Every printed figure, plan targets first, each with its document, table and line."""
    rows = [
        [
            markdown_cell(int(r["year"]) if pd.notna(r["year"]) else None),
            BASIS_LABELS.get(str(r["basis"]), markdown_cell(r["basis"])),
            MEASURE_LABELS.get(str(r["measure"]), markdown_cell(r["measure"])),
            f"“{markdown_cell(r['raw'])}”",
            _table_of(r),
            _line(str(r["source"]), r["source_line"]),
        ]
        for r in profile.series.to_dict("records")
    ]
    header = ["Tahun", "Dasar", "Ukuran", "Tercetak", "Tabel sumber", "Baris"]
    return (
        markdown_table(header, rows) if rows else "Data tidak memuat angka tercetak indikator ini."
    )


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
                _printed(source, r["reported_capaian_raw"], r["reported_capaian_line"]),
                markdown_cell(capaian_text(r["capaian"], r["capaian_formula"])),
                CAPAIAN_STATUS_LABELS.get(status, markdown_cell(status)),
                _printed(source, r["reported_predikat"], r["reported_predikat_line"]),
                markdown_cell(r["rating"]),
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
    return markdown_table(header, rows)


def erratum_item(row: dict[str, object]) -> str:
    """One erratum as a list item: id, kind, the printed figure and what was computed, the
    cause, what the site does about it, its grade and its line."""
    kind = ERRATA_KIND_LABELS.get(str(row["kind"]), markdown_cell(row["kind"]))
    parts = [f"`{row['erratum_id']}` **{kind}**"]
    if markdown_cell(row.get("printed")) != "–":
        parts.append(f"tercetak “{markdown_cell(row['printed'])}”")
    if row.get("computed") is not None and not pd.isna(row.get("computed")):
        parts.append(f"dihitung {markdown_cell(capaian_text(row['computed'], row['computed']))}")
    cause = row.get("cause")
    if cause is not None and not pd.isna(cause):
        parts.append(f"sebab: {ERRATA_CAUSE_LABELS.get(str(cause), markdown_cell(cause))}")
    grade = SEVERITY_LABELS.get(str(row["severity"]), markdown_cell(row["severity"]))
    line = _line(str(row["source"]), row["source_line"])
    where = f"{_table_of(row)}, baris {line}"
    item = f"- {'; '.join(parts)} (tingkat {grade}; {where})."
    effect = ERRATA_EFFECTS.get(str(row.get("effect")))
    return item + (f" {markdown_text(effect)}" if effect else "")


def errata_list(profile: IndicatorProfile) -> str:
    """The errata that name the indicator, one item each."""
    if profile.errata.empty:
        return "Pemeriksaan tidak mencatat apa pun untuk indikator ini."
    return "\n".join(erratum_item(row) for row in profile.errata.to_dict("records"))


FIGURE_ID = "gambar-seri"
"""The element id of an indicator page's chart (one per page)."""


def series_description(data: pd.DataFrame) -> str:
    """The chart's text alternative: each series with its years and printed figures, in
    words (`charts.indicator.series_chart_data`'s rows)."""
    parts = []
    for label, rows in data.groupby("seri", sort=False):
        figures = ", ".join(
            f"{year} “{raw}”" for year, raw in zip(rows["tahun"], rows["tercetak"], strict=True)
        )
        parts.append(f"{label}: {figures}")
    return "; ".join(parts) + "."


def figure_html(chart: str, title: str, description: str, cite: str, tables: str) -> str:
    """The chart as a figure: the drawing, its caption (the page's one figure, so it has no
    number; the source `cite` and its `tables`) and its text alternative, escaped."""
    source = escape(source_line(cite, tables))
    return (
        f'<figure class="binjai-figure" id="{FIGURE_ID}">{chart}'
        f'<figcaption class="binjai-caption"><strong>Gambar.</strong> {escape(title)}. '
        f"{source}</figcaption>"
        f'<p class="binjai-alt">{escape(description)}</p></figure>'
    )


def drawn_tables(profile: IndicatorProfile, lines: pd.Series) -> str:
    """The source tables of the drawn figures (their `lines`), in the order first drawn, the
    report's own numbers marked as its ('Tabel 2.4 LKjIP, PK 2019')."""
    series = profile.series
    drawn = series[series["source_line"].isin(set(lines))]
    kinds = drawn["document_kind"] if "document_kind" in drawn else [""] * len(drawn)
    labels = [report_table(t, str(k)) for t, k in zip(drawn["source_table"], kinds, strict=True)]
    return ", ".join(dict.fromkeys(labels))


def citation_text(profile: IndicatorProfile, edition: str, source_title: str) -> str:
    """The suggested citation of the page: the site's edition (`notices.edition_text`: its
    version, and a variant's name), the indicator, the page's address and the source its
    definition is printed in."""
    row = profile.indicator
    return (
        f"{edition}. "
        f"*Indikator {markdown_cell(row['indicator_id'])}: {markdown_cell(row['name'])}*. "
        f"Halaman `{indicator_document(profile.indicator_id)}.html`. "
        f"Data: {markdown_text(source_title)}, {markdown_cell(row['source_table'])} baris "
        f"{int(row['source_line'])}."
    )


def indicator_markdown(
    profile: IndicatorProfile,
    figure: str,
    downloads: list[tuple[str, str]],
    citation: str,
    agencies: list[tuple[str, str]] = (),
) -> str:
    """The whole page of one indicator: metadata, the figure (`figure_html`, or '' when
    nothing can be drawn), the printed figures, the capaian per year, the errata, the
    downloads (`(label, file name)`, files beside the page) and the citation."""
    files = " · ".join(f"{{download}}`{label} <{name}>`" for label, name in downloads)
    row = profile.indicator
    source = str(row["source"])
    sasaran = indicator_link(str(row["sasaran_id"]), f"Sasaran {row['sasaran_id']}", ROOT)
    drawn = (
        f"````{{raw}} html\n{figure}\n````"
        if figure
        else "Tidak ada grafik: indikator ini tidak punya angka tercetak per tahun yang dapat "
        "digambar."
    )
    return markdown_page(
        [
            f"# {markdown_cell(row['indicator_id'])} {markdown_cell(row['name'])}",
            f"Bagian dari {sasaran}: {markdown_cell(row['sasaran'])}. Setiap angka tercetak di "
            "halaman ini menaut ke barisnya di teks sumber.",
            "## Metadata",
            metadata_table(profile, agencies),
            "## Grafik",
            drawn,
            "## Angka tercetak",
            series_table(profile),
            "## Capaian per tahun",
            results_table(profile, source),
            "## Catatan pemeriksaan",
            errata_list(profile),
            "## Unduh dan kutip",
            f"Unduh: {files}",
            f"> {citation}",
        ]
    )


def _latest_result(profile: IndicatorProfile) -> dict[str, object] | None:
    results = profile.results
    return None if results.empty else results.iloc[-1].to_dict()


def sasaran_markdown(profiles: list[IndicatorProfile]) -> str:
    """A sasaran's page: its statement, its place, and its indicators, each linked to its page
    with its recomputed capaian and predikat of the latest analysed year."""
    first = profiles[0].indicator
    rows = []
    for profile in profiles:
        row, latest = profile.indicator, _latest_result(profile)
        rows.append(
            [
                indicator_link(profile.indicator_id, root=ROOT),
                markdown_cell(row["name"]),
                markdown_cell(row["unit"]),
                "–" if latest is None else str(int(latest["year"])),
                "–"
                if latest is None
                else markdown_cell(capaian_text(latest["capaian"], latest["capaian_formula"])),
                "–" if latest is None else markdown_cell(latest["rating"]),
            ]
        )
    header = ["Kode", "Indikator", "Satuan", "Tahun", "Capaian dihitung", "Predikat dihitung"]
    return markdown_page(
        [
            f"# Sasaran {markdown_cell(first['sasaran_id'])}: {markdown_cell(first['sasaran'])}",
            f"Tujuan {markdown_cell(first['tujuan_id'])}: {markdown_cell(first['tujuan'])}. "
            f"Misi {markdown_cell(first['misi_id'])}: {markdown_cell(first['misi'])}.",
            f"Sasaran ini diukur dengan {len(profiles)} indikator. Capaian dan predikat "
            "dihitung ulang oleh situs ini dari target dan realisasi tercetak, untuk tahun "
            "realisasi terakhir yang dianalisis; halaman tiap indikator memuat seluruh deretnya.",
            markdown_table(header, rows),
            "```{tableofcontents}\n```",
        ]
    )


def index_markdown(groups: list[list[IndicatorProfile]]) -> str:
    """The landing page of the indicator pages: every sasaran with its count, linked."""
    rows = [
        [
            indicator_link(str(g[0].indicator["sasaran_id"]), root=ROOT),
            markdown_cell(g[0].indicator["sasaran"]),
            str(len(g)),
        ]
        for g in groups
    ]
    total = sum(len(g) for g in groups)
    return markdown_page(
        [
            "# Indikator",
            f"Satu halaman untuk setiap indikator kerangka kinerja ({total} indikator dalam "
            f"{len(groups)} sasaran): metadata, target RPJMD dan Perjanjian Kinerja, "
            "realisasi, capaian tercetak dan hasil hitung ulang, catatan pemeriksaan, dan "
            "tautan setiap angka ke barisnya di teks sumber. Alamat halaman memakai kode "
            "indikator, misalnya `indikator/s01-i01.html`, sehingga tetap dapat dikutip.",
            markdown_table(["Sasaran", "Rumusan", "Indikator"], rows),
        ]
    )
