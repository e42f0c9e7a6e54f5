"""The page of one agency (perangkat daerah), and the list of agencies, as generated MyST
Markdown (issue 14: SAKIP evaluates agencies on their own indicators).

An agency's page lists the indicators the indicator list names it responsible for, with the
recomputed capaian and predikat of each analysed year, and the share met. The source's budget
table prints programs for the whole city, with no agency: the page says so, rather than
attribute programs to agencies on a guess.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.agency import AgencyProfile
from binjai_analysis.formatting import (
    capaian_text,
    format_percent,
    markdown_cell,
    markdown_page,
    markdown_table,
    markdown_text,
)
from binjai_analysis.labels import AGENCY_BASIS_LABELS, AGENCY_KIND_LABELS
from binjai_analysis.links import agency_link, indicator_link, line_link

ROOT = "../"
"""Agency pages sit one folder below the site root (`perangkat-daerah/`)."""


def share_text(share: object) -> str:
    """The share met, or '–' when no indicator could be measured."""
    return "–" if share is None or pd.isna(share) else format_percent(float(share), 1)


def _count(value: object) -> str:
    return "–" if value is None or pd.isna(value) else str(int(value))


def summary_table(profile: AgencyProfile) -> str:
    """Per analysed year: indicators, those measured, those met and the share met."""
    if profile.summary.empty:
        return "Belum ada tahun realisasi yang dianalisis."
    rows = [
        [str(r["year"]), str(r["indicators"]), str(r["measured"]), str(r["met"]),
         share_text(r["share_met"])]
        for r in profile.summary.to_dict("records")
    ]  # fmt: skip
    header = ["Tahun", "Indikator", "Dapat dihitung", "Mencapai target", "Bagian tercapai"]
    return markdown_table(header, rows)


def indicator_table(profile: AgencyProfile) -> str:
    """The agency's indicators, each linked to its page, with the latest analysed year's
    recomputed capaian and predikat, and how the printed agency text was read."""
    latest = profile.results[profile.results["year"] == profile.results["year"].max()]
    by_code = latest.set_index("indicator_id").to_dict("index") if len(latest) else {}
    rows = []
    for r in profile.indicators.to_dict("records"):
        result = by_code.get(r["indicator_id"], {})
        basis = AGENCY_BASIS_LABELS.get(str(r["basis"]), markdown_cell(r["basis"]))
        joint = f": {markdown_cell(r['joint_with'])}" if r["joint_with"] else ""
        rows.append(
            [
                indicator_link(str(r["indicator_id"]), root=ROOT),
                markdown_cell(r["name"]),
                f"“{markdown_cell(r['printed'])}” ({basis}{joint})",
                markdown_cell(capaian_text(result.get("capaian"), result.get("capaian_formula"))),
                markdown_cell(result.get("rating")),
            ]
        )
    header = ["Kode", "Indikator", "Penanggung jawab tercetak", "Capaian dihitung", "Predikat"]
    return markdown_table(header, rows)


def agency_markdown(
    profile: AgencyProfile, budget_tables: str, csv_name: str, citation: str
) -> str:
    """The whole page of one agency; `budget_tables` names the report's budget tables
    ('Tabel 3.18 LKjIP') for the statement on programs."""
    row = profile.agency
    kind = AGENCY_KIND_LABELS.get(str(row["kind"]), markdown_cell(row["kind"]))
    named = line_link(str(row["source"]), int(row["source_line"]), root=ROOT)
    year = "" if profile.results.empty else f" (tahun {int(profile.results['year'].max())})"
    blocks = [
        f"# {markdown_text(row['name'])}",
        f"Jenis: {kind}. Disebut di {markdown_cell(row['source_table'])}, baris {named}: "
        f"“{markdown_cell(row['raw'])}”.",
        "## Ringkasan",
        summary_table(profile),
        f"## Indikator{year}",
    ]
    if profile.indicators.empty:
        blocks.append(
            "Daftar indikator tidak menyebut perangkat daerah ini sebagai penanggung jawab."
        )
    else:
        blocks += [
            f"Daftar indikator menyebut perangkat daerah ini penanggung jawab "
            f"{len(profile.indicators)} indikator. Indikator yang disebut bersama perangkat "
            "daerah atau instansi lain dihitung untuk masing-masing.",
            indicator_table(profile),
        ]
    blocks += [
        "## Program dan anggaran",
        f"{markdown_text(budget_tables)} mencetak program dan anggarannya untuk seluruh "
        "Pemerintah Kota, tanpa perangkat daerah pelaksana, dan laporan tidak menyebut pelaksana "
        "tiap program. Karena itu situs ini tidak mengaitkan program atau anggaran dengan "
        "perangkat daerah; kaitan program dengan sasaran ada pada bab Akuntabilitas keuangan.",
        "## Unduh dan kutip",
        f"Unduh: {{download}}`data halaman ini (CSV) <{csv_name}>`",
        f"> {citation}",
    ]
    return markdown_page(blocks)


def agency_index_markdown(profiles: list[AgencyProfile], unnamed: list[str]) -> str:
    """The list of agencies with their indicators and share met in the latest analysed
    year, and the indicators whose list names no agency (`unnamed`, their codes)."""
    rows = []
    for profile in profiles:
        latest = profile.summary.to_dict("records")[-1] if len(profile.summary) else {}
        rows.append(
            [
                agency_link(profile.agency_id, str(profile.agency["name"]), ROOT),
                AGENCY_KIND_LABELS.get(
                    str(profile.agency["kind"]), markdown_cell(profile.agency["kind"])
                ),
                str(len(profile.indicators)),
                _count(latest.get("measured")),
                _count(latest.get("met")),
                share_text(latest.get("share_met")),
            ]
        )
    header = ["Perangkat daerah", "Jenis", "Indikator", "Dapat dihitung", "Mencapai target",
              "Bagian tercapai"]  # fmt: skip
    blocks = [
        "# Perangkat daerah",
        f"Satu halaman untuk setiap instansi yang disebut sumber ({len(profiles)}): indikator "
        "yang menjadi tanggung jawabnya menurut daftar indikator, capaian dan predikat hasil "
        "hitung ulang, dan bagian indikator yang mencapai target pada tahun realisasi terakhir "
        "yang dianalisis. Nama penanggung jawab dibaca dari teks tercetak (salah ketik, "
        "singkatan, beberapa instansi dalam satu sel); cara membacanya tercantum di tiap "
        "halaman.",
        markdown_table(header, rows),
    ]
    if unnamed:
        links = ", ".join(indicator_link(code, root=ROOT) for code in unnamed)
        blocks.append(
            f"Daftar indikator tidak menyebut penanggung jawab untuk {len(unnamed)} indikator: "
            f"{links}."
        )
    return markdown_page(blocks)
