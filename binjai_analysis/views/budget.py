"""Views for the chapter "Akuntabilitas keuangan": absorption, concentration, totals, PEFA.

Every figure comes from `analysis.year.run_analysis` (the LKjIP's budget table and its
Ikhtisar Eksekutif); this module only shapes it for readers: tables with exact rupiah in
Indonesian format, generated sentences, and the charts of `charts.budget`.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis import budget
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.charts.budget import (
    LOW_ABSORPTION_PCT,
    absorption_histogram,
    absorption_histogram_data,
    pareto_chart,
    pareto_chart_data,
    reconciliation_chart,
    reconciliation_chart_data,
)
from binjai_analysis.formatting import (
    format_count,
    format_number,
    format_percent,
    format_rupiah,
    markdown_code,
    markdown_text,
    percent_text,
    rupiah_cell,
    rupiah_exact,
)
from binjai_analysis.labels import FLAGGED_ROWS, reconciliation_labels
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

PARETO_SHARE_PCT = 80.0
"""The budget share whose number of largest programs measures concentration."""
LOWEST_COUNT = 10

TREATMENT_LABELS = {
    "included": "dihitung",
    "excluded (flagged)": "ditandai, dikeluarkan dari statistik",
    "included as printed (flagged)": "ditandai, tetap dihitung",
}
"""`budget.absorption`'s `treatment` values, for readers (a flagged row's note)."""


def _treatment(treatment: str) -> str:
    return TREATMENT_LABELS.get(treatment, treatment)


def budget_table(analysis: Analysis) -> str:
    """The printed name of the year's budget table, e.g. 'Tabel 3.18'."""
    return str(analysis.data.budget["source_table"].iloc[0])


def totals_source(analysis: Analysis) -> str:
    """The source of the totals: the budget table and the Ikhtisar Eksekutif."""
    return f"{budget_table(analysis)} dan Ikhtisar Eksekutif"


_percent = percent_text
_count = format_count


# --- data notes ---------------------------------------------------------------------------------


def malformed_figures(budget_data: pd.DataFrame) -> dict[int, list[str]]:
    """Per row (`row_seq`), the anggaran and realisasi figures the data marks as malformed
    (Markdown: each figure as printed, in a code span)."""
    marked = budget_data[
        budget_data["measure"].isin(["anggaran", "realisasi"])
        & budget_data["parse_note"].str.contains("malformed", case=False, na=False)
    ]
    figures: dict[int, list[str]] = {}
    for row in marked.sort_values(["row_seq", "measure"]).itertuples():
        figures.setdefault(int(row.row_seq), []).append(f"{row.measure} {markdown_code(row.raw)}")
    return figures


def flag_reason(row: pd.Series, malformed: dict[int, list[str]]) -> str:
    """Why a row was flagged, in words (Markdown), with the figures as printed."""
    reasons = []
    if row["impossible"]:
        reasons.append(
            f"realisasi tercetak {markdown_code(row['realisasi_raw'])} melebihi anggaran "
            f"{markdown_code(row['anggaran_raw'])}"
        )
    if row["malformed"]:
        figures = malformed.get(int(row["row_seq"]), [])
        reasons.append("angka tercetak cacat: " + ", ".join(figures) if figures else "angka cacat")
    if row.get("digits_lost", False):
        reasons.append(
            f"realisasi tercetak {markdown_code(row['realisasi_raw'])} kehilangan digit: "
            f"persen tercetak {markdown_code(row['persen_raw'])} menyiratkan angka 1.000 kali "
            "lebih besar"
        )
    return "; ".join(reasons)


def flagged_sentence(rows: pd.DataFrame) -> str:
    """What this page does with flagged rows, in one sentence (`rows` is `analysis.absorption`)."""
    suspect = rows[rows["treatment"] != "included"]
    excluded = bool(len(suspect)) and suspect["treatment"].str.startswith("excluded").all()
    action = (
        "tidak dihitung dalam penyerapan, sebaran, program terendah, konsentrasi dan total"
        if excluded
        else "dihitung dengan angka tercetaknya"
    )
    return (
        f"Baris ganda dihitung sekali; {_count(len(suspect))} baris bertanda ({FLAGGED_ROWS}) "
        f"{action}, tetapi tetap dihitung dengan angka tercetaknya dalam ukuran gaya PEFA di "
        "akhir halaman."
    )


def data_notes_markdown(rows: pd.DataFrame, budget_data: pd.DataFrame) -> str:
    """Which budget table rows the statistics leave out, and why (generated from the data).

    `rows` is `analysis.absorption` (its `treatment` column says what was done with each
    row); `budget_data` is the long dataset it came from (the year's budget lines), for the
    duplicated rows `absorption` has already dropped and the malformed figures.
    """
    printed = budget.budget_rows(budget_data)
    duplicates = printed[printed["row_seq"].isin(budget.duplicate_row_seqs(budget_data))]
    suspect = rows[rows["treatment"] != "included"]
    zero = budget.used_rows(rows)
    zero = zero[zero["absorption_pct"].isna()]
    counted = budget.used_rows(rows)
    table = str(budget_data["source_table"].iloc[0])
    text = (
        f"{table} memuat {_count(len(printed))} baris program; statistik di halaman ini "
        f"memakai {_count(len(counted))} baris. {flagged_sentence(rows)}"
    )
    if len(duplicates):
        items = "\n".join(
            f"- baris ke-{int(r.row_seq)} (No. {markdown_text(r.printed_no)}) "
            f"*{markdown_text(r.program)}*: mengulang "
            f"nama, anggaran dan realisasi baris sebelumnya"
            for r in duplicates.itertuples()
        )
        text += f"\n\n{_count(len(duplicates))} baris ganda tidak dihitung dua kali:\n\n{items}"
    repeated = budget.repeated_figures(counted)
    if len(repeated):
        items = "\n".join(
            f"- baris ke-{int(r.row_seq)} (No. {markdown_text(r.printed_no)}) "
            f"*{markdown_text(r.program)}* mencetak angka yang sama persis dengan baris "
            f"ke-{int(r.same_as_row_seq)} *{markdown_text(r.same_as_program)}*"
            for r in repeated.itertuples()
        )
        text += (
            f"\n\n{_count(len(repeated))} baris mengulang angka baris lain dengan nama program "
            f"berbeda; baris ini tetap dihitung karena tidak jelas angka itu milik program "
            f"yang mana:\n\n{items}"
        )
    if len(suspect):
        excluded = suspect["treatment"].str.startswith("excluded").all()
        action = "dikeluarkan dari statistik" if excluded else "tetap dihitung apa adanya"
        malformed = malformed_figures(budget_data)
        items = "\n".join(
            f"- baris ke-{int(row['row_seq'])} (No. {markdown_text(row['printed_no'])}) "
            f"*{markdown_text(row['program'])}*: "
            f"{flag_reason(row, malformed)}"
            for _, row in suspect.iterrows()
        )
        text += (
            f"\n\n{_count(len(suspect))} baris ditandai oleh pemeriksaan data dan {action} "
            f"(bertanda [{_treatment(suspect['treatment'].iloc[0])}] pada tabel rincian di akhir "
            f"halaman):\n\n{items}"
        )
    if len(zero):
        names = "; ".join(f"*{markdown_text(name)}*" for name in zero["program"])
        text += (
            f"\n\n{_count(len(zero))} program beranggaran nol ({names}) tidak mempunyai "
            "angka penyerapan."
        )
    return text


# --- headline figures ---------------------------------------------------------------------------


def budget_figures(analysis: Analysis) -> dict[str, str]:
    """Every number the chapter's fixed text quotes, formatted; keys are glue names."""
    summary = analysis.absorption_summary
    table = analysis.pareto
    reconciliation = analysis.reconciliation.set_index("total")
    printed = reconciliation.iloc[2]
    return {
        "budget_table": budget_table(analysis),
        "programs": _count(summary["programs"]),
        "excluded": _count(summary["excluded"]),
        "anggaran": format_rupiah(summary["anggaran"]),
        "realisasi": format_rupiah(summary["realisasi"]),
        "unspent": format_rupiah(summary["anggaran"] - summary["realisasi"]),
        "weighted_pct": format_percent(summary["weighted_pct"], 1),
        "median_pct": format_percent(summary["median_pct"], 1),
        "mean_pct": format_percent(summary["mean_pct"], 1),
        "below_50": _count(summary["below_50_pct"]),
        "low_threshold": format_percent(LOW_ABSORPTION_PCT, 0),
        "pareto_share": format_percent(PARETO_SHARE_PCT, 0),
        "pareto_programs": _count(budget.programs_for_share(table, PARETO_SHARE_PCT)),
        "top_share": format_percent(float(table["share_pct"].iloc[0]), 1),
        "top_program": str(table["program"].iloc[0]),
        "printed_anggaran": format_rupiah(printed["anggaran"]),
        "outturn_pct": format_percent(analysis.aggregate_outturn_pct, 1),
        "composition_pct": format_percent(analysis.composition_variance_pct, 1),
        "pefa_years": _count(budget.PEFA_YEARS_NEEDED),
    }


# --- distribution -------------------------------------------------------------------------------


def distribution_table(summary: dict[str, float]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the summary numbers of `budget.absorption_summary`, one per row."""
    items = [
        ("Program yang dihitung", "programs", _count, "program"),
        ("Baris dikeluarkan (ditandai)", "excluded", _count, "baris"),
        ("Total anggaran (Rp)", "anggaran", rupiah_cell, "Rp"),
        ("Total realisasi (Rp)", "realisasi", rupiah_cell, "Rp"),
        (
            "Penyerapan keseluruhan (total realisasi ÷ total anggaran)",
            "weighted_pct",
            _percent,
            "%",
        ),
        ("Rata-rata penyerapan per program", "mean_pct", _percent, "%"),
        ("Median penyerapan per program", "median_pct", _percent, "%"),
        ("Kuartil bawah (25 % program di bawahnya)", "q1_pct", _percent, "%"),
        ("Kuartil atas (25 % program di atasnya)", "q3_pct", _percent, "%"),
        ("Penyerapan terendah", "min_pct", _percent, "%"),
        ("Penyerapan tertinggi", "max_pct", _percent, "%"),
        (
            f"Program dengan penyerapan di bawah {format_percent(LOW_ABSORPTION_PCT, 0)}",
            "below_50_pct",
            _count,
            "program",
        ),
    ]
    shown = pd.DataFrame(
        {"Ukuran": [label for label, *_ in items], "Nilai": [f(summary[k]) for _, k, f, _ in items]}
    )
    exact = pd.DataFrame(
        {
            "ukuran": [key for _, key, *_ in items],
            "keterangan": [label for label, *_ in items],
            "nilai": [summary[key] for _, key, *_ in items],
            "satuan": [unit for *_, unit in items],
        }
    )
    return shown, exact


def distribution_markdown(summary: dict[str, float]) -> str:
    """Sentences on the distribution: the typical program against the weighted total."""
    weighted, median = summary["weighted_pct"], summary["median_pct"]
    text = (
        f"Separuh program menyerap sedikitnya {_percent(median)} anggarannya (median), dan "
        f"seperempat program terbawah menyerap kurang dari {_percent(summary['q1_pct'])}. "
        f"{_count(summary['below_50_pct'])} program menyerap kurang dari "
        f"{format_percent(LOW_ABSORPTION_PCT, 0)}."
    )
    if weighted < median:
        text += (
            f" Penyerapan keseluruhan ({_percent(weighted)}) lebih rendah daripada median karena "
            "beberapa program beranggaran besar menyerap sedikit: total ditentukan oleh program "
            "besar, sedangkan median menghitung setiap program sama berat."
        )
    return text


def show_distribution(page: Page, analysis: Analysis) -> None:
    """The distribution section: sentences, the summary table and the histogram."""
    summary = analysis.absorption_summary
    show_markdown(distribution_markdown(summary))
    shown, exact = distribution_table(summary)
    page.table(
        shown,
        title="Ringkasan sebaran penyerapan anggaran per program",
        source=budget_table(analysis),
        label="ringkasan-penyerapan",
        data=exact,
        numeric=["Nilai"],
    )
    counted = budget.used_rows(analysis.absorption)
    bands = absorption_histogram_data(counted)
    title = "Sebaran penyerapan anggaran per program"
    page.figure(
        absorption_histogram(bands, summary["median_pct"], title),
        title=title,
        source=budget_table(analysis),
        label="sebaran-penyerapan",
        data=bands,
        description=(
            f"Histogram {_count(bands['program'].sum())} program menurut penyerapan anggaran, "
            f"per rentang 10 poin persen; rentang terbanyak "
            f"{bands.loc[bands['program'].idxmax(), 'rentang']} "
            f"({_count(bands['program'].max())} program). Batang jingga kemerahan: penyerapan di "
            f"bawah {format_percent(LOW_ABSORPTION_PCT, 0)}. Garis putus-putus: median "
            f"{_percent(summary['median_pct'])}."
        ),
    )


# --- lowest absorbers ---------------------------------------------------------------------------


def lowest_table(rows: pd.DataFrame, n: int = LOWEST_COUNT) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the `n` programs with the lowest absorption and their unspent budget."""
    lowest = budget.extremes(rows, n).copy()
    lowest["unspent"] = lowest["anggaran"] - lowest["realisasi"]
    shown = pd.DataFrame(
        {
            "No.": lowest["printed_no"].astype(str),
            "Program": lowest["program"],
            "Anggaran (Rp)": lowest["anggaran"].map(rupiah_cell),
            "Tidak terserap (Rp)": lowest["unspent"].map(rupiah_cell),
            "Penyerapan": lowest["absorption_pct"].map(_percent),
        }
    )
    return shown, lowest.reset_index(drop=True)


def lowest_markdown(rows: pd.DataFrame, n: int = LOWEST_COUNT) -> str:
    """Sentences on the lowest absorbers: how much of the unspent budget they hold."""
    counted = budget.used_rows(rows)
    lowest = budget.extremes(rows, n)
    unspent_all = float((counted["anggaran"] - counted["realisasi"]).sum())
    unspent_low = float((lowest["anggaran"] - lowest["realisasi"]).sum())
    largest = lowest.sort_values("anggaran", ascending=False).iloc[0]
    return (
        f"{_count(len(lowest))} program dengan penyerapan terendah menyisakan "
        f"{format_rupiah(unspent_low)} anggaran yang tidak terserap, atau "
        f"{_percent(unspent_low / unspent_all * 100)} dari seluruh anggaran tidak terserap "
        f"({format_rupiah(unspent_all)}). Yang terbesar di antaranya adalah "
        f"*{markdown_text(largest['program'])}*: "
        f"anggaran {format_rupiah(largest['anggaran'])}, terserap "
        f"{_percent(largest['absorption_pct'])}."
    )


def show_lowest(page: Page, analysis: Analysis) -> None:
    """The lowest absorbers: sentences and table."""
    rows = analysis.absorption
    show_markdown(lowest_markdown(rows))
    shown, exact = lowest_table(rows)
    page.table(
        shown,
        title=f"{_count(len(shown))} program dengan penyerapan anggaran terendah",
        source=budget_table(analysis),
        label="penyerapan-terendah",
        data=exact,
        numeric=["No.", "Anggaran (Rp)", "Tidak terserap (Rp)", "Penyerapan"],
    )


# --- concentration ------------------------------------------------------------------------------


def pareto_table(table: pd.DataFrame, share_pct: float = PARETO_SHARE_PCT) -> pd.DataFrame:
    """The largest programs that together make up `share_pct` of the budget (from `pareto`)."""
    return table.head(budget.programs_for_share(table, share_pct)).copy()


def pareto_markdown(table: pd.DataFrame, share_pct: float = PARETO_SHARE_PCT) -> str:
    """Sentences on budget concentration."""
    needed = budget.programs_for_share(table, share_pct)
    first_two = float(table["cumulative_pct"].iloc[min(1, len(table) - 1)])
    return (
        f"Anggaran sangat terkonsentrasi: {_count(needed)} dari {_count(len(table))} program "
        f"({_percent(needed / len(table) * 100)}) sudah mencakup {format_percent(share_pct, 0)} "
        f"anggaran. Dua program terbesar, *{markdown_text(table['program'].iloc[0])}* dan "
        f"*{markdown_text(table['program'].iloc[1])}*, bersama-sama memegang "
        f"{_percent(first_two)} anggaran."
    )


def show_pareto(page: Page, analysis: Analysis) -> None:
    """Budget concentration: sentences, Pareto chart and the table of the largest programs."""
    table = analysis.pareto
    needed = budget.programs_for_share(table, PARETO_SHARE_PCT)
    show_markdown(pareto_markdown(table))
    data = pareto_chart_data(table)
    title = "Konsentrasi anggaran: porsi tiap program dan porsi kumulatif"
    page.figure(
        pareto_chart(data, PARETO_SHARE_PCT, needed, title),
        title=title,
        source=budget_table(analysis),
        label="pareto-anggaran",
        data=data,
        description=(
            f"Diagram Pareto {_count(len(data))} program, diurutkan dari anggaran terbesar. "
            f"Program terbesar memegang {_percent(data['porsi_pct'].iloc[0])} anggaran; garis "
            f"kumulatif mencapai {format_percent(PARETO_SHARE_PCT, 0)} pada program ke-"
            f"{_count(needed)}."
        ),
    )
    top = pareto_table(table)
    shown = pd.DataFrame(
        {
            "No.": top["rank"].astype(str),
            "Program": top["program"],
            "Anggaran (Rp)": top["anggaran"].map(rupiah_cell),
            "Porsi": top["share_pct"].map(lambda v: _percent(v, 2)),
            "Kumulatif": top["cumulative_pct"].map(_percent),
            "Terserap": (top["realisasi"] / top["anggaran"] * 100).map(_percent),
        }
    )
    page.table(
        shown,
        title=(
            f"Program terbesar yang bersama-sama mencakup {format_percent(PARETO_SHARE_PCT, 0)} "
            "anggaran"
        ),
        source=budget_table(analysis),
        label="program-terbesar",
        data=top,
        numeric=["No.", "Anggaran (Rp)", "Porsi", "Kumulatif", "Terserap"],
    )


# --- reconciliation -----------------------------------------------------------------------------


def reconciliation_rows(analysis: Analysis) -> pd.DataFrame:
    """`analysis.reconciliation` plus the total this page uses (rows that count only).

    Differences stay against the printed Jumlah of the budget table, in rupiah.
    """
    table = analysis.reconciliation.copy()
    table["total"] = table["total"].map(reconciliation_labels(budget_table(analysis)))
    summary = analysis.absorption_summary
    jumlah = table.iloc[2]
    used = pd.DataFrame(
        [
            {
                "total": "Dihitung di halaman ini (tanpa baris ganda dan ditandai)",
                "anggaran": summary["anggaran"],
                "realisasi": summary["realisasi"],
                "basis": "dihitung",
            }
        ]
    )
    used["anggaran_minus_printed_jumlah"] = used["anggaran"] - jumlah["anggaran"]
    used["realisasi_minus_printed_jumlah"] = used["realisasi"] - jumlah["realisasi"]
    used["absorption_pct"] = used["realisasi"] / used["anggaran"] * 100.0
    return pd.concat([table, used], ignore_index=True)


def reconciliation_table(table: pd.DataFrame) -> pd.DataFrame:
    """The reader's reconciliation table: one row per measure and total, long format.

    Rupiah are exact; differences are against the printed Jumlah of the table (rupiah for
    anggaran and realisasi, percentage points for absorption).
    """
    parts = []
    for measure, label in (("anggaran", "Anggaran (Rp)"), ("realisasi", "Realisasi (Rp)")):
        parts.append(
            pd.DataFrame(
                {
                    "Ukuran": label,
                    "Total": table["total"],
                    "Nilai": table[measure].map(rupiah_cell),
                    "Selisih thd. Jumlah tercetak": table[f"{measure}_minus_printed_jumlah"].map(
                        rupiah_cell
                    ),
                }
            )
        )
    printed_pct = float(table["absorption_pct"].iloc[2])
    parts.append(
        pd.DataFrame(
            {
                "Ukuran": "Penyerapan",
                "Total": table["total"],
                "Nilai": table["absorption_pct"].map(lambda v: _percent(v, 2)),
                "Selisih thd. Jumlah tercetak": (table["absorption_pct"] - printed_pct).map(
                    lambda v: f"{format_number(v, 2).replace('-', '−')} poin"
                ),
            }
        )
    )
    return pd.concat(parts, ignore_index=True)


def _more_or_less(difference: float) -> str:
    return "lebih besar" if difference > 0 else "lebih kecil"


def reconciliation_markdown(table: pd.DataFrame, name: str) -> str:
    """Sentences on how the totals differ, with the differences in rupiah.

    `table` is `reconciliation_rows(...)`: all rows, without duplicates, printed Jumlah,
    Ikhtisar, and the total this page uses, in that order.
    """
    all_rows, unique, printed, ikhtisar, used = (table.iloc[i] for i in range(5))
    gap = printed["anggaran"] - all_rows["anggaran"]
    return (
        f"Laporan yang sama memuat total anggaran yang berbeda-beda. Jumlah yang tercetak di "
        f"bawah {name} adalah {rupiah_exact(printed['anggaran'])}: "
        f"{rupiah_exact(abs(gap))} {_more_or_less(gap)} daripada jumlah semua barisnya "
        f"({rupiah_exact(all_rows['anggaran'])}); baris ganda hanya menyumbang "
        f"{rupiah_exact(all_rows['anggaran'] - unique['anggaran'])}. Ikhtisar Eksekutif "
        f"menyebut pagu {rupiah_exact(ikhtisar['anggaran'])} dan realisasi "
        f"{rupiah_exact(ikhtisar['realisasi'])} ({_percent(ikhtisar['absorption_pct'], 2)}). "
        f"Penyerapan menurut Jumlah tercetak ({_percent(printed['absorption_pct'], 2)}) tidak "
        f"dapat diperiksa dari rinciannya. Halaman ini memakai jumlah baris tanpa baris ganda "
        f"dan baris ditandai: anggaran {rupiah_exact(used['anggaran'])}, realisasi "
        f"{rupiah_exact(used['realisasi'])} ({_percent(used['absorption_pct'], 2)})."
    )


def show_reconciliation(page: Page, analysis: Analysis) -> None:
    """The totals side by side: sentences, table and chart."""
    table = reconciliation_rows(analysis)
    year, name = analysis.year, budget_table(analysis)
    show_markdown(reconciliation_markdown(table, name))
    page.table(
        reconciliation_table(table),
        title=f"Total anggaran dan realisasi {year} menurut cara menjumlah",
        source=totals_source(analysis),
        label="rekonsiliasi-total",
        data=table,
        numeric=["Nilai", "Selisih thd. Jumlah tercetak"],
    )
    data = reconciliation_chart_data(table)
    title = "Anggaran dan realisasi menurut setiap cara menjumlah"
    page.figure(
        reconciliation_chart(data, title),
        title=title,
        source=totals_source(analysis),
        label="rekonsiliasi-total",
        data=data,
        description=(
            f"Diagram batang anggaran dan realisasi untuk {_count(len(table))} cara menjumlah. "
            f"Jumlah tercetak {name} ({format_rupiah(table['anggaran'].iloc[2])}) jauh lebih "
            f"besar daripada jumlah barisnya ({format_rupiah(table['anggaran'].iloc[0])}) dan "
            f"pagu Ikhtisar Eksekutif ({format_rupiah(table['anggaran'].iloc[3])})."
        ),
    )


# --- PEFA-style indicators ----------------------------------------------------------------------


PEFA_FORMULAS = {
    "PI-1": "total realisasi ÷ total anggaran",
    "PI-2.1": (
        "jumlah selisih mutlak antara realisasi tiap pos dan anggarannya yang disesuaikan "
        "(anggaran pos × total realisasi ÷ total anggaran), dibagi jumlah anggaran yang "
        "disesuaikan; pos = program terbesar yang bersama-sama mencakup "
        f"{format_percent(budget.PEFA_HEAD_SHARE_PCT, 0)} anggaran, ditambah satu baris "
        "gabungan untuk program lainnya"
    ),
}
"""How each indicator is computed, in words (see `budget.aggregate_outturn` and
`budget.composition_variance`)."""


def pefa_table(
    outturn_pct: float, variance_pct: float, year: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the two PEFA-style indicators, their one-year band and the rule."""
    pi1_rule = "; ".join(
        f"{band}: {_percent(low, 0)}–{_percent(high, 0)}"
        for band, low, high in budget.PEFA_PI1_BANDS
    )
    pi2_rule = "; ".join(f"{band}: < {_percent(limit, 0)}" for band, limit in budget.PEFA_PI2_BANDS)
    exact = pd.DataFrame(
        {
            "indikator": ["PI-1", "PI-2.1"],
            "nama": ["Realisasi belanja agregat", "Variasi komposisi belanja"],
            "nilai_pct": [outturn_pct, variance_pct],
            "rentang_satu_tahun": [
                budget.pefa_band_pi1(outturn_pct),
                budget.pefa_band_pi2(variance_pct),
            ],
            "aturan": [f"{pi1_rule} dari anggaran; selebihnya D", f"{pi2_rule}; selebihnya D"],
            "cara_hitung": [PEFA_FORMULAS["PI-1"], PEFA_FORMULAS["PI-2.1"]],
        }
    )
    shown = pd.DataFrame(
        {
            "Kode": exact["indikator"].str.replace("-", "\N{NON-BREAKING HYPHEN}"),
            "Indikator": exact["nama"],
            f"Nilai {year}": exact["nilai_pct"].map(_percent),
            "Rentang (satu tahun)": exact["rentang_satu_tahun"],
            f"Aturan PEFA ({_count(budget.PEFA_YEARS_NEEDED)} tahun)": exact["aturan"],
        }
    )
    return shown, exact


PEFA_BAND_WORDS = {
    "A": "rentang A (terbaik)",
    "B": "rentang B",
    "C": "rentang C",
    "D": "rentang D (di luar rentang C)",
}


def pefa_markdown(
    outturn_pct: float, variance_pct: float, table: str, heads: pd.DataFrame | None = None
) -> str:
    """The caveat (why both indicators are only indicative) and a one-year reading of them;
    `heads` is `budget.pefa_heads(...)` (the PI-2.1 heads), for the counts."""
    split = ""
    if heads is not None and len(heads):
        residual = heads[heads["residual"]]
        split = (
            f" PI-2.1 memakai {_count(len(heads) - len(residual))} program terbesar "
            f"({_percent(float(heads.loc[~heads['residual'], 'share_pct'].sum()))} anggaran) "
            f"dan satu baris gabungan untuk {_count(int(residual['programs'].sum()))} program "
            "lainnya, sesuai aturan PEFA bila pos anggaran lebih dari "
            f"{_count(budget.PEFA_MAX_HEADS)}."
            if len(residual)
            else f" PI-2.1 memakai setiap program sebagai satu pos ({_count(len(heads))} pos)."
        )
    return (
        f":::{{admonition}} Indikatif, bukan skor PEFA\n:class: note\n"
        f"PEFA menilai {_count(budget.PEFA_YEARS_NEEDED)} tahun anggaran terakhir dan "
        f"membandingkan realisasi dengan anggaran *awal yang disahkan*. Halaman ini membaca "
        f"satu tahun saja. {table} hanya memuat Belanja Langsung (program dan kegiatan), dan "
        "laporannya tidak menyebut apakah anggarannya anggaran awal atau anggaran perubahan; "
        "kemungkinan besar anggaran perubahan (lihat Metodologi). PEFA mengizinkan klasifikasi "
        "program, administratif atau fungsi, pada tingkat anggaran itu disahkan; di sini "
        "dipakai program, satu-satunya klasifikasi yang dicetak laporan. Baris ganda dihitung "
        f"sekali; baris yang ditandai ({FLAGGED_ROWS}) tetap "
        f"dihitung dengan angka tercetaknya, karena PEFA mengukur seluruh anggaran.{split}"
        "\n:::\n\n"
        f"Dibaca untuk satu tahun saja, realisasi belanja agregat {_percent(outturn_pct)} "
        f"berada pada {PEFA_BAND_WORDS[budget.pefa_band_pi1(outturn_pct)]} PI-1, dan variasi "
        f"komposisi {_percent(variance_pct)} pada "
        f"{PEFA_BAND_WORDS[budget.pefa_band_pi2(variance_pct)]} "
        f"PI-2.1. PI-1 = {PEFA_FORMULAS['PI-1']}. PI-2.1 = {PEFA_FORMULAS['PI-2.1']}: "
        f"seberapa jauh realisasi tiap pos menyimpang dari porsinya jika semua pos menyerap "
        f"dengan laju yang sama; nol berarti semua pos menyerap sama rata."
    )


def show_pefa(page: Page, analysis: Analysis) -> None:
    """The PEFA-style indicators: the caveat, sentences and table."""
    outturn, variance = analysis.aggregate_outturn_pct, analysis.composition_variance_pct
    year = analysis.year
    show_markdown(pefa_markdown(outturn, variance, budget_table(analysis), analysis.pefa_heads))
    shown, exact = pefa_table(outturn, variance, year)
    page.table(
        shown,
        title="Indikator kredibilitas anggaran gaya PEFA (indikatif, satu tahun)",
        source=budget_table(analysis),
        label="indikator-pefa",
        data=exact,
        numeric=[f"Nilai {year}"],
    )
    shown, exact = pefa_heads_table(analysis.pefa_heads)
    page.table(
        shown,
        title="Pos anggaran PI-2.1: program terbesar dan baris gabungan",
        source=budget_table(analysis),
        label="pos-pefa",
        data=exact,
        numeric=["No.", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Porsi", "Penyerapan"],
    )


def pefa_heads_table(heads: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the PI-2.1 heads of `budget.pefa_heads`, largest first, residual last."""
    exact = heads.assign(absorption_pct=heads["realisasi"] / heads["anggaran"] * 100.0)
    shown = pd.DataFrame(
        {
            "No.": [str(number) for number in range(1, len(exact) + 1)],
            "Pos": exact["head"],
            "Program": exact["programs"].map(_count),
            "Anggaran (Rp)": exact["anggaran"].map(rupiah_cell),
            "Realisasi (Rp)": exact["realisasi"].map(rupiah_cell),
            "Porsi": exact["share_pct"].map(_percent),
            "Penyerapan": exact["absorption_pct"].map(_percent),
        }
    )
    return shown, exact.reset_index(drop=True)


# --- every program ------------------------------------------------------------------------------


def absorption_table(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every program row with its absorption and treatment, in printed order."""
    shown = pd.DataFrame(
        {
            "No.": rows["printed_no"].astype(str),
            "Program": [
                program if treatment == "included" else f"{program} [{_treatment(treatment)}]"
                for program, treatment in zip(rows["program"], rows["treatment"], strict=True)
            ],
            "Anggaran (Rp)": rows["anggaran"].map(rupiah_cell),
            "Realisasi (Rp)": rows["realisasi"].map(rupiah_cell),
            "Penyerapan": rows["absorption_pct"].map(_percent),
        }
    )
    exact = rows[
        [
            "row_seq",
            "printed_no",
            "program",
            "anggaran_raw",
            "anggaran",
            "anggaran_line",
            "realisasi_raw",
            "realisasi",
            "realisasi_line",
            "persen_raw",
            "absorption_pct",
            "impossible",
            "malformed",
            "digits_lost",
            "treatment",
        ]
    ]
    return shown, exact.reset_index(drop=True)


def show_absorption(page: Page, analysis: Analysis) -> None:
    """The sortable table of every program row."""
    year = analysis.year
    shown, exact = absorption_table(analysis.absorption)
    page.table(
        shown,
        title=f"Anggaran, realisasi dan penyerapan per program, {year}",
        source=budget_table(analysis),
        label="penyerapan-program",
        data=exact,
        numeric=["No.", "Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan"],
        sortable=True,
    )
