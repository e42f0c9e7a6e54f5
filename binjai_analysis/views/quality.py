"""Views for the site page "Kualitas data": the errata found in the source, for readers.

The audit (`analysis.audit`) writes its location, evidence and effect in English; this
module gives readers Indonesian labels and translates those texts with ordered regex rules
(the exact English texts stay in the downloads). What each kind of error changes in the site's
figures is summarised from the `effect` column, per kind.
"""

from __future__ import annotations

import re

import pandas as pd

from binjai_analysis.analysis.audit import REPORT_YEAR
from binjai_analysis.charts.quality import errata_chart
from binjai_analysis.formatting import format_number, format_percent, format_rupiah
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

KIND_LABELS = {
    "arithmetic_error": "Persentase tidak sesuai hitungan",
    "total_mismatch": "Jumlah tidak cocok",
    "duplicate_row": "Baris ganda",
    "renumbered_row": "Nomor baris melompat atau berulang",
    "impossible_value": "Nilai mustahil",
    "malformed_number": "Angka salah tulis",
    "conflicting_targets": "Target berbeda antartabel",
    "mislabelled_year": "Tahun salah sebut",
    "reported_capaian_mismatch": "Capaian tercetak tidak sesuai",
    "reported_predikat_mismatch": "Predikat tercetak tidak sesuai",
}
"""Indonesian labels of the audit's kinds (`audit.KINDS`)."""

KIND_DESCRIPTIONS = {
    "arithmetic_error": "Persentase serapan yang tercetak tidak sama dengan realisasi dibagi "
    "anggaran.",
    "total_mismatch": "Jumlah atau angka ikhtisar yang tercetak tidak sama dengan jumlah "
    "baris-baris tabelnya, atau dengan jumlah di bagian lain laporan.",
    "duplicate_row": "Baris program yang mengulang baris sebelumnya: program dan angka sama, "
    "atau angka sama dengan nama program lain.",
    "renumbered_row": "Nomor urut baris yang melompat atau terulang.",
    "impossible_value": "Realisasi anggaran yang melebihi anggarannya.",
    "malformed_number": "Angka yang hanya dapat dibaca dengan membuang tanda pemisah yang "
    "salah tempat.",
    "conflicting_targets": "Indikator yang targetnya untuk tahun yang sama berbeda antara "
    "tabel-tabel laporan.",
    "mislabelled_year": "Teks tentang tahun laporan yang menyebut tahun lain.",
    "reported_capaian_mismatch": "Capaian tercetak yang tidak mengikuti dari target dan "
    "realisasi yang tercetak di sampingnya.",
    "reported_predikat_mismatch": "Predikat tercetak yang tidak sesuai dengan capaian tercetak "
    "menurut skala predikat laporan.",
}
"""What each kind of check finds, for readers."""

SEVERITY_LABELS = {"high": "tinggi", "medium": "sedang", "low": "rendah"}
SEVERITY_ORDER = ("high", "medium", "low")

Rule = tuple[str, str]

EFFECT_RULES: list[Rule] = [
    (
        r"^Totals on the site are computed from the rows; printed totals are shown beside them\.$",
        "Jumlah di situs dihitung dari baris-baris tabel; jumlah tercetak ditampilkan di "
        "sampingnya.",
    ),
    (
        r"^The difference is recomputed from pagu and realisasi\.$",
        "Selisih dihitung ulang dari pagu dan realisasi.",
    ),
    (
        r"^The percentage is recomputed from the printed totals\.$",
        "Persentase dihitung ulang dari jumlah tercetak.",
    ),
    (
        r"^Each table's target is kept under its own source_table; capaian uses the target "
        r"printed beside the realisation\.$",
        "Target setiap tabel disimpan bersama tabel sumbernya; capaian memakai target yang "
        "tercetak di samping realisasinya.",
    ),
    (
        r"^The best reading is used and marked; check it against the printed context\.$",
        "Dipakai pembacaan yang paling masuk akal dan diberi catatan; periksalah dengan konteks "
        "cetaknya.",
    ),
    (
        r"^None: the figures are read as (\d{4})\.$",
        r"Tidak ada: angka-angkanya dibaca sebagai angka tahun \1.",
    ),
    (
        r"^Capaian is recomputed from target and realisation with the indicator's polarity; "
        r"the printed figure is shown beside it\.$",
        "Capaian dihitung ulang dari target dan realisasi sesuai arah indikator; angka tercetak "
        "ditampilkan di sampingnya.",
    ),
    (
        r"^Predikat is recomputed from our capaian on the chosen rating scale\.$",
        "Predikat ditentukan ulang dari capaian hasil hitung ulang, dengan skala predikat yang "
        "dipilih.",
    ),
    (
        r"^Absorption is recomputed from anggaran and realisasi; the printed % is not used\.$",
        "Serapan dihitung ulang dari anggaran dan realisasi; persentase tercetak tidak dipakai.",
    ),
    (
        r"^Absorption above (\d+) % is shown as printed and flagged; totals include it\.$",
        r"Serapan di atas \1 % ditampilkan seperti tercetak dan ditandai; jumlah tetap "
        "memasukkannya.",
    ),
    (
        r"^Counted once in totals 'without duplicates'; both rows stay in the data\.$",
        "Dihitung sekali dalam jumlah “tanpa baris ganda”; kedua baris tetap ada dalam data.",
    ),
    (
        r"^Kept as printed; the figures may belong to only one of the two programs\.$",
        "Dibiarkan seperti tercetak; angka itu mungkin hanya milik salah satu dari kedua program.",
    ),
    (
        r"^None: rows are identified by their print order \(row_seq\), not their number\.$",
        "Tidak ada: baris dikenali dari urutan cetaknya, bukan dari nomornya.",
    ),
]
"""The audit's effect texts in Indonesian (the whole text must match)."""

LOCATION_RULES: list[Rule] = [
    (r"^row (\d+) \(printed no\. ([^)]*)\):", r"baris ke-\1 (nomor tercetak \2):"),
    (r"^sasaran (\S+), indicator ([^:]*):", r"sasaran \1, indikator \2:"),
    (r": sum of all printed rows$", ": jumlah semua baris tercetak"),
    (r": sum of rows without duplicated rows$", ": jumlah baris tanpa baris ganda"),
    (r": sum of program rows$", ": jumlah baris program"),
    (r": sum of (Tabel \S+) rows$", r": jumlah baris \1"),
    (r" vs (Tabel \S+) Jumlah$", r" dibandingkan dengan Jumlah \1"),
    (r"^text around the heading of ", "teks di sekitar judul "),
    (r"^statement of ", "pernyataan "),
]
"""The audit's location texts in Indonesian (applied in order, each where it matches)."""

EVIDENCE_RULES: list[Rule] = [
    (
        r"^computed (Rp [^;]+); printed ([^;]+); difference Rp -",
        r"dihitung \1; tercetak \2; "
        r"selisih −Rp ",
    ),
    (r"^computed (Rp [^;]+); printed ([^;]+); difference ", r"dihitung \1; tercetak \2; selisih "),
    (
        r"^Tabel 3\.18 Jumlah (Rp [^;]+); printed ([^;]+); difference Rp -",
        r"Jumlah tercetak Tabel 3.18 \1; tercetak di sini \2; selisih −Rp ",
    ),
    (
        r"^Tabel 3\.18 Jumlah (Rp [^;]+); printed ([^;]+); difference ",
        r"Jumlah tercetak Tabel 3.18 \1; tercetak di sini \2; selisih ",
    ),
    (r"^same program and figures as row (\d+)$", r"program dan angka sama dengan baris ke-\1"),
    (
        r"^same figures as row (\d+) under another program name \(anggaran ([^)]*)\)$",
        r"angka sama dengan baris ke-\1 dengan nama program lain (anggaran \2)",
    ),
    (r"^realisasi (.+) exceeds anggaran (.+)$", r"realisasi \1 melebihi anggaran \2"),
    (r"^printed no\. (\S+) follows printed no\. (\S+)$", r"nomor tercetak \1 sesudah nomor \2"),
    (
        r"^'(.+)' printed at line (\d+), in a passage about (\d{4}) \(anchor at line (\d+)\)$",
        r"“\1” tercetak di baris \2, dalam bagian tentang tahun \3 (acuan di baris \4)",
    ),
    (
        r"^printed capaian (\S+) rates '([^']*)' on (\S+); printed predikat '([^']*)'$",
        r"capaian tercetak \1 berpredikat “\2” menurut skala \3; predikat tercetak “\4”",
    ),
    (r"^(\d{4}) targets differ: ", r"target tahun \1 berbeda: "),
    (r"(Tabel [\w.]+|PK \d{4}) line (\d+):", r"\1 baris \2:"),
    (r"^(target [^:]+): capaian ", r"\1: capaian dihitung "),
    (r"\(lower is better; polarity unknown\)", "(makin rendah makin baik; arah tidak diketahui)"),
    (r"\(higher is better\)", "(makin tinggi makin baik)"),
    (r"\(lower is better\)", "(makin rendah makin baik)"),
    (r" or ", " atau "),
    (r"; printed ", "; tercetak "),
]
"""The audit's evidence texts in Indonesian (applied in order, each where it matches)."""

MALFORMED = re.compile(r"^printed '(?P<raw>.*?)'; read as (?P<value>[^:]+): ")
"""A malformed number's evidence: the figure as printed, its reading, then a parser note."""


def translate(text: str, rules: list[Rule]) -> str:
    """`text` with every rule applied in order (a rule that does not match changes nothing)."""
    for pattern, replacement in rules:
        text = re.sub(pattern, replacement, text)
    return text


def _reading(value: str) -> str:
    """How a parsed value (Python float text) was read, in Indonesian style."""
    number = float(value)
    if number != number:  # nan
        return "tidak dapat dibaca sebagai angka"
    decimals = 0 if number.is_integer() else len(repr(number).split(".")[1])
    return f"dibaca {format_number(number, min(decimals, 4))}"


def evidence_text(evidence: str) -> str:
    """The evidence in Indonesian; a malformed number keeps only the figure and its reading."""
    malformed = MALFORMED.match(evidence)
    if malformed:
        return (
            f"tercetak “{malformed['raw']}”; {_reading(malformed['value'])} "
            "(catatan pembacaan lengkap ada di unduhan CSV)"
        )
    return translate(evidence, EVIDENCE_RULES)


def errata_table(errata: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every erratum with Indonesian headers, labels and texts.

    To fit the page, the shown table puts the source table and line in one column and leaves
    the effect (summarised per kind in its own table) and the erratum id to the downloads,
    which hold every column of the audit as it is.
    """
    shown = pd.DataFrame(
        {
            "Jenis": errata["kind"].map(KIND_LABELS).fillna(errata["kind"]),
            "Lokasi": errata["location"].map(lambda t: translate(str(t), LOCATION_RULES)),
            "Tingkat": errata["severity"].map(SEVERITY_LABELS).fillna(errata["severity"]),
            "Bukti": errata["evidence"].map(lambda t: evidence_text(str(t))),
            "Sumber": [
                f"{table}, baris {line}"
                for table, line in zip(errata["source_table"], errata["source_line"], strict=True)
            ],
        }
    )
    return shown, errata


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
            group.assign(effect_id=group["effect"].map(lambda t: translate(str(t), EFFECT_RULES)))
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
    reference = reconciliation["total"].str.startswith("Jumlah tercetak")
    return reconciliation[column].map(format_rupiah).where(~reference, "acuan")


def totals_gaps(reconciliation: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the report year's budget totals, with gaps to the printed Jumlah.

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


def _total_row(reconciliation: pd.DataFrame, starts: str) -> pd.Series:
    return reconciliation[reconciliation["total"].str.startswith(starts)].iloc[0]


def quality_figures(errata: pd.DataFrame, reconciliation: pd.DataFrame) -> dict[str, str]:
    """Every number the page's text quotes, formatted (keys are glue names)."""
    severity = errata["severity"].value_counts()
    counts = counts_by_kind(errata)
    top = counts.iloc[0]
    rows = _total_row(reconciliation, "Jumlah baris Tabel 3.18 (semua")
    printed = _total_row(reconciliation, "Jumlah tercetak")
    ikhtisar = _total_row(reconciliation, "Ikhtisar")
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
        "budget_year": str(REPORT_YEAR),
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


def show_totals(page: Page, reconciliation: pd.DataFrame) -> None:
    """Tabel: the budget totals and their gaps in rupiah."""
    shown, exact = totals_gaps(reconciliation)
    page.table(
        shown,
        title=f"Jumlah anggaran dan realisasi program {REPORT_YEAR} menurut dasar perhitungannya",
        source="Tabel 3.18 dan Ikhtisar Eksekutif",
        label="selisih-jumlah",
        data=exact,
        numeric=[c for c in shown.columns if c != "Total"],
    )


def show_errata(page: Page, errata: pd.DataFrame) -> None:
    """Tabel: every erratum, sortable."""
    show_markdown(
        f"Tabel berikut memuat {format_number(len(errata), 0)} catatan. Klik judul kolom untuk "
        "mengurutkan, misalnya menurut jenis atau tingkat. Dampak setiap jenis pada angka situs "
        "ada pada tabel di atas. Unduhan CSV dan XLSX memuat semua kolom hasil pemeriksaan "
        "dengan teks aslinya (dalam bahasa Inggris), termasuk kode setiap catatan dan catatan "
        "pembacaan angka yang salah tulis."
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
