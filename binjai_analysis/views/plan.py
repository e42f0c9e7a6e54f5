"""Views for the chapter "Rencana": the Perjanjian Kinerja 2019 against the 2018 realisations.

The source holds one plan year: the PK 2019 (targets and program budget), printed in the LKjIP
2018. Targets are read against the 2018 realisations with each indicator's polarity
(`plan.target_ambition`); budgets are matched to Tabel 3.18 by program name
(`plan.budget_change`); the PK's printed Jumlah is set beside the sum of its rows.
"""

from __future__ import annotations

import re

import pandas as pd

from binjai_analysis.analysis import budget, plan
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.charts.plan import (
    AMBITION_COLOURS,
    ambition_chart,
    budget_scatter,
    budget_scatter_data,
    match_totals_chart,
    match_totals_data,
)
from binjai_analysis.formatting import (
    format_count,
    format_number,
    format_rupiah,
    format_text,
    markdown_text,
)
from binjai_analysis.notebook import caveats_markdown, show_markdown
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page
from binjai_analysis.views.budget import (
    percent_text,
    rupiah_cell,
    rupiah_exact,
    same_figures_other_name,
)
from binjai_analysis.views.performance import STATUS_LABELS

BASE_YEAR = 2018
"""The realisation year of the only source (LKjIP Kota Binjai 2018)."""
PLAN_YEAR = 2019
"""The year of the Perjanjian Kinerja printed in the source."""
PLAN_SOURCE = f"PK {PLAN_YEAR}"
BUDGET_SOURCE = f"PK {PLAN_YEAR} dan Tabel 3.18"

MORE, SAME, LESS, NOT_COMPARABLE = AMBITION_COLOURS
"""Reader labels of `plan.target_ambition`'s `ambition`, in `charts.plan` order."""

AMBITION_LABELS = {
    plan.AMBITIOUS: MORE,
    plan.SAME: SAME,
    plan.LESS_AMBITIOUS: LESS,
    plan.NOT_COMPARABLE: NOT_COMPARABLE,
}
"""`plan.target_ambition`'s labels as the chart's categories."""

DIRECTION_LABELS = {"naik": "naik", "turun": "turun", "sama": "sama"}

POLARITY_SHORT = {"higher": "makin tinggi", "lower": "makin rendah", "qualitative": "kategori"}
"""Polarity for a narrow column headed 'Baik bila'."""

STATUS_NAMES = {
    "both years": f"ada di {BASE_YEAR} dan {PLAN_YEAR}",
    "only 2018": f"hanya di {BASE_YEAR}",
    "only 2019": f"hanya di {PLAN_YEAR}",
}
"""`plan.budget_change`'s `match`, for readers, in display order."""

SIMILAR = re.compile(r"similar name \((?P<score>[0-9.]+)\)")


_count = format_count


_percent = percent_text


_text = format_text


def join_words(items: list[str]) -> str:
    """Items as Indonesian prose.

    Examples:
        >>> join_words(["7"]), join_words(["7", "8"]), join_words(["7", "8", "10"])
        ('7', '7 dan 8', '7, 8 dan 10')
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} dan {items[-1]}"


def _table_range(tables: pd.Series) -> str:
    """'Tabel 3.3–3.17' for the source tables of a column (natural order)."""

    def key(name: str) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", name))

    names = sorted(set(tables.dropna()), key=key)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return f"{names[0]}–{names[-1].removeprefix('Tabel ')}"


# --- notes ---------------------------------------------------------------------------------------


def year_note_markdown(year: int) -> str:
    """A warning when the page renders a year other than the PK's; empty otherwise."""
    if year == PLAN_YEAR:
        return ""
    return (
        f":::{{admonition}} Rencana yang tersedia\n:class: warning\nSumber hanya memuat "
        f"Perjanjian Kinerja {PLAN_YEAR}. Halaman tahun {year} ini menampilkan rencana "
        f"{PLAN_YEAR} terhadap realisasi {BASE_YEAR}.\n:::\n"
    )


def show_notes(settings: YearParams) -> None:
    """The year's caveats and, if the year is not the PK's, a warning."""
    text = "\n".join(
        part for part in (caveats_markdown(settings), year_note_markdown(settings.year)) if part
    )
    if text:
        show_markdown(text)


# --- targets -------------------------------------------------------------------------------------


def comparison_note(row: pd.Series) -> str:
    """Why a target cannot be read against the base-year realisation ('' when it can)."""
    if row["ambition"] != "tidak dapat dibandingkan":
        return ""
    if pd.isna(row.get("capaian_status")):
        return f"tidak diukur di LKjIP {BASE_YEAR}"
    if row["polarity"] == "qualitative":
        return "kategori tidak sebanding"
    if pd.isna(row["target_2019"]):
        return f"target {PLAN_YEAR} bukan angka"
    status = str(row["capaian_status"])
    if status == "no realisation":
        return f"realisasi {BASE_YEAR} kosong"
    return f"capaian {BASE_YEAR} tidak dihitung: {STATUS_LABELS.get(status, status)}"


def ambition_rows(analysis: Analysis, data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """`analysis.target_ambition` completed for readers.

    Indicators without a base-year result get their name, sasaran, polarity and unit from the
    indicator list; each row gets the sasaran's number and statement, the reader label of its
    ambition (`kategori`), why it is not comparable (`catatan`), and its realisation's table.
    """
    table = analysis.target_ambition.copy()
    indicators = data["indicators"].set_index("indicator_id")
    for column in ("name", "sasaran_id", "polarity"):
        table[column] = table[column].fillna(table["indicator_id"].map(indicators[column]))
    table["unit"] = table["indicator_id"].map(indicators["unit"])
    sasaran = data["sasaran"].set_index("sasaran_id")
    table["sasaran_no"] = table["sasaran_id"].map(sasaran["sasaran_no"]).astype(int)
    table["sasaran_statement"] = table["sasaran_id"].map(sasaran["statement"])
    sources = analysis.results.set_index("indicator_id")["source_table"]
    table["realisasi_source_table"] = table["indicator_id"].map(sources)
    table["kategori"] = table["ambition"].map(AMBITION_LABELS).fillna(table["ambition"])
    table["catatan"] = table.apply(comparison_note, axis=1)
    return table


def ambition_source(rows: pd.DataFrame) -> str:
    """The source of the target tables: the PK and the tables of the realisations."""
    return f"{PLAN_SOURCE}; realisasi {BASE_YEAR}: {_table_range(rows['realisasi_source_table'])}"


def ambition_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Targets per sasaran and ambition label (every combination, zeros included)."""
    grid = pd.MultiIndex.from_product(
        [sorted(rows["sasaran_no"].unique()), list(AMBITION_COLOURS)],
        names=["order", "kategori"],
    )
    counts = (
        rows.groupby(["sasaran_no", "kategori"]).size().rename_axis(["order", "kategori"])
    ).reindex(grid, fill_value=0)
    table = counts.rename("jumlah").reset_index()
    statements = rows.drop_duplicates("sasaran_no").set_index("sasaran_no")["sasaran_statement"]
    table["sasaran"] = "Sasaran " + table["order"].astype(str)
    table["pernyataan"] = table["order"].map(statements)
    return table[["order", "sasaran", "pernyataan", "kategori", "jumlah"]]


def ambition_table(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): each PK target beside the base-year realisation, read with polarity."""
    reading = [
        kategori if not note else f"{kategori} ({note})"
        for kategori, note in zip(rows["kategori"], rows["catatan"], strict=True)
    ]
    shown = pd.DataFrame(
        {
            "Kode": rows["indicator_id"],
            "Indikator": rows["name"],
            "Baik bila": rows["polarity"].map(POLARITY_SHORT).fillna("–"),
            f"Realisasi {BASE_YEAR}": rows["realisasi_raw"].map(_text),
            f"Target {PLAN_YEAR}": rows["target_2019_raw"].map(_text),
            "Target dibanding realisasi": reading,
        }
    )
    exact = rows[
        [
            "indicator_id",
            "indicator_no",
            "sasaran_id",
            "name",
            "unit",
            "polarity",
            "realisasi_raw",
            "realisasi",
            "realisasi_source_table",
            "capaian_status",
            "target_2019_raw",
            "target_2019",
            "target_2019_line",
            "direction",
            "ambition",
            "kategori",
            "catatan",
        ]
    ]
    return shown, exact.reset_index(drop=True)


def ambition_markdown(rows: pd.DataFrame) -> str:
    """Sentences on how ambitious the plan-year targets are."""
    counts = rows["kategori"].value_counts()
    comparable = len(rows) - int(counts.get(NOT_COMPARABLE, 0))
    less = rows[rows["kategori"] == LESS]
    text = (
        f"Dari {_count(len(rows))} target yang terhubung ke indikator IKU, "
        f"{_count(comparable)} dapat dibandingkan dengan realisasi {BASE_YEAR}. "
        f"{_count(counts.get(MORE, 0))} target lebih ambisius (lebih baik daripada yang sudah "
        f"dicapai), {_count(counts.get(SAME, 0))} setara, dan {_count(counts.get(LESS, 0))} "
        f"kurang ambisius: target {PLAN_YEAR} lebih buruk daripada realisasi {BASE_YEAR}, "
        f"jadi dapat tercapai tanpa perbaikan. *Lebih baik* dibaca menurut arah indikator: untuk "
        f"indikator yang makin rendah makin baik (misalnya kemiskinan), target yang lebih rendah "
        f"adalah target yang lebih ambisius."
    )
    if len(less):
        per_sasaran = less["sasaran_no"].value_counts()
        most = sorted(int(no) for no in per_sasaran[per_sasaran == per_sasaran.max()].index)
        names = join_words([str(no) for no in most])
        each = "masing-masing " if len(most) > 1 else ""
        text += (
            f" Target kurang ambisius paling banyak ada pada sasaran {names} "
            f"({each}{_count(per_sasaran.max())} indikator)."
        )
    notes = rows.loc[rows["catatan"] != "", "catatan"].value_counts()
    if len(notes):
        reasons = "; ".join(f"{note} ({_count(n)})" for note, n in notes.items())
        text += f" Alasan target tidak dapat dibandingkan: {reasons}."
    return text


def show_ambition(page: Page, rows: pd.DataFrame) -> None:
    """Targets section: sentences and the chart per sasaran (the table comes at the end)."""
    show_markdown(ambition_markdown(rows))
    counts = ambition_counts(rows)
    source = ambition_source(rows)
    title = f"Target {PLAN_YEAR} dibanding realisasi {BASE_YEAR}, per sasaran"
    totals = counts.groupby("kategori")["jumlah"].sum()
    page.figure(
        ambition_chart(counts, title),
        title=title,
        source=source,
        label="ambisi-target",
        data=counts,
        description=(
            "Diagram batang bertumpuk jumlah indikator per sasaran: "
            + ", ".join(f"{label} {_count(totals.get(label, 0))}" for label in AMBITION_COLOURS)
            + ". Rincian per indikator ada pada tabel di akhir halaman."
        ),
    )


def show_ambition_table(page: Page, rows: pd.DataFrame) -> None:
    """The sortable table of every target beside its base-year realisation."""
    source = ambition_source(rows)
    shown, exact = ambition_table(rows)
    page.table(
        shown,
        title=f"Target Perjanjian Kinerja {PLAN_YEAR} dan realisasi {BASE_YEAR} per indikator",
        source=source,
        label="target-dan-realisasi",
        data=exact,
        numeric=[f"Realisasi {BASE_YEAR}", f"Target {PLAN_YEAR}"],
        sortable=True,
    )


# --- budget per program --------------------------------------------------------------------------


def change_rows(change: pd.DataFrame) -> pd.DataFrame:
    """`plan.budget_change` with reader labels: status, match kind and similarity score."""
    table = change.copy()
    scores = table["match_basis"].str.extract(SIMILAR)["score"].astype(float)
    table["skor"] = scores
    table["status"] = table["match"].map(STATUS_NAMES).fillna(table["match"])
    table["pencocokan"] = "nama sama"
    table.loc[scores.notna(), "pencocokan"] = "nama mirip"
    table.loc[table["match"] != "both years", "pencocokan"] = "tidak ada pasangan"
    table["pencocokan_teks"] = table["pencocokan"]
    similar = scores.notna()
    table.loc[similar, "pencocokan_teks"] = [
        f"nama mirip (skor {format_number(score, 2)})" for score in scores[similar]
    ]
    table.loc[table["match"] != "both years", "pencocokan_teks"] = table["status"]
    table["pencocokan_singkat"] = table["pencocokan"].map(
        {"nama sama": "sama", "nama mirip": "mirip"}
    )
    table.loc[similar, "pencocokan_singkat"] = [
        f"mirip {format_number(score, 2)}" for score in scores[similar]
    ]
    short = {"only 2018": f"hanya {BASE_YEAR}", "only 2019": f"hanya {PLAN_YEAR}"}
    unmatched = table["match"] != "both years"
    table.loc[unmatched, "pencocokan_singkat"] = table.loc[unmatched, "match"].map(short)
    return table


def match_summary(rows: pd.DataFrame) -> pd.DataFrame:
    """Programs and budget of each year by status (in both years, base only, plan only)."""
    grouped = rows.groupby("match")
    table = pd.DataFrame(
        {
            "program": grouped.size(),
            "anggaran_2018": grouped["anggaran_2018"].sum(min_count=1).fillna(0.0),
            "anggaran_2019": grouped["anggaran_2019"].sum(min_count=1).fillna(0.0),
        }
    ).reindex(list(STATUS_NAMES), fill_value=0)
    table["status"] = [STATUS_NAMES[key] for key in table.index]
    return table.rename_axis("match").reset_index()


def similar_table(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the programs paired by a similar (not identical) name, with the score."""
    similar = rows[rows["skor"].notna()].sort_values(["skor", "program"])
    shown = pd.DataFrame(
        {
            "Skor": similar["skor"].map(lambda v: format_number(v, 2)),
            f"Nama di Tabel 3.18 ({BASE_YEAR})": similar["program_2018"],
            f"Nama di PK {PLAN_YEAR}": similar["program_2019"],
        }
    )
    exact = similar[
        ["program_key", "program_2018", "program_2019", "skor", "anggaran_2018", "anggaran_2019"]
    ]
    return shown, exact.reset_index(drop=True)


def change_table(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every program of either year with both budgets and the change."""
    shown = pd.DataFrame(
        {
            "Nama": rows["pencocokan_singkat"],
            "Program": rows["program"],
            f"Anggaran {BASE_YEAR} (Rp)": rows["anggaran_2018"].map(rupiah_cell),
            f"Anggaran {PLAN_YEAR} (Rp)": rows["anggaran_2019"].map(rupiah_cell),
            "Perubahan": rows["change_vs_anggaran_2018_pct"].map(_percent),
        }
    )
    exact = rows[
        [
            "program_key",
            "program_2018",
            "program_2019",
            "rows_2018",
            "rows_2019",
            "anggaran_2018",
            "realisasi_2018",
            "anggaran_2019",
            "change_vs_anggaran_2018",
            "change_vs_anggaran_2018_pct",
            "change_vs_realisasi_2018_pct",
            "match",
            "match_basis",
            "skor",
        ]
    ]
    return shown, exact.reset_index(drop=True)


def change_markdown(rows: pd.DataFrame) -> str:
    """Sentences on the budget change: matching, the largest moves, the unmatched money."""
    summary = match_summary(rows).set_index("match")
    both = rows[rows["match"] == "both years"].dropna(subset=["change_vs_anggaran_2018"])
    similar = int(rows["skor"].notna().sum())
    rise = both.sort_values("change_vs_anggaran_2018", ascending=False).iloc[0]
    fall = both.sort_values("change_vs_anggaran_2018").iloc[0]
    text = (
        f"Program dicocokkan menurut namanya. {_count(summary.loc['both years', 'program'])} "
        f"program ada di kedua tahun ({_count(similar)} di antaranya dengan nama yang ditulis "
        f"sedikit berbeda; lihat tabel pasangan nama mirip). "
        f"{_count(summary.loc['only 2018', 'program'])} program hanya ada di Tabel 3.18 "
        f"({format_rupiah(summary.loc['only 2018', 'anggaran_2018'])}) dan "
        f"{_count(summary.loc['only 2019', 'program'])} hanya di PK {PLAN_YEAR} "
        f"({format_rupiah(summary.loc['only 2019', 'anggaran_2019'])}); sebagian mungkin "
        f"program yang sama dengan nama yang sangat berbeda, sehingga tidak dipasangkan."
    )
    only_plan = rows[rows["match"] == "only 2019"].sort_values("anggaran_2019", ascending=False)
    if len(only_plan):
        top = only_plan.iloc[0]
        text += (
            f" Program terbesar yang hanya ada di PK {PLAN_YEAR} adalah "
            f"*{markdown_text(top['program'])}* "
            f"({format_rupiah(top['anggaran_2019'])})."
        )
    text += (
        f" Di antara program yang ada di kedua tahun, kenaikan terbesar dalam rupiah adalah "
        f"*{markdown_text(rise['program'])}* ({format_rupiah(rise['anggaran_2018'])} menjadi "
        f"{format_rupiah(rise['anggaran_2019'])}), dan penurunan terbesar "
        f"*{markdown_text(fall['program'])}* "
        f"({format_rupiah(fall['anggaran_2018'])} menjadi "
        f"{format_rupiah(fall['anggaran_2019'])}). Anggaran {BASE_YEAR} di sini adalah jumlah "
        f"baris Tabel 3.18 tanpa baris ganda, termasuk baris yang ditandai di bab Akuntabilitas "
        f"keuangan."
    )
    return text


def show_budget_change(page: Page, change: pd.DataFrame) -> None:
    """Budget section: sentences, totals by status, the scatter and the similar names."""
    rows = change_rows(change)
    show_markdown(change_markdown(rows))
    summary = match_summary(rows)
    totals = match_totals_data(summary)
    title = f"Anggaran {BASE_YEAR} dan {PLAN_YEAR} menurut status pencocokan program"
    page.figure(
        match_totals_chart(totals, title),
        title=title,
        source=BUDGET_SOURCE,
        label="anggaran-per-status",
        data=summary,
        description=(
            "Diagram batang anggaran per tahun untuk program yang ada di kedua tahun, hanya di "
            f"{BASE_YEAR} dan hanya di {PLAN_YEAR}: "
            + "; ".join(
                f"{row.status}: {_count(row.program)} program, "
                f"{format_rupiah(row.anggaran_2018)} ({BASE_YEAR}), "
                f"{format_rupiah(row.anggaran_2019)} ({PLAN_YEAR})"
                for row in summary.itertuples()
            )
            + "."
        ),
    )
    scatter = budget_scatter_data(rows)
    above = int((scatter["anggaran_2019"] > scatter["anggaran_2018"]).sum())
    title = f"Anggaran {PLAN_YEAR} terhadap anggaran {BASE_YEAR} per program"
    page.figure(
        budget_scatter(scatter, title, BASE_YEAR, PLAN_YEAR),
        title=title,
        source=BUDGET_SOURCE,
        label="anggaran-per-program",
        data=scatter,
        description=(
            f"Diagram sebar {_count(len(scatter))} program yang ada di kedua tahun dan beranggaran "
            f"di keduanya, sumbu logaritmik. {_count(above)} program berada di atas garis "
            f"diagonal (anggaran {PLAN_YEAR} lebih besar) dan {_count(len(scatter) - above)} di "
            f"bawahnya atau tepat pada garis."
        ),
    )
    shown, exact = similar_table(rows)
    if len(shown):
        page.table(
            shown,
            title=f"Program yang dipasangkan karena namanya mirip ({BASE_YEAR} dan {PLAN_YEAR})",
            source=BUDGET_SOURCE,
            label="nama-mirip",
            data=exact,
            numeric=["Skor"],
        )


def show_change_table(page: Page, change: pd.DataFrame) -> None:
    """The sortable table of every program of either year, with a key to its first column."""
    show_markdown(
        "Klik judul kolom untuk mengurutkan tabel. Kolom *Nama*: *sama* berarti nama program "
        f"sama di Tabel 3.18 dan PK {PLAN_YEAR}; *mirip* berarti nama ditulis sedikit berbeda "
        f"(dengan skor kemiripannya; {format_number(1, 2)} = sama persis tanpa spasi); "
        f"*hanya {BASE_YEAR}* atau "
        f"*hanya {PLAN_YEAR}* berarti program hanya ditemukan di satu tahun."
    )
    shown, exact = change_table(change_rows(change))
    page.table(
        shown,
        title=f"Anggaran {PLAN_YEAR} dibanding anggaran {BASE_YEAR} per program",
        source=BUDGET_SOURCE,
        label="perubahan-anggaran",
        data=exact,
        numeric=[f"Anggaran {BASE_YEAR} (Rp)", f"Anggaran {PLAN_YEAR} (Rp)", "Perubahan"],
        sortable=True,
    )


# --- totals --------------------------------------------------------------------------------------


def plan_totals(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The PK's printed Jumlah beside the sum of its rows (all, and without duplicated rows).

    Differences are against the printed Jumlah, in rupiah.
    """
    plan_budget = data["pk2019_budget"]
    rows = budget.budget_rows(plan_budget)
    duplicates = budget.duplicate_row_seqs(plan_budget)
    printed = data["budget_totals"].set_index("item")["value"]
    table = pd.DataFrame(
        [
            (
                f"Jumlah semua baris program PK {PLAN_YEAR}",
                float(rows["anggaran"].sum()),
                "dihitung",
            ),
            (
                f"Jumlah baris PK {PLAN_YEAR} tanpa baris ganda",
                float(rows.loc[~rows["row_seq"].isin(duplicates), "anggaran"].sum()),
                "dihitung",
            ),
            (
                f"Jumlah tercetak PK {PLAN_YEAR}",
                float(printed["pk_2019_jumlah_anggaran"]),
                "tercetak",
            ),
        ],
        columns=["total", "anggaran", "basis"],
    )
    table["anggaran_minus_printed_jumlah"] = table["anggaran"] - table["anggaran"].iloc[2]
    table["rows"] = [len(rows), len(rows) - len(duplicates), pd.NA]
    return table


def totals_markdown(totals: pd.DataFrame, data: dict[str, pd.DataFrame]) -> str:
    """Sentences on the PK's totals and the rows that repeat figures."""
    all_rows, unique, printed = (totals.iloc[i] for i in range(3))
    gap = printed["anggaran"] - all_rows["anggaran"]
    repeated = same_figures_other_name(budget.budget_rows(data["pk2019_budget"]))
    text = (
        f"Jumlah yang tercetak di PK {PLAN_YEAR} adalah {rupiah_exact(printed['anggaran'])}: "
        f"{rupiah_exact(abs(gap))} {'lebih besar' if gap > 0 else 'lebih kecil'} daripada "
        f"jumlah {_count(all_rows['rows'])} baris programnya "
        f"({rupiah_exact(all_rows['anggaran'])})."
    )
    if unique["rows"] != all_rows["rows"]:
        text += (
            f" Tanpa {_count(all_rows['rows'] - unique['rows'])} baris ganda (nama dan angka "
            f"sama), jumlahnya {rupiah_exact(unique['anggaran'])}."
        )
    if len(repeated):
        text += (
            f" Selain itu {_count(len(repeated))} baris mencetak angka yang sama persis dengan "
            f"baris lain di bawah nama program berbeda "
            f"({format_rupiah(float(repeated['anggaran'].sum()))}); baris itu tetap dihitung."
        )
    base = budget.budget_sums(data["budget_2018"])["anggaran_without_duplicates"]
    text += (
        f" Sebagai pembanding, baris Tabel 3.18 (tanpa baris ganda) berjumlah "
        f"{format_rupiah(base)} untuk {BASE_YEAR}."
    )
    return text


def totals_table(totals: pd.DataFrame) -> pd.DataFrame:
    """The reader's totals table."""
    return pd.DataFrame(
        {
            "Dasar": totals["basis"],
            "Total": totals["total"],
            "Baris": totals["rows"].map(lambda v: "–" if pd.isna(v) else _count(v)),
            "Anggaran (Rp)": totals["anggaran"].map(rupiah_cell),
            "Selisih thd. Jumlah tercetak (Rp)": totals["anggaran_minus_printed_jumlah"].map(
                rupiah_cell
            ),
        }
    )


def show_totals(page: Page, data: dict[str, pd.DataFrame]) -> None:
    """Totals section: sentences and table."""
    totals = plan_totals(data)
    show_markdown(totals_markdown(totals, data))
    page.table(
        totals_table(totals),
        title=f"Jumlah anggaran program PK {PLAN_YEAR}: tercetak dan dihitung dari baris",
        source=PLAN_SOURCE,
        label="total-pk",
        data=totals,
        numeric=["Baris", "Anggaran (Rp)", "Selisih thd. Jumlah tercetak (Rp)"],
    )


# --- headline figures ----------------------------------------------------------------------------


def plan_figures(
    analysis: Analysis, data: dict[str, pd.DataFrame], rows: pd.DataFrame
) -> dict[str, str]:
    """Every number the chapter's fixed text quotes, formatted; keys are glue names.

    `rows` is `ambition_rows(analysis, data)`.
    """
    counts = rows["kategori"].value_counts()
    change = change_rows(analysis.budget_change)
    statuses = change["match"].value_counts()
    totals = plan_totals(data)
    plan_rows = budget.budget_rows(data["pk2019_budget"])
    return {
        "plan_year": str(PLAN_YEAR),
        "base_year": str(BASE_YEAR),
        "pk_targets": _count(len(data["pk2019_targets"])),
        "linked_targets": _count(len(rows)),
        "more": _count(counts.get(MORE, 0)),
        "less": _count(counts.get(LESS, 0)),
        "plan_programs": _count(len(plan_rows)),
        "matched": _count(statuses.get("both years", 0)),
        "only_plan": _count(statuses.get("only 2019", 0)),
        "only_base": _count(statuses.get("only 2018", 0)),
        "printed_total": format_rupiah(totals["anggaran"].iloc[2]),
        "rows_total": format_rupiah(totals["anggaran"].iloc[0]),
        "total_gap": format_rupiah(abs(totals["anggaran_minus_printed_jumlah"].iloc[0])),
    }
