"""Views for the chapter "Perbandingan antar tahun": a realisation year against the previous
realisation year of its plan period.

Per indicator, the change of the realisation read with its polarity and the change of capaian
(`comparison.indicator_change`); per sasaran, the change of mean capaian and of the share of
indicators that met their target (`comparison.aggregate_change`); per program, absorption and
allocation in both years, with programs found in one year only listed as such
(`comparison.program_change`); and the pace achieved between the two years against the pace
needed to reach the plan period's end target (`comparison.trajectory_pace`).
"""

from __future__ import annotations

import math
import re

import pandas as pd

from binjai_analysis.analysis import comparison as cmp
from binjai_analysis.analysis.comparison import Comparison, run_comparison
from binjai_analysis.analysis.year import options_from_params
from binjai_analysis.charts.comparison import (
    PACE_COLOURS,
    READING_COLOURS,
    absorption_scatter,
    pace_chart,
    reading_chart,
    sasaran_means_chart,
)
from binjai_analysis.formatting import (
    bounds_phrase,
    format_count,
    format_number,
    format_rupiah,
    format_text,
    markdown_text,
    percent_text,
    rupiah_cell,
    signed,
    table_range,
)
from binjai_analysis.notebook import data, errata, show_markdown
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page

PACE_LABELS = {
    cmp.REACHED: "target akhir tercapai",
    cmp.ON_PACE: "cukup cepat",
    cmp.TOO_SLOW: "terlalu lambat",
    cmp.NOT_IMPROVING: "tidak membaik",
    cmp.NOT_ASSESSABLE: "tidak dapat dinilai",
}
"""`comparison.trajectory_pace`'s statuses for readers (the chart's categories)."""
POLARITY_SHORT = {"higher": "makin tinggi", "lower": "makin rendah", "qualitative": "kategori"}
"""Polarity for a narrow column headed 'Baik bila'."""
TOP = 3
"""How many indicators the narrative names for the largest rise and fall of capaian."""

_count = format_count


def comparison_for(settings: YearParams) -> Comparison:
    """The year of `settings` against the previous realisation year, both with its options."""
    return run_comparison(data(), settings.year, options_from_params(settings.analysis), errata())


# --- labels and formats --------------------------------------------------------------------------


def with_years(frame: pd.DataFrame, previous: int, year: int) -> pd.DataFrame:
    """`frame` with `*_previous` / `*_current` columns and `presence` labels written with the
    years, as readers and downloads see them.

    Examples:
        >>> frame = pd.DataFrame({"mean_previous": [1.0], "presence": [cmp.ONLY_CURRENT]})
        >>> with_years(frame, 7, 8).to_dict("records")
        [{'mean_7': 1.0, 'presence': 'only 8'}]
    """
    renamed = frame.rename(
        columns=lambda name: re.sub(
            r"_(previous|current)(?=_|$)",
            lambda m: f"_{previous if m[1] == 'previous' else year}",
            name,
        )
    )
    if "presence" in renamed:
        labels = {cmp.ONLY_PREVIOUS: f"only {previous}", cmp.ONLY_CURRENT: f"only {year}"}
        renamed["presence"] = renamed["presence"].replace(labels)
    return renamed


def presence_labels(previous: int, year: int) -> dict[str, str]:
    """`presence` for readers."""
    return {
        cmp.BOTH: f"ada di {previous} dan {year}",
        cmp.ONLY_PREVIOUS: f"hanya di {previous}",
        cmp.ONLY_CURRENT: f"hanya di {year}",
    }


def points(value: object, decimals: int = 1) -> str:
    """A change in percentage points with its sign; a dash when missing.

    Examples:
        >>> points(12.64), points(-0.04), points(float("nan"))
        ('+12,6', '0,0', '–')
    """
    if value is None or pd.isna(value):
        return "–"
    return signed(float(value), decimals)


def figure(value: object) -> str:
    """A figure in an indicator's own unit: up to 2 decimals (more for small ones, so they do
    not read as 0), trailing zeros dropped; a dash when missing.

    Examples:
        >>> figure(1.5749), figure(0.00291), figure(320756.4), figure(-2.0), figure(None)
        ('1,57', '0,0029', '320.756', '−2', '–')
    """
    if value is None or pd.isna(value):
        return "–"
    number = float(value)
    magnitude = abs(number)
    if magnitude >= 1000:
        decimals = 0
    elif magnitude >= 1 or magnitude == 0:
        decimals = 2
    else:
        decimals = min(6, 1 - math.floor(math.log10(magnitude)))
    text = format_number(magnitude, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"−{text}" if number < 0 and text != "0" else text


def results_source(comparison: Comparison) -> str:
    """The realisation tables of both years, e.g. 'Tabel 3.3–3.17 (LKjIP of both years)'."""
    before = table_range(comparison.previous.results["source_table"])
    after = table_range(comparison.current.results["source_table"])
    previous, year = comparison.previous_year, comparison.year
    if before == after:
        return f"{after} ({previous} dan {year})"
    return f"{before} ({previous}) dan {after} ({year})"


def budget_source(comparison: Comparison) -> str:
    """The budget tables of both years."""
    before = table_range(comparison.previous.data.budget["source_table"])
    after = table_range(comparison.current.data.budget["source_table"])
    previous, year = comparison.previous_year, comparison.year
    if before == after:
        return f"{after} ({previous} dan {year})"
    return f"{before} ({previous}) dan {after} ({year})"


def pace_source(comparison: Comparison) -> str:
    """The RPJMD targets and the realisation tables of both years."""
    plan = table_range(comparison.current.data.rpjmd_targets["source_table"])
    return f"target RPJMD {plan}; realisasi {results_source(comparison)}"


def _sasaran(comparison: Comparison) -> pd.DataFrame:
    """The framework's sasaran (both years share one plan period), indexed by id."""
    return comparison.current.data.framework.sasaran.set_index("sasaran_id")


# --- headline figures ----------------------------------------------------------------------------


def comparison_figures(comparison: Comparison) -> dict[str, str]:
    """Every number the chapter's fixed text quotes, formatted; keys are glue names."""
    indicators = comparison.indicators
    readings = indicators["reading"].value_counts()
    presence = indicators["presence"].value_counts()
    overall = comparison.overall.iloc[0]
    budget = comparison.budget.set_index("measure")
    programs = comparison.programs["presence"].value_counts()
    paces = comparison.pace["pace"].value_counts()
    return {
        "year": str(comparison.year),
        "previous_year": str(comparison.previous_year),
        "plan_end": str(comparison.period.end),
        "period_title": comparison.period.title,
        "indicators": _count(len(indicators)),
        "compared": _count(len(indicators) - int(readings.get(cmp.NOT_COMPARABLE, 0))),
        "improved": _count(readings.get(cmp.IMPROVED, 0)),
        "unchanged": _count(readings.get(cmp.UNCHANGED, 0)),
        "worsened": _count(readings.get(cmp.WORSENED, 0)),
        "not_comparable": _count(readings.get(cmp.NOT_COMPARABLE, 0)),
        "indicators_only_previous": _count(presence.get(cmp.ONLY_PREVIOUS, 0)),
        "indicators_only_current": _count(presence.get(cmp.ONLY_CURRENT, 0)),
        "mean_previous": percent_text(overall["mean_previous"]),
        "mean_current": percent_text(overall["mean_current"]),
        "mean_change": points(overall["mean_change"]),
        "met_share_previous": percent_text(overall["share_met_pct_previous"]),
        "met_share_current": percent_text(overall["share_met_pct_current"]),
        "met_share_change": points(overall["share_met_change"]),
        "absorption_previous": percent_text(budget.loc["weighted_pct", "previous"]),
        "absorption_current": percent_text(budget.loc["weighted_pct", "current"]),
        "absorption_change": points(budget.loc["weighted_pct", "change"]),
        "anggaran_previous": format_rupiah(budget.loc["anggaran", "previous"]),
        "anggaran_current": format_rupiah(budget.loc["anggaran", "current"]),
        "programs_both": _count(programs.get(cmp.BOTH, 0)),
        "programs_only_previous": _count(programs.get(cmp.ONLY_PREVIOUS, 0)),
        "programs_only_current": _count(programs.get(cmp.ONLY_CURRENT, 0)),
        "pace_total": _count(len(comparison.pace)),
        "pace_reached": _count(paces.get(cmp.REACHED, 0)),
        "pace_on": _count(paces.get(cmp.ON_PACE, 0)),
        "pace_slow": _count(paces.get(cmp.TOO_SLOW, 0)),
        "pace_not_improving": _count(paces.get(cmp.NOT_IMPROVING, 0)),
        "pace_not_assessable": _count(paces.get(cmp.NOT_ASSESSABLE, 0)),
    }


def show_method(comparison: Comparison) -> None:
    """How the page compares: which year, which options, how a change is read."""
    previous, year = comparison.previous_year, comparison.year
    options = comparison.current.options
    show_markdown(
        f"Tahun pembanding adalah {previous}: tahun realisasi terakhir sebelum {year} dalam "
        f"periode {markdown_text(comparison.period.title)}. Kedua tahun dihitung dengan "
        f"pilihan analisis yang sama, yaitu pilihan tahun {year} "
        f"({bounds_phrase(options.cap, options.floor)}), sehingga angka {previous} di halaman ini "
        f"dapat berbeda dari halaman tahun {previous} bila pilihan tahun itu lain.\n\n"
        "- **Membaik, tetap, memburuk** dibaca dari realisasi menurut arah indikator: untuk "
        "indikator yang makin tinggi makin baik, realisasi yang naik berarti membaik; untuk "
        "yang makin rendah makin baik (misalnya angka kemiskinan), realisasi yang turun "
        "berarti membaik. Indikator kategori (opini BPK, nilai AKIP) dibandingkan menurut "
        "peringkatnya.\n"
        "- **Perubahan capaian** adalah selisih capaian kedua tahun, dalam poin persentase. "
        "Capaian diukur terhadap target tahunan masing-masing tahun, jadi capaian dapat turun "
        "walaupun realisasi membaik bila targetnya naik lebih cepat.\n"
        "- Indikator, sasaran atau program yang hanya ada di salah satu tahun tetap "
        "ditampilkan, dengan keterangan tahunnya."
    )


# --- indicators ----------------------------------------------------------------------------------


def category_counts(
    rows: pd.DataFrame, column: str, categories: list[str], comparison: Comparison
) -> pd.DataFrame:
    """Indicators per sasaran and category of `column` (every combination, zeros included),
    with the sasaran's label and statement; columns sasaran, sasaran_no, pernyataan,
    kategori, jumlah."""
    sasaran = _sasaran(comparison)
    numbers = rows["sasaran_id"].map(sasaran["sasaran_no"]).astype(int)
    grid = pd.MultiIndex.from_product(
        [sorted(numbers.unique()), categories], names=["sasaran_no", "kategori"]
    )
    counts = (
        rows.assign(sasaran_no=numbers, kategori=rows[column])
        .groupby(["sasaran_no", "kategori"])
        .size()
        .reindex(grid, fill_value=0)
        .rename("jumlah")
        .reset_index()
    )
    statements = sasaran.set_index("sasaran_no")["statement"]
    counts["sasaran"] = "Sasaran " + counts["sasaran_no"].astype(str)
    counts["pernyataan"] = counts["sasaran_no"].map(statements)
    return counts[["sasaran", "sasaran_no", "pernyataan", "kategori", "jumlah"]]


def _named(rows: pd.DataFrame) -> str:
    return "; ".join(
        f"{markdown_text(row.name)} ({markdown_text(row.indicator_id)}, "
        f"{points(row.capaian_change)} poin)"
        for row in rows.itertuples()
    )


def indicator_markdown(comparison: Comparison) -> str:
    """Sentences on the indicators: how many got better or worse, the largest changes of
    capaian, and the indicators found in one year only."""
    previous, year = comparison.previous_year, comparison.year
    rows = comparison.indicators
    counts = rows["reading"].value_counts()
    comparable = len(rows) - int(counts.get(cmp.NOT_COMPARABLE, 0))
    text = (
        f"Dari {_count(len(rows))} indikator, {_count(comparable)} dapat dibandingkan antara "
        f"{previous} dan {year}: {_count(counts.get(cmp.IMPROVED, 0))} membaik, "
        f"{_count(counts.get(cmp.UNCHANGED, 0))} tetap dan "
        f"{_count(counts.get(cmp.WORSENED, 0))} memburuk."
    )
    changes = rows.dropna(subset=["capaian_change"])
    changes = changes[changes["capaian_change"] != 0]
    rises = changes[changes["capaian_change"] > 0].sort_values(
        ["capaian_change", "indicator_id"], ascending=[False, True]
    )
    falls = changes[changes["capaian_change"] < 0].sort_values(["capaian_change", "indicator_id"])
    if len(rises):
        text += f" Capaian yang paling naik: {_named(rises.head(TOP))}."
    if len(falls):
        text += f" Capaian yang paling turun: {_named(falls.head(TOP))}."
    for presence, label in ((cmp.ONLY_PREVIOUS, previous), (cmp.ONLY_CURRENT, year)):
        only = rows[rows["presence"] == presence]
        if len(only):
            codes = ", ".join(markdown_text(code) for code in only["indicator_id"])
            text += f" {_count(len(only))} indikator hanya dilaporkan pada {label}: {codes}."
    return text


def show_indicator_change(page: Page, comparison: Comparison) -> None:
    """Indicators section: sentences and the readings per sasaran."""
    previous, year = comparison.previous_year, comparison.year
    show_markdown(indicator_markdown(comparison))
    counts = category_counts(comparison.indicators, "reading", list(READING_COLOURS), comparison)
    totals = counts.groupby("kategori")["jumlah"].sum()
    title = f"Perubahan indikator dari {previous} ke {year}, per sasaran"
    page.figure(
        reading_chart(counts, title),
        title=title,
        source=results_source(comparison),
        label="perubahan-indikator",
        data=counts,
        description=(
            "Diagram batang bertumpuk jumlah indikator per sasaran: "
            + ", ".join(f"{label} {_count(totals.get(label, 0))}" for label in READING_COLOURS)
            + ". Rincian per indikator ada pada tabel di akhir halaman."
        ),
    )


def indicator_table(comparison: Comparison) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every indicator of either year, realisation and capaian in both."""
    previous, year = comparison.previous_year, comparison.year
    rows = comparison.indicators
    presence = presence_labels(previous, year)
    reading = [
        r if p == cmp.BOTH else f"{r} ({presence[p]})"
        for r, p in zip(rows["reading"], rows["presence"], strict=True)
    ]
    shown = pd.DataFrame(
        {
            "Kode": rows["indicator_id"],
            "Indikator": rows["name"],
            "Perubahan": reading,
            "Baik bila": rows["polarity"].map(POLARITY_SHORT).fillna("–"),
            f"Realisasi {previous}": rows["realisasi_raw_previous"].map(format_text),
            f"Realisasi {year}": rows["realisasi_raw_current"].map(format_text),
            f"Capaian {previous}": rows["capaian_previous"].map(percent_text),
            f"Capaian {year}": rows["capaian_current"].map(percent_text),
            "Perubahan capaian (poin)": rows["capaian_change"].map(points),
        }
    )
    return shown, with_years(rows, previous, year)


def show_indicator_table(page: Page, comparison: Comparison) -> None:
    """The sortable table of every indicator in both years."""
    previous, year = comparison.previous_year, comparison.year
    shown, exact = indicator_table(comparison)
    page.table(
        shown,
        title=f"Realisasi dan capaian setiap indikator, {previous} dan {year}",
        source=results_source(comparison),
        label="perubahan-indikator",
        data=exact,
        numeric=[
            f"Realisasi {previous}",
            f"Realisasi {year}",
            f"Capaian {previous}",
            f"Capaian {year}",
            "Perubahan capaian (poin)",
        ],
        sortable=True,
    )


# --- sasaran -------------------------------------------------------------------------------------


def sasaran_markdown(comparison: Comparison) -> str:
    """Sentences on the sasaran whose mean capaian rose and fell most."""
    previous, year = comparison.previous_year, comparison.year
    table = comparison.sasaran.dropna(subset=["mean_change"])
    numbers = _sasaran(comparison)["sasaran_no"]
    up = table[table["mean_change"] > 0]
    down = table[table["mean_change"] < 0]
    text = (
        f"Rata-rata capaian naik pada {_count(len(up))} sasaran dan turun pada "
        f"{_count(len(down))} sasaran dari {_count(len(comparison.sasaran))} sasaran."
    )
    if len(table):
        best = table.sort_values(["mean_change", "sasaran"]).iloc[-1]
        worst = table.sort_values(["mean_change", "sasaran"]).iloc[0]
        text += (
            f" Kenaikan terbesar pada sasaran {int(numbers[best['sasaran']])} "
            f"({points(best['mean_change'])} poin), penurunan terbesar pada sasaran "
            f"{int(numbers[worst['sasaran']])} ({points(worst['mean_change'])} poin)."
        )
    text += (
        f" Bagian indikator yang memenuhi target (capaian ≥ 100 %) dihitung di antara "
        f"indikator yang capaiannya dapat dihitung pada tahun itu; jumlahnya dapat berbeda "
        f"antara {previous} dan {year}."
    )
    return text


def sasaran_means(comparison: Comparison) -> pd.DataFrame:
    """Long table for the chart: the mean capaian of each sasaran in each year."""
    sasaran = _sasaran(comparison)
    table = comparison.sasaran
    rows = []
    for column, year in (
        ("mean_previous", comparison.previous_year),
        ("mean_current", comparison.year),
    ):
        for sasaran_id, mean in zip(table["sasaran"], table[column], strict=True):
            if pd.isna(mean):
                continue
            number = int(sasaran.loc[sasaran_id, "sasaran_no"])
            rows.append(
                {
                    "sasaran": f"Sasaran {number}",
                    "sasaran_no": number,
                    "pernyataan": sasaran.loc[sasaran_id, "statement"],
                    "tahun": str(year),
                    "rata_rata": float(mean),
                }
            )
    return pd.DataFrame(rows)


def sasaran_table(comparison: Comparison) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): per sasaran, mean capaian and the share that met the target."""
    previous, year = comparison.previous_year, comparison.year
    table = comparison.sasaran
    sasaran = _sasaran(comparison)
    presence = presence_labels(previous, year)

    def counted(met: object, usable: object, share: object) -> str:
        if pd.isna(usable) or not usable:
            return "–"
        return f"{_count(met)} dari {_count(usable)} ({percent_text(share)})"

    shown = pd.DataFrame(
        {
            "Sasaran": table["sasaran"].map(sasaran["sasaran_no"]).astype(int),
            "Pernyataan": table["sasaran"].map(sasaran["statement"]),
            f"Rata-rata {previous}": table["mean_previous"].map(percent_text),
            f"Rata-rata {year}": table["mean_current"].map(percent_text),
            "Perubahan (poin)": table["mean_change"].map(points),
            f"Memenuhi target {previous}": [
                counted(*values)
                for values in zip(
                    table["met_previous"],
                    table["usable_previous"],
                    table["share_met_pct_previous"],
                    strict=True,
                )
            ],
            f"Memenuhi target {year}": [
                counted(*values)
                for values in zip(
                    table["met_current"],
                    table["usable_current"],
                    table["share_met_pct_current"],
                    strict=True,
                )
            ],
            "Perubahan bagian yang memenuhi (poin)": table["share_met_change"].map(points),
        }
    )
    only = table["presence"] != cmp.BOTH
    shown.loc[only, "Pernyataan"] = [
        f"{statement} ({presence[p]})"
        for statement, p in zip(
            shown.loc[only, "Pernyataan"], table.loc[only, "presence"], strict=True
        )
    ]
    return shown, with_years(table, previous, year)


def show_sasaran_change(page: Page, comparison: Comparison) -> None:
    """Sasaran section: sentences, the chart of means and the table."""
    previous, year = comparison.previous_year, comparison.year
    show_markdown(sasaran_markdown(comparison))
    means = sasaran_means(comparison)
    title = f"Rata-rata capaian per sasaran, {previous} dan {year}"
    page.figure(
        sasaran_means_chart(means, title, [str(previous), str(year)]),
        title=title,
        source=results_source(comparison),
        label="rata-rata-sasaran",
        data=means,
        description=(
            f"Satu baris per sasaran dengan dua titik: rata-rata capaian {previous} dan {year}. "
            "Angkanya ada pada tabel di bawah."
        ),
    )
    shown, exact = sasaran_table(comparison)
    page.table(
        shown,
        title=f"Rata-rata capaian dan indikator yang memenuhi target per sasaran, {previous} "
        f"dan {year}",
        source=results_source(comparison),
        label="perubahan-sasaran",
        data=exact,
        numeric=[c for c in shown.columns if c != "Pernyataan"],
    )


# --- budget --------------------------------------------------------------------------------------

BUDGET_LABELS = {
    "programs": ("Baris program yang dihitung", "count"),
    "excluded": ("Baris yang ditandai dan tidak dihitung", "count"),
    "anggaran": ("Anggaran (Rp)", "rupiah"),
    "realisasi": ("Realisasi (Rp)", "rupiah"),
    "weighted_pct": ("Serapan keseluruhan (%)", "percent"),
    "median_pct": ("Median serapan per program (%)", "percent"),
}
"""`comparison.BUDGET_MEASURES` for readers, with how each is formatted."""


def _budget_cell(value: float, kind: str, change: bool = False) -> str:
    if kind == "rupiah":
        text = rupiah_cell(value)
        return f"+{text}" if change and value > 0 else text
    if kind == "percent":
        return points(value) if change else format_number(value, 1)
    return signed(value, 0) if change else _count(value)


def budget_table(comparison: Comparison) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the budget's totals and absorption in both years."""
    previous, year = comparison.previous_year, comparison.year
    table = comparison.budget
    kinds = [BUDGET_LABELS[m][1] for m in table["measure"]]
    shown = pd.DataFrame(
        {
            "Ukuran": [BUDGET_LABELS[m][0] for m in table["measure"]],
            str(previous): [
                _budget_cell(v, k) for v, k in zip(table["previous"], kinds, strict=True)
            ],
            str(year): [_budget_cell(v, k) for v, k in zip(table["current"], kinds, strict=True)],
            "Perubahan": [
                _budget_cell(v, k, True) for v, k in zip(table["change"], kinds, strict=True)
            ],
        }
    )
    exact = table.rename(columns={"previous": str(previous), "current": str(year)})
    return shown, exact


def budget_markdown(comparison: Comparison) -> str:
    """Sentences on the budget: the totals, absorption and the programs of one year only."""
    previous, year = comparison.previous_year, comparison.year
    budget = comparison.budget.set_index("measure")
    programs = comparison.programs
    counts = programs["presence"].value_counts()
    both = programs[programs["presence"] == cmp.BOTH].dropna(subset=["absorption_change"])
    text = (
        "Anggaran program (baris yang dihitung) "
        f"{format_rupiah(budget.loc['anggaran', 'previous'])} pada {previous} dan "
        f"{format_rupiah(budget.loc['anggaran', 'current'])} pada {year}; "
        f"serapannya {percent_text(budget.loc['weighted_pct', 'previous'])} dan "
        f"{percent_text(budget.loc['weighted_pct', 'current'])} "
        f"({points(budget.loc['weighted_pct', 'change'])} poin). "
        f"Program dicocokkan menurut namanya: {_count(counts.get(cmp.BOTH, 0))} program ada di "
        f"kedua tahun, {_count(counts.get(cmp.ONLY_PREVIOUS, 0))} hanya di {previous} dan "
        f"{_count(counts.get(cmp.ONLY_CURRENT, 0))} hanya di {year}."
    )
    if len(both):
        text += (
            f" Dari {_count(len(both))} program yang serapannya dapat dibandingkan, "
            f"{_programs((both['absorption_change'] > 0).sum())} serapannya naik pada {year} "
            f"dan {_programs((both['absorption_change'] < 0).sum())} serapannya turun."
        )
    similar = programs["match_basis"].str.startswith("similar")
    if similar.any():
        text += (
            f" {_count(similar.sum())} program dipasangkan karena namanya mirip "
            "(ditulis sedikit berbeda); lihat kolom *Pencocokan*."
        )
    return text


def _programs(n: int) -> str:
    """'3 program', or 'tidak ada program' for none."""
    return f"{_count(n)} program" if n else "tidak ada program yang"


def absorption_points(comparison: Comparison) -> pd.DataFrame:
    """The programs of both years with an absorption in each, for the scatter."""
    previous, year = comparison.previous_year, comparison.year
    rows = comparison.programs
    rows = rows[rows["presence"] == cmp.BOTH].dropna(
        subset=["absorption_pct_previous", "absorption_pct_current"]
    )
    return pd.DataFrame(
        {
            "program": rows["program"],
            f"serapan_{previous}": rows["absorption_pct_previous"].astype(float),
            f"serapan_{year}": rows["absorption_pct_current"].astype(float),
            f"anggaran_{year}": rows["anggaran_current"].astype(float),
        }
    ).reset_index(drop=True)


def _match_text(basis: str, presence: str, labels: dict[str, str]) -> str:
    if presence != cmp.BOTH:
        return labels[presence]
    found = re.match(r"similar name \((?P<score>[0-9.]+)\)", basis)
    if found:
        return f"nama mirip (skor {format_number(float(found['score']), 2)})"
    return "nama sama"


def program_table(comparison: Comparison) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every program of either year, with allocation and absorption in both."""
    previous, year = comparison.previous_year, comparison.year
    rows = comparison.programs
    labels = presence_labels(previous, year)

    def absorption(value: object, flagged: object) -> str:
        if pd.isna(value) and pd.notna(flagged) and flagged > 0:
            return "ditandai"
        return percent_text(value)

    shown = pd.DataFrame(
        {
            "Program": rows["program"],
            "Pencocokan": [
                _match_text(b, p, labels)
                for b, p in zip(rows["match_basis"], rows["presence"], strict=True)
            ],
            f"Anggaran {previous} (Rp)": rows["anggaran_previous"].map(rupiah_cell),
            f"Anggaran {year} (Rp)": rows["anggaran_current"].map(rupiah_cell),
            "Perubahan anggaran": rows["anggaran_change_pct"].map(
                lambda v: "–" if pd.isna(v) else f"{points(v)}\u00a0%"
            ),
            f"Serapan {previous}": [
                absorption(v, f)
                for v, f in zip(
                    rows["absorption_pct_previous"], rows["flagged_rows_previous"], strict=True
                )
            ],
            f"Serapan {year}": [
                absorption(v, f)
                for v, f in zip(
                    rows["absorption_pct_current"], rows["flagged_rows_current"], strict=True
                )
            ],
            "Perubahan serapan (poin)": rows["absorption_change"].map(points),
        }
    )
    return shown, with_years(rows, previous, year)


def show_budget(page: Page, comparison: Comparison) -> None:
    """Budget section: sentences, the totals, the absorption scatter and the programs of one
    year only (the full table comes at the end of the page)."""
    previous, year = comparison.previous_year, comparison.year
    source = budget_source(comparison)
    show_markdown(budget_markdown(comparison))
    shown, exact = budget_table(comparison)
    page.table(
        shown,
        title=f"Anggaran, realisasi dan serapan program, {previous} dan {year}",
        source=source,
        label="ringkasan-anggaran",
        data=exact,
        numeric=[str(previous), str(year), "Perubahan"],
    )
    scatter = absorption_points(comparison)
    if len(scatter):
        title = f"Serapan anggaran per program, {previous} dan {year}"
        higher = int((scatter[f"serapan_{year}"] > scatter[f"serapan_{previous}"]).sum())
        page.figure(
            absorption_scatter(scatter, title, [str(previous), str(year)]),
            title=title,
            source=source,
            label="serapan-program",
            data=scatter,
            description=(
                f"Diagram sebar {_count(len(scatter))} program yang ada di kedua tahun: "
                f"serapan {previous} (sumbu mendatar) dan {year} (sumbu tegak). "
                f"{_count(higher)} program berada di atas garis diagonal (serapan {year} lebih "
                "tinggi). Angkanya ada pada tabel di akhir halaman."
            ),
        )
    only = comparison.programs["presence"] != cmp.BOTH
    if only.any():
        full, data_rows = program_table(comparison)
        columns = [
            "Program",
            "Pencocokan",
            f"Anggaran {previous} (Rp)",
            f"Anggaran {year} (Rp)",
            f"Serapan {previous}",
            f"Serapan {year}",
        ]
        page.table(
            full.loc[only.to_numpy(), columns].reset_index(drop=True),
            title=f"Program yang hanya ada di salah satu tahun ({previous} atau {year})",
            source=source,
            label="program-satu-tahun",
            data=data_rows[only.to_numpy()].reset_index(drop=True),
            numeric=columns[2:],
        )


def show_program_table(page: Page, comparison: Comparison) -> None:
    """The sortable table of every program of either year."""
    previous, year = comparison.previous_year, comparison.year
    shown, exact = program_table(comparison)
    show_markdown(
        "Klik judul kolom untuk mengurutkan tabel. *Serapan* = realisasi ÷ anggaran; "
        "*ditandai* berarti baris program itu tidak dihitung dalam serapan (realisasi melebihi "
        "anggaran atau angka salah tulis; lihat bab Akuntabilitas keuangan dan Kualitas data)."
    )
    page.table(
        shown,
        title=f"Anggaran dan serapan setiap program, {previous} dan {year}",
        source=budget_source(comparison),
        label="perubahan-program",
        data=exact,
        numeric=list(shown.columns[2:]),
        sortable=True,
    )


# --- pace toward the end target ------------------------------------------------------------------


def pace_rule(comparison: Comparison) -> str:
    """How the pace is judged, in Indonesian, with the years."""
    previous, year, end = comparison.previous_year, comparison.year, comparison.period.end
    span = year - previous
    per = "per tahun" if span == 1 else f"per tahun (rata-rata {_count(span)} tahun)"
    labels = PACE_LABELS
    return (
        f"Bagian ini membandingkan laju yang sungguh dicapai dengan laju yang diperlukan untuk "
        f"mencapai target akhir RPJMD {end}. *Dicapai per tahun* adalah perubahan realisasi "
        f"dari {previous} ke {year} {per}; *diperlukan per tahun* adalah perbaikan per tahun "
        f"yang diperlukan dari realisasi {previous} untuk mencapai target {end}; *masih perlu "
        f"per tahun* adalah perbaikan per tahun yang masih diperlukan dari realisasi {year}. "
        "Semuanya dihitung searah dengan arah baik indikator (angka positif berarti membaik), "
        "dalam satuan indikator.\n\n"
        f"- **{labels[cmp.REACHED].capitalize()}:** realisasi {year} sudah mencapai target "
        f"{end}.\n"
        f"- **{labels[cmp.ON_PACE].capitalize()}:** dicapai per tahun ≥ diperlukan per tahun.\n"
        f"- **{labels[cmp.TOO_SLOW].capitalize()}:** membaik, tetapi lebih lambat daripada yang "
        "diperlukan.\n"
        f"- **{labels[cmp.NOT_IMPROVING].capitalize()}:** realisasi tetap atau memburuk.\n"
        f"- **{labels[cmp.NOT_ASSESSABLE].capitalize()}:** indikator kategori, realisasi salah "
        f"satu tahun tidak ada atau bukan angka yang sebanding, atau tidak ada target {end} "
        "berupa angka."
    )


def pace_markdown(comparison: Comparison) -> str:
    """Sentences on the pace counts."""
    end = comparison.period.end
    pace = comparison.pace
    counts = pace["pace"].value_counts()
    assessed = len(pace) - int(counts.get(cmp.NOT_ASSESSABLE, 0))
    return (
        f"Dari {_count(len(pace))} indikator yang punya target RPJMD, {_count(assessed)} dapat "
        f"dinilai: {_count(counts.get(cmp.REACHED, 0))} sudah mencapai target {end}, "
        f"{_count(counts.get(cmp.ON_PACE, 0))} bergerak cukup cepat, "
        f"{_count(counts.get(cmp.TOO_SLOW, 0))} membaik tetapi terlalu lambat, dan "
        f"{_count(counts.get(cmp.NOT_IMPROVING, 0))} tidak membaik."
    )


def pace_table(comparison: Comparison) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): per indicator, the pace achieved against the pace needed."""
    previous, year, end = comparison.previous_year, comparison.year, comparison.period.end
    rows = comparison.pace
    shown = pd.DataFrame(
        {
            "Kode": rows["indicator_id"],
            "Indikator": rows["name"],
            "Laju": rows["pace"].map(PACE_LABELS),
            "Dicapai per tahun": rows["achieved_per_year"].map(figure),
            "Diperlukan per tahun": rows["required_per_year"].map(figure),
            "Baik bila": rows["polarity"].map(POLARITY_SHORT).fillna("–"),
            f"Realisasi {previous}": rows["realisasi_previous"].map(figure),
            f"Realisasi {year}": rows["realisasi_current"].map(figure),
            f"Target {end}": rows["target_end"].map(figure),
            "Masih perlu per tahun": rows["still_needed_per_year"].map(figure),
        }
    )
    exact = with_years(rows, previous, year).rename(columns={"target_end": f"target_{end}"})
    return shown, exact


def show_pace(page: Page, comparison: Comparison) -> None:
    """Pace section: the rule, sentences and the chart per sasaran (the table comes at the
    end of the page)."""
    previous, year, end = comparison.previous_year, comparison.year, comparison.period.end
    source = pace_source(comparison)
    show_markdown(pace_rule(comparison))
    show_markdown(pace_markdown(comparison))
    rows = comparison.pace.assign(laju=comparison.pace["pace"].map(PACE_LABELS))
    counts = category_counts(rows, "laju", list(PACE_COLOURS), comparison)
    totals = counts.groupby("kategori")["jumlah"].sum()
    title = f"Laju {previous}–{year} menuju target RPJMD {end}, per sasaran"
    page.figure(
        pace_chart(counts, title),
        title=title,
        source=source,
        label="laju-target-akhir",
        data=counts,
        description=(
            "Diagram batang bertumpuk jumlah indikator per sasaran: "
            + ", ".join(f"{label} {_count(totals.get(label, 0))}" for label in PACE_COLOURS)
            + ". Angka per indikator ada pada tabel di akhir halaman."
        ),
    )


def show_pace_table(page: Page, comparison: Comparison) -> None:
    """The sortable table of every indicator's pace toward the end target."""
    previous, year, end = comparison.previous_year, comparison.year, comparison.period.end
    source = pace_source(comparison)
    shown, exact = pace_table(comparison)
    page.table(
        shown,
        title=f"Laju setiap indikator dari {previous} ke {year} dan laju yang diperlukan "
        f"menuju target RPJMD {end}",
        source=source,
        label="laju-indikator",
        data=exact,
        numeric=[c for c in shown.columns[3:] if c != "Baik bila"],
        sortable=True,
    )
