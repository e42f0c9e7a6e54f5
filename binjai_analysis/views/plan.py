"""Views for the chapter "Rencana": a plan year's Perjanjian Kinerja against its base year.

The plan year's targets are read against the base year's realisations with each indicator's
polarity (`plan.target_ambition`); budgets are matched to the base year's budget table by
program name (`plan.budget_change`); the PK's printed Jumlah is set beside the sum of its rows
(`plan.plan_totals`). The base year is the latest realisation year before the plan year.
"""

from __future__ import annotations

import re

import pandas as pd

from binjai_analysis.analysis import budget, plan
from binjai_analysis.analysis.year import PlanAnalysis
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
    percent_text,
    rupiah_cell,
    rupiah_exact,
    table_range,
)
from binjai_analysis.labels import CAPAIAN_STATUS_LABELS
from binjai_analysis.notebook import caveats_markdown, show_markdown
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page

MORE, SAME, LESS, NOT_COMPARABLE = AMBITION_COLOURS
"""Reader labels of `plan.target_ambition`'s `ambition`, in `charts.plan` order."""

AMBITION_LABELS = {
    plan.AMBITIOUS: MORE,
    plan.SAME: SAME,
    plan.LESS_AMBITIOUS: LESS,
    plan.NOT_COMPARABLE: NOT_COMPARABLE,
}
"""`plan.target_ambition`'s labels as the chart's categories."""

POLARITY_SHORT = {"higher": "makin tinggi", "lower": "makin rendah", "qualitative": "kategori"}
"""Polarity for a narrow column headed 'Baik bila'."""

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


def with_years(frame: pd.DataFrame, base: int, planned: int) -> pd.DataFrame:
    """`frame` with its generic column names (`*_base`, `*_plan`) and match labels (`only
    base`, `only plan`) written with the years, as readers and downloads see them.

    Examples:
        >>> frame = pd.DataFrame({"anggaran_base": [1.0], "match": [plan.ONLY_PLAN]})
        >>> with_years(frame, 7, 8).to_dict("records")
        [{'anggaran_7': 1.0, 'match': 'only 8'}]
    """
    renamed = frame.rename(
        columns=lambda name: re.sub(
            r"_(base|plan)(?=_|$)", lambda m: f"_{base if m[1] == 'base' else planned}", name
        )
    )
    if "match" in renamed:
        labels = {plan.ONLY_BASE: f"only {base}", plan.ONLY_PLAN: f"only {planned}"}
        renamed["match"] = renamed["match"].replace(labels)
    return renamed


def status_names(base: int, planned: int) -> dict[str, str]:
    """`plan.budget_change`'s `match` (with years), for readers, in display order."""
    return {
        plan.BOTH: f"ada di {base} dan {planned}",
        f"only {base}": f"hanya di {base}",
        f"only {planned}": f"hanya di {planned}",
    }


def plan_source(analysis: PlanAnalysis) -> str:
    """The printed name of the plan's target table, e.g. 'PK' and its year."""
    return table_range(analysis.data.targets["source_table"])


def budget_source(analysis: PlanAnalysis) -> str:
    """The source of the budget comparison: the PK's budget and the base year's budget table."""
    planned = table_range(analysis.data.budget["source_table"])
    base = table_range(analysis.base.data.budget["source_table"])
    return f"{planned} dan {base}"


# --- notes ---------------------------------------------------------------------------------------


def show_notes(settings: YearParams) -> None:
    """The year's caveats (and the variant's name), if any."""
    text = caveats_markdown(settings)
    if text:
        show_markdown(text)


# --- targets -------------------------------------------------------------------------------------


def comparison_note(row: pd.Series, base: int, planned: int) -> str:
    """Why a target cannot be read against the base-year realisation ('' when it can)."""
    if row["ambition"] != plan.NOT_COMPARABLE:
        return ""
    if pd.isna(row.get("capaian_status")):
        return f"tidak diukur di LKjIP {base}"
    if row["polarity"] == "qualitative":
        return "kategori tidak sebanding"
    if pd.isna(row["target_plan"]):
        return f"target {planned} bukan angka"
    status = str(row["capaian_status"])
    if status == "no realisation":
        return f"realisasi {base} kosong"
    return f"capaian {base} tidak dihitung: {CAPAIAN_STATUS_LABELS.get(status, status)}"


def ambition_rows(analysis: PlanAnalysis) -> pd.DataFrame:
    """`analysis.target_ambition` completed for readers.

    Indicators without a base-year result get their name, sasaran, polarity and unit from the
    plan's framework; each row gets the sasaran's number and statement, the reader label of
    its ambition (`kategori`), why it is not comparable (`catatan`), and its realisation's
    table.
    """
    base, planned = analysis.base_year, analysis.year
    table = analysis.target_ambition.copy()
    framework = analysis.data.framework
    indicators = framework.indicators.set_index("indicator_id")
    for column in ("name", "sasaran_id", "polarity"):
        table[column] = table[column].fillna(table["indicator_id"].map(indicators[column]))
    table["unit"] = table["indicator_id"].map(indicators["unit"])
    sasaran = framework.sasaran.set_index("sasaran_id")
    table["sasaran_no"] = table["sasaran_id"].map(sasaran["sasaran_no"]).astype(int)
    table["sasaran_statement"] = table["sasaran_id"].map(sasaran["statement"])
    sources = analysis.base.results.set_index("indicator_id")["source_table"]
    table["realisasi_source_table"] = table["indicator_id"].map(sources)
    table["kategori"] = table["ambition"].map(AMBITION_LABELS).fillna(table["ambition"])
    table["catatan"] = table.apply(comparison_note, axis=1, base=base, planned=planned)
    return table


def ambition_source(analysis: PlanAnalysis, rows: pd.DataFrame) -> str:
    """The source of the target tables: the PK and the tables of the realisations."""
    realised = table_range(rows["realisasi_source_table"].dropna())
    return f"{plan_source(analysis)}; realisasi {analysis.base_year}: {realised}"


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


def ambition_table(
    rows: pd.DataFrame, base: int, planned: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
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
            f"Realisasi {base}": rows["realisasi_raw"].map(_text),
            f"Target {planned}": rows["target_plan_raw"].map(_text),
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
            "target_plan_raw",
            "target_plan",
            "target_plan_line",
            "direction",
            "ambition",
            "kategori",
            "catatan",
        ]
    ]
    return shown, with_years(exact.reset_index(drop=True), base, planned)


def ambition_markdown(rows: pd.DataFrame, base: int, planned: int) -> str:
    """Sentences on how ambitious the plan-year targets are."""
    counts = rows["kategori"].value_counts()
    comparable = len(rows) - int(counts.get(NOT_COMPARABLE, 0))
    less = rows[rows["kategori"] == LESS]
    text = (
        f"Dari {_count(len(rows))} target yang terhubung ke indikator IKU, "
        f"{_count(comparable)} dapat dibandingkan dengan realisasi {base}. "
        f"{_count(counts.get(MORE, 0))} target lebih ambisius (lebih baik daripada yang sudah "
        f"dicapai), {_count(counts.get(SAME, 0))} setara, dan {_count(counts.get(LESS, 0))} "
        f"kurang ambisius: target {planned} lebih buruk daripada realisasi {base}, "
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


def show_ambition(page: Page, analysis: PlanAnalysis, rows: pd.DataFrame) -> None:
    """Targets section: sentences and the chart per sasaran (the table comes at the end)."""
    base, planned = analysis.base_year, analysis.year
    show_markdown(ambition_markdown(rows, base, planned))
    counts = ambition_counts(rows)
    title = f"Target {planned} dibanding realisasi {base}, per sasaran"
    totals = counts.groupby("kategori")["jumlah"].sum()
    page.figure(
        ambition_chart(counts, title),
        title=title,
        source=ambition_source(analysis, rows),
        label="ambisi-target",
        data=counts,
        description=(
            "Diagram batang bertumpuk jumlah indikator per sasaran: "
            + ", ".join(f"{label} {_count(totals.get(label, 0))}" for label in AMBITION_COLOURS)
            + ". Rincian per indikator ada pada tabel di akhir halaman."
        ),
    )


def show_ambition_table(page: Page, analysis: PlanAnalysis, rows: pd.DataFrame) -> None:
    """The sortable table of every target beside its base-year realisation."""
    base, planned = analysis.base_year, analysis.year
    shown, exact = ambition_table(rows, base, planned)
    page.table(
        shown,
        title=f"Target Perjanjian Kinerja {planned} dan realisasi {base} per indikator",
        source=ambition_source(analysis, rows),
        label="target-dan-realisasi",
        data=exact,
        numeric=[f"Realisasi {base}", f"Target {planned}"],
        sortable=True,
    )


# --- budget per program --------------------------------------------------------------------------


def change_rows(analysis: PlanAnalysis) -> pd.DataFrame:
    """`plan.budget_change` with the years in its names, and reader labels: status, match
    kind and similarity score."""
    base, planned = analysis.base_year, analysis.year
    table = with_years(analysis.budget_change, base, planned)
    names = status_names(base, planned)
    scores = table["match_basis"].str.extract(SIMILAR)["score"].astype(float)
    table["skor"] = scores
    table["status"] = table["match"].map(names).fillna(table["match"])
    table["pencocokan"] = "nama sama"
    table.loc[scores.notna(), "pencocokan"] = "nama mirip"
    table.loc[table["match"] != plan.BOTH, "pencocokan"] = "tidak ada pasangan"
    table["pencocokan_teks"] = table["pencocokan"]
    similar = scores.notna()
    table.loc[similar, "pencocokan_teks"] = [
        f"nama mirip (skor {format_number(score, 2)})" for score in scores[similar]
    ]
    table.loc[table["match"] != plan.BOTH, "pencocokan_teks"] = table["status"]
    table["pencocokan_singkat"] = table["pencocokan"].map(
        {"nama sama": "sama", "nama mirip": "mirip"}
    )
    table.loc[similar, "pencocokan_singkat"] = [
        f"mirip {format_number(score, 2)}" for score in scores[similar]
    ]
    short = {f"only {base}": f"hanya {base}", f"only {planned}": f"hanya {planned}"}
    unmatched = table["match"] != plan.BOTH
    table.loc[unmatched, "pencocokan_singkat"] = table.loc[unmatched, "match"].map(short)
    return table


def match_summary(rows: pd.DataFrame, base: int, planned: int) -> pd.DataFrame:
    """Programs and budget of each year by status (in both years, base only, plan only)."""
    names = status_names(base, planned)
    grouped = rows.groupby("match")
    table = pd.DataFrame(
        {
            "program": grouped.size(),
            f"anggaran_{base}": grouped[f"anggaran_{base}"].sum(min_count=1).fillna(0.0),
            f"anggaran_{planned}": grouped[f"anggaran_{planned}"].sum(min_count=1).fillna(0.0),
        }
    ).reindex(list(names), fill_value=0)
    table["status"] = [names[key] for key in table.index]
    return table.rename_axis("match").reset_index()


def similar_table(rows: pd.DataFrame, base: int, planned: int, base_table: str) -> tuple:
    """(shown, exact): the programs paired by a similar (not identical) name, with the score."""
    similar = rows[rows["skor"].notna()].sort_values(["skor", "program"])
    shown = pd.DataFrame(
        {
            "Skor": similar["skor"].map(lambda v: format_number(v, 2)),
            f"Nama di {base_table} ({base})": similar[f"program_{base}"],
            f"Nama di PK {planned}": similar[f"program_{planned}"],
        }
    )
    columns = ["program_key", f"program_{base}", f"program_{planned}", "skor"]
    exact = similar[[*columns, f"anggaran_{base}", f"anggaran_{planned}"]]
    return shown, exact.reset_index(drop=True)


def change_table(rows: pd.DataFrame, base: int, planned: int) -> tuple:
    """(shown, exact): every program of either year with both budgets and the change."""
    shown = pd.DataFrame(
        {
            "Nama": rows["pencocokan_singkat"],
            "Program": rows["program"],
            f"Anggaran {base} (Rp)": rows[f"anggaran_{base}"].map(rupiah_cell),
            f"Anggaran {planned} (Rp)": rows[f"anggaran_{planned}"].map(rupiah_cell),
            "Perubahan": rows[f"change_vs_anggaran_{base}_pct"].map(_percent),
        }
    )
    exact = rows[
        [
            "program_key",
            f"program_{base}",
            f"program_{planned}",
            f"rows_{base}",
            f"rows_{planned}",
            f"anggaran_{base}",
            f"realisasi_{base}",
            f"anggaran_{planned}",
            f"change_vs_anggaran_{base}",
            f"change_vs_anggaran_{base}_pct",
            f"change_vs_realisasi_{base}_pct",
            "match",
            "match_basis",
            "skor",
        ]
    ]
    return shown, exact.reset_index(drop=True)


def change_markdown(rows: pd.DataFrame, base: int, planned: int, base_table: str) -> str:
    """Sentences on the budget change: matching, the largest moves, the unmatched money."""
    summary = match_summary(rows, base, planned).set_index("match")
    only_base, only_plan = f"only {base}", f"only {planned}"
    both = rows[rows["match"] == plan.BOTH].dropna(subset=[f"change_vs_anggaran_{base}"])
    similar = int(rows["skor"].notna().sum())
    rise = both.sort_values(f"change_vs_anggaran_{base}", ascending=False).iloc[0]
    fall = both.sort_values(f"change_vs_anggaran_{base}").iloc[0]
    text = (
        f"Program dicocokkan menurut namanya. {_count(summary.loc[plan.BOTH, 'program'])} "
        f"program ada di kedua tahun ({_count(similar)} di antaranya dengan nama yang ditulis "
        f"sedikit berbeda; lihat tabel pasangan nama mirip). "
        f"{_count(summary.loc[only_base, 'program'])} program hanya ada di {base_table} "
        f"({format_rupiah(summary.loc[only_base, f'anggaran_{base}'])}) dan "
        f"{_count(summary.loc[only_plan, 'program'])} hanya di PK {planned} "
        f"({format_rupiah(summary.loc[only_plan, f'anggaran_{planned}'])}); sebagian mungkin "
        f"program yang sama dengan nama yang sangat berbeda, sehingga tidak dipasangkan."
    )
    plan_only = rows[rows["match"] == only_plan].sort_values(f"anggaran_{planned}", ascending=False)
    if len(plan_only):
        top = plan_only.iloc[0]
        text += (
            f" Program terbesar yang hanya ada di PK {planned} adalah "
            f"*{markdown_text(top['program'])}* "
            f"({format_rupiah(top[f'anggaran_{planned}'])})."
        )
    text += (
        f" Di antara program yang ada di kedua tahun, kenaikan terbesar dalam rupiah adalah "
        f"*{markdown_text(rise['program'])}* ({format_rupiah(rise[f'anggaran_{base}'])} menjadi "
        f"{format_rupiah(rise[f'anggaran_{planned}'])}), dan penurunan terbesar "
        f"*{markdown_text(fall['program'])}* "
        f"({format_rupiah(fall[f'anggaran_{base}'])} menjadi "
        f"{format_rupiah(fall[f'anggaran_{planned}'])}). Anggaran {base} di sini adalah jumlah "
        f"baris {base_table} tanpa baris ganda, termasuk baris yang ditandai di bab Akuntabilitas "
        f"keuangan."
    )
    return text


def show_budget_change(page: Page, analysis: PlanAnalysis) -> None:
    """Budget section: sentences, totals by status, the scatter and the similar names."""
    base, planned = analysis.base_year, analysis.year
    base_table = table_range(analysis.base.data.budget["source_table"])
    source = budget_source(analysis)
    rows = change_rows(analysis)
    show_markdown(change_markdown(rows, base, planned, base_table))
    summary = match_summary(rows, base, planned)
    totals = match_totals_data(summary, base, planned)
    title = f"Anggaran {base} dan {planned} menurut status pencocokan program"
    page.figure(
        match_totals_chart(totals, title),
        title=title,
        source=source,
        label="anggaran-per-status",
        data=summary,
        description=(
            "Diagram batang anggaran per tahun untuk program yang ada di kedua tahun, hanya di "
            f"{base} dan hanya di {planned}: "
            + "; ".join(
                f"{row.status}: {_count(row.program)} program, "
                f"{format_rupiah(getattr(row, f'anggaran_{base}'))} ({base}), "
                f"{format_rupiah(getattr(row, f'anggaran_{planned}'))} ({planned})"
                for row in summary.itertuples()
            )
            + "."
        ),
    )
    scatter = budget_scatter_data(rows, base, planned)
    above = int((scatter[f"anggaran_{planned}"] > scatter[f"anggaran_{base}"]).sum())
    title = f"Anggaran {planned} terhadap anggaran {base} per program"
    page.figure(
        budget_scatter(scatter, title, base, planned),
        title=title,
        source=source,
        label="anggaran-per-program",
        data=scatter,
        description=(
            f"Diagram sebar {_count(len(scatter))} program yang ada di kedua tahun dan beranggaran "
            f"di keduanya, sumbu logaritmik. {_count(above)} program berada di atas garis "
            f"diagonal (anggaran {planned} lebih besar) dan {_count(len(scatter) - above)} di "
            f"bawahnya atau tepat pada garis."
        ),
    )
    shown, exact = similar_table(rows, base, planned, base_table)
    if len(shown):
        page.table(
            shown,
            title=f"Program yang dipasangkan karena namanya mirip ({base} dan {planned})",
            source=source,
            label="nama-mirip",
            data=exact,
            numeric=["Skor"],
        )


def show_change_table(page: Page, analysis: PlanAnalysis) -> None:
    """The sortable table of every program of either year, with a key to its first column."""
    base, planned = analysis.base_year, analysis.year
    base_table = table_range(analysis.base.data.budget["source_table"])
    show_markdown(
        "Klik judul kolom untuk mengurutkan tabel. Kolom *Nama*: *sama* berarti nama program "
        f"sama di {base_table} dan PK {planned}; *mirip* berarti nama ditulis sedikit berbeda "
        f"(dengan skor kemiripannya; {format_number(1, 2)} = sama persis tanpa spasi); "
        f"*hanya {base}* atau "
        f"*hanya {planned}* berarti program hanya ditemukan di satu tahun."
    )
    shown, exact = change_table(change_rows(analysis), base, planned)
    page.table(
        shown,
        title=f"Anggaran {planned} dibanding anggaran {base} per program",
        source=budget_source(analysis),
        label="perubahan-anggaran",
        data=exact,
        numeric=[f"Anggaran {base} (Rp)", f"Anggaran {planned} (Rp)", "Perubahan"],
        sortable=True,
    )


# --- totals --------------------------------------------------------------------------------------


def totals_rows(analysis: PlanAnalysis) -> pd.DataFrame:
    """`analysis.totals` with reader labels naming the PK, in the columns the page shows."""
    planned = analysis.year
    labels = {
        "all_rows": f"Jumlah semua baris program PK {planned}",
        "rows_without_duplicates": f"Jumlah baris PK {planned} tanpa baris ganda",
        "printed_jumlah": f"Jumlah tercetak PK {planned}",
    }
    table = analysis.totals.assign(total=analysis.totals["total"].map(labels))
    return table[["total", "anggaran", "basis", "anggaran_minus_printed_jumlah", "rows"]]


def totals_markdown(analysis: PlanAnalysis, totals: pd.DataFrame) -> str:
    """Sentences on the PK's totals and the rows that repeat figures."""
    planned = analysis.year
    all_rows, unique, printed = (totals.iloc[i] for i in range(3))
    gap = printed["anggaran"] - all_rows["anggaran"]
    repeated = budget.repeated_figures(budget.budget_rows(analysis.data.budget))
    text = (
        f"Jumlah yang tercetak di PK {planned} adalah {rupiah_exact(printed['anggaran'])}: "
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
    base_budget = analysis.base.data.budget
    base_total = budget.budget_sums(base_budget)["anggaran_without_duplicates"]
    text += (
        f" Sebagai pembanding, baris {table_range(base_budget['source_table'])} (tanpa baris "
        f"ganda) berjumlah {format_rupiah(base_total)} untuk {analysis.base_year}."
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


def show_totals(page: Page, analysis: PlanAnalysis) -> None:
    """Totals section: sentences and table."""
    totals = totals_rows(analysis)
    show_markdown(totals_markdown(analysis, totals))
    page.table(
        totals_table(totals),
        title=f"Jumlah anggaran program PK {analysis.year}: tercetak dan dihitung dari baris",
        source=table_range(analysis.data.budget["source_table"]),
        label="total-pk",
        data=totals,
        numeric=["Baris", "Anggaran (Rp)", "Selisih thd. Jumlah tercetak (Rp)"],
    )


# --- headline figures ----------------------------------------------------------------------------


def plan_figures(analysis: PlanAnalysis, rows: pd.DataFrame) -> dict[str, str]:
    """Every number the chapter's fixed text quotes, formatted; keys are glue names.

    `rows` is `ambition_rows(analysis)`.
    """
    base, planned = analysis.base_year, analysis.year
    counts = rows["kategori"].value_counts()
    statuses = change_rows(analysis)["match"].value_counts()
    totals = analysis.totals
    return {
        "plan_year": str(planned),
        "base_year": str(base),
        "plan_in": analysis.document.source_title,
        "pk_targets": _count(len(analysis.data.targets)),
        "linked_targets": _count(len(rows)),
        "more": _count(counts.get(MORE, 0)),
        "less": _count(counts.get(LESS, 0)),
        "plan_programs": _count(len(budget.budget_rows(analysis.data.budget))),
        "matched": _count(statuses.get(plan.BOTH, 0)),
        "only_plan": _count(statuses.get(f"only {planned}", 0)),
        "only_base": _count(statuses.get(f"only {base}", 0)),
        "printed_total": format_rupiah(totals["anggaran"].iloc[2]),
        "rows_total": format_rupiah(totals["anggaran"].iloc[0]),
        "total_gap": format_rupiah(abs(totals["anggaran_minus_printed_jumlah"].iloc[0])),
    }
