"""Views for the chapter "Ringkasan eksekutif": the few findings a reader must know about a year,
each with its numbers (computed here) and a link to the page that has the detail.

Links are written only to pages this build renders (found from the templates and params of the
project the notebook runs in), so a page that does not exist yet never breaks the strict build:
its name is then written as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from binjai_analysis.analysis.aggregates import DEFAULT_VARIANTS, reported_average
from binjai_analysis.analysis.efficiency import QUADRANTS
from binjai_analysis.analysis.performance import indicator_rows, score_indicators
from binjai_analysis.analysis.trajectory import PLAN_END
from binjai_analysis.analysis.year import Analysis, AnalysisOptions
from binjai_analysis.build.templates import discover_templates, pages_for_year, site_pages
from binjai_analysis.errors import BinjaiError
from binjai_analysis.formatting import format_number, format_percent, format_rupiah, markdown_text
from binjai_analysis.params import YearParams
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.presentation import Page

BUDGET_TABLE = "Tabel 3.18"
"""Where the 2018 program budget is printed (the reconciliation's rows are named after it)."""

# Positions of the rows of `budget.reconcile_totals` (it returns them in this fixed order).
ROWS_SUM, ROWS_SUM_WITHOUT_DUPLICATES, PRINTED_JUMLAH, IKHTISAR = 0, 1, 2, 3

TRAJECTORY_LABELS = {
    "on track": "sesuai jalur",
    "at risk": "berisiko",
    "off track": "menyimpang dari jalur",
    "not assessable": "tidak dapat dinilai",
}
SEVERITY_LABELS = {"high": "berat", "medium": "sedang", "low": "ringan"}
ERRATA_KIND_LABELS = {
    "arithmetic_error": "persentase yang tidak sesuai dengan anggaran dan realisasinya",
    "total_mismatch": "jumlah yang tidak sama dengan penjumlahan barisnya",
    "duplicate_row": "baris yang tercetak dua kali",
    "renumbered_row": "baris dengan nomor urut yang kacau",
    "impossible_value": "nilai yang mustahil",
    "malformed_number": "angka yang salah tulis",
    "conflicting_targets": "target yang berbeda antartabel",
    "mislabelled_year": "tahun yang salah sebut",
    "reported_capaian_mismatch": "capaian tercetak yang tidak mengikuti rumus",
    "reported_predikat_mismatch": "predikat tercetak yang tidak sesuai skala",
}

DETAIL_PAGES = {
    "capaian-kinerja": "Capaian kinerja",
    "tren-lintasan": "Tren dan lintasan RPJMD",
    "akuntabilitas-keuangan": "Akuntabilitas keuangan",
    "efisiensi": "Efisiensi belanja",
    "site/kualitas-data": "Kualitas data",
    "site/metodologi": "Metodologi",
    "site/data-unduhan": "Data dan unduhan",
}
"""Pages the findings point to: a sibling page of the year, or `site/<slug>` for a site page."""


def find_project(start: Path) -> ProjectPaths | None:
    """The project folder holding `start` (a notebook runs in `book/_generated/<year>/`)."""
    for folder in (start, *start.parents):
        try:
            return ProjectPaths.at(folder)
        except BinjaiError:
            continue
    return None


def built_pages(settings: YearParams, start: Path | None = None) -> dict[str, str]:
    """Pages this build renders, as `{key: {doc} target}` seen from a page of the year.

    Keys are year page slugs (`capaian-kinerja`) and `site/<slug>` for site pages; targets are
    relative to the year's folder. Empty when the notebook does not run inside a project.
    """
    paths = find_project(Path.cwd() if start is None else start)
    if paths is None or not paths.templates_dir.is_dir():
        return {}
    templates = discover_templates(paths.templates_dir)
    pages = {t.slug: t.slug for t in pages_for_year(templates, settings)}
    pages |= {f"site/{t.slug}": f"../site/{t.slug}" for t in site_pages(templates)}
    return pages


def link(key: str, pages: dict[str, str], text: str | None = None) -> str:
    """A MyST `{doc}` link to page `key` if the build renders it, else its name as plain text."""
    label = text or DETAIL_PAGES.get(key, key)
    target = pages.get(key)
    return f"{{doc}}`{label} <{target}>`" if target else f"*{label}*"


def _details(pages: dict[str, str], *keys: str) -> str:
    return " Rincian: " + ", ".join(link(key, pages) for key in keys) + "."


@dataclass(frozen=True)
class AverageComparison:
    """The report's stated average capaian against ours, and what drags the unbounded one down.

    `ours` is the mean under this build's options (the site's own figures); `unbounded` the
    mean by the official formulas with no cap or floor, where one extreme value can dominate.
    """

    reported: float
    reported_raw: str
    reported_line: int
    source_table: str
    ours: float
    bounds: str
    unbounded: float
    lowest: float
    highest: float
    closest_variant: str
    closest_gap: float
    printed_mean: float | None
    worst_name: str
    worst_capaian: float
    mean_without_worst: float


def bounds_phrase(options: AnalysisOptions) -> str:
    """This build's capaian bounds in words, e.g. 'capaian minimal 0 %' or 'tanpa batas'."""
    cap, floor = options.cap, options.floor
    if cap is None and floor is None:
        return "tanpa batas"
    if cap is None:
        return f"capaian minimal {format_percent(floor, 0)}"
    if floor is None:
        return f"capaian dibatasi paling tinggi {format_percent(cap, 0)}"
    return f"capaian dibatasi {format_number(floor, 0)}–{format_percent(cap, 0)}"


def average_comparison(analysis: Analysis, data: dict[str, pd.DataFrame]) -> AverageComparison:
    """Compare the report's stated average with ours, with the variants and the extreme value."""
    reported, raw, line = reported_average(data)
    variants = analysis.average_variants
    closest = variants.loc[variants["difference_from_reported"].abs().idxmin()]
    unbounded = score_indicators(indicator_rows(data), max_ratio=analysis.options.max_ratio)
    values = unbounded["capaian"].dropna().astype(float)
    worst = unbounded.loc[values.idxmin()]
    printed = [i for i, v in enumerate(DEFAULT_VARIANTS) if v.use_reported_capaian]
    summary = data["reported_summary"]
    return AverageComparison(
        reported=reported,
        reported_raw=raw,
        reported_line=line,
        source_table=str(summary.loc[summary["source_line"] == line, "source_table"].iloc[0]),
        ours=float(analysis.results["capaian"].astype(float).mean()),
        bounds=bounds_phrase(analysis.options),
        unbounded=float(values.mean()),
        lowest=float(variants["mean"].min()),
        highest=float(variants["mean"].max()),
        closest_variant=str(closest["variant"]),
        closest_gap=float(abs(closest["difference_from_reported"])),
        printed_mean=(
            float(variants["mean"].iloc[printed[0]])
            if printed and len(variants) == len(DEFAULT_VARIANTS)
            else None
        ),
        worst_name=f"{worst['indicator_id']} {worst['name']}",
        worst_capaian=float(values.min()),
        mean_without_worst=float(values.drop(index=values.idxmin()).mean()),
    )


TABLE_NAME = re.compile(r"^Tabel (\d+)\.(\d+)([a-z]*)$")


def table_range(tables: list[str] | set[str]) -> str:
    """Source tables, shortened: numbered tables of one chapter as a range, others by name.

    Examples:
        >>> table_range({"Tabel 3.3", "Tabel 3.9a", "Tabel 3.17", "Ikhtisar"})
        'Tabel 3.3–3.17, Ikhtisar'
        >>> table_range({"Tabel 2.2", "Tabel 2.4", "PK 2019"})
        'Tabel 2.2, 2.4, PK 2019'
    """
    chapters: dict[int, list[tuple[int, str]]] = {}
    others = []
    for name in set(tables):
        match = TABLE_NAME.match(name)
        if match:
            major, minor, suffix = match.groups()
            chapters.setdefault(int(major), []).append((int(minor), f"{major}.{minor}{suffix}"))
        else:
            others.append(name)
    parts = []
    for _, numbers in sorted(chapters.items()):
        ordered = [text for _, text in sorted(numbers)]
        parts.append(f"{ordered[0]}–{ordered[-1]}" if len(ordered) > 2 else ", ".join(ordered))
    numbered = f"Tabel {', '.join(parts)}" if parts else ""
    return ", ".join(filter(None, [numbered, *sorted(others)]))


NBSP = "\u00a0"


def keep_unit(text: str) -> str:
    """Join a number and its unit with a no-break space, so table cells never split '65,6 %'."""
    return text.replace(" %", f"{NBSP}%")


def signed(value: float, decimals: int = 1, suffix: str = "") -> str:
    """A number with its sign written out (+ or the minus sign −), e.g. '−10,4'."""
    text = format_number(abs(value), decimals)
    sign = "−" if value < 0 and text.strip("0,") else "+" if value > 0 else ""
    return f"{sign}{text}{suffix}"


def signed_percent(value: float, decimals: int = 1) -> str:
    """A percentage that may be negative, with the minus sign: '−2.800,0 %'."""
    return signed(value, decimals, " %") if value < 0 else format_percent(value, decimals)


def summary_figures(analysis: Analysis, data: dict[str, pd.DataFrame], year: int) -> dict[str, str]:
    """Every number the page's own prose quotes, formatted; keys are glue names."""
    average = average_comparison(analysis, data)
    usable = analysis.results["capaian"].notna()
    return {
        "year_text": str(year),
        "indicators": format_number(len(analysis.results), 0),
        "usable": format_number(int(usable.sum()), 0),
        "reported_average": format_percent(average.reported, 0),
        "reported_line": str(average.reported_line),
        "our_average": format_percent(average.ours, 1),
        "our_bounds": average.bounds,
        "unbounded_average": format_percent(average.unbounded, 1),
        "variant_low": format_percent(average.lowest, 1),
        "variant_high": format_percent(average.highest, 1),
        "variants": format_number(len(analysis.average_variants), 0),
        "closest_variant": average.closest_variant,
        "closest_gap": format_number(average.closest_gap, 1),
        "worst_name": average.worst_name,
        "worst_capaian": signed_percent(average.worst_capaian, 1),
        "mean_without_worst": format_percent(average.mean_without_worst, 1),
        "median_capaian": format_percent(float(analysis.results["capaian"].median()), 1),
        "printed_mean": format_percent(average.printed_mean, 1),
        "reported_table": average.source_table,
    }


def _budget_finding(analysis: Analysis, pages: dict[str, str]) -> str:
    budget = analysis.absorption_summary
    excluded = int(budget["excluded"])
    flagged = (
        f"; {format_number(excluded, 0)} baris bertanda (ganda, mustahil atau salah tulis) "
        "tidak dihitung"
        if excluded
        else ""
    )
    return (
        f"**Penyerapan anggaran {format_percent(budget['weighted_pct'], 1)}.** Dari anggaran "
        f"{format_number(budget['programs'], 0)} program sebesar "
        f"{format_rupiah(budget['anggaran'])}, terealisasi {format_rupiah(budget['realisasi'])}"
        f"{flagged}. {format_number(budget['below_50_pct'], 0)} program menyerap kurang dari "
        f"separuh anggarannya; median penyerapan per program "
        f"{format_percent(budget['median_pct'], 1)}." + _details(pages, "akuntabilitas-keuangan")
    )


def _totals_finding(analysis: Analysis, pages: dict[str, str]) -> str:
    totals = analysis.reconciliation
    rows, printed, ikhtisar = (
        totals.iloc[ROWS_SUM],
        totals.iloc[PRINTED_JUMLAH],
        totals.iloc[IKHTISAR],
    )
    gap = printed["anggaran"] - rows["anggaran"]
    return (
        f"**Jumlah anggaran yang tidak cocok.** {BUDGET_TABLE} mencetak jumlah anggaran "
        f"{format_rupiah(printed['anggaran'])}, padahal penjumlahan baris-barisnya hanya "
        f"{format_rupiah(rows['anggaran'])}, selisih {format_rupiah(gap)}. Ikhtisar Eksekutif "
        f"menyebut pagu {format_rupiah(ikhtisar['anggaran'])}. Situs ini memakai penjumlahan "
        "baris dan menampilkan angka tercetak di sampingnya."
        + _details(pages, "akuntabilitas-keuangan", "site/kualitas-data")
    )


def _trajectory_finding(analysis: Analysis, pages: dict[str, str]) -> str:
    statuses = analysis.trajectories["status"].value_counts()
    counts = ", ".join(
        f"{format_number(int(statuses.get(status, 0)), 0)} {label}"
        for status, label in TRAJECTORY_LABELS.items()
    )
    return (
        f"**Menuju target RPJMD {PLAN_END}.** Dari "
        f"{format_number(len(analysis.trajectories), 0)} indikator yang punya target RPJMD: "
        f"{counts}." + _details(pages, "tren-lintasan")
    )


def _errata_finding(analysis: Analysis, pages: dict[str, str]) -> str:
    errata = analysis.errata
    severities = errata["severity"].value_counts()
    kinds = errata["kind"].value_counts()
    top_kind, top_count = str(kinds.index[0]), int(kinds.iloc[0])
    by_severity = ", ".join(
        f"{format_number(int(severities.get(key, 0)), 0)} {label}"
        for key, label in SEVERITY_LABELS.items()
    )
    return (
        f"**Kesalahan dalam laporan sumber.** Pemeriksaan ulang mencatat "
        f"{format_number(len(errata), 0)} kesalahan ({by_severity}); yang terbanyak adalah "
        f"{ERRATA_KIND_LABELS.get(top_kind, top_kind)} ({format_number(top_count, 0)}). "
        "Kesalahan dicatat, tidak diperbaiki diam-diam." + _details(pages, "site/kualitas-data")
    )


def correlation_words(rho: float) -> str:
    """How strongly two rankings go together, in words (by the size of Spearman's rho)."""
    size = abs(rho)
    if size != size:  # NaN: too few sasaran
        return "tidak dapat dinilai"
    if size < 0.3:
        return "hampir tidak berkaitan"
    direction = "searah" if rho > 0 else "berlawanan arah"
    return f"berkaitan {'lemah' if size < 0.6 else 'cukup kuat'} dan {direction}"


def _efficiency_finding(analysis: Analysis, pages: dict[str, str]) -> str:
    correlation = analysis.correlation
    placed = analysis.efficiency["quadrant"].isin(QUADRANTS.values())
    quadrants = analysis.efficiency.loc[placed, "quadrant"].value_counts()
    top, count = str(quadrants.index[0]), int(quadrants.iloc[0])
    return (
        f"**Serapan anggaran dan capaian {correlation_words(correlation.rho)}.** Di antara "
        f"{format_number(correlation.n, 0)} sasaran yang punya capaian dan program, korelasi "
        f"peringkat Spearman antara rata-rata capaian dan penyerapan anggaran adalah "
        f"{signed(correlation.rho, 2)} (p = {format_number(correlation.p_value, 2)}): petunjuk "
        f"arah, bukan sebab-akibat. Kuadran terbanyak: {top.lower()} "
        f"({format_number(count, 0)} sasaran)." + _details(pages, "efisiensi")
    )


def findings_markdown(
    analysis: Analysis, data: dict[str, pd.DataFrame], pages: dict[str, str]
) -> str:
    """The page's key findings as a numbered Markdown list, each with numbers and a link."""
    results = analysis.results
    usable = results[results["capaian"].notna()]
    met = int(usable["met"].sum())
    average = average_comparison(analysis, data)
    changed = int(results["predikat_changed"].sum())
    findings = [
        (
            f"**{format_percent(usable['met'].mean() * 100, 1)} indikator mencapai target.** "
            f"Dari {format_number(len(results), 0)} indikator yang realisasinya dilaporkan, "
            f"{format_number(len(usable), 0)} dapat dihitung capaiannya dan "
            f"{format_number(met, 0)} di antaranya mencapai atau melampaui target. Median "
            f"capaian {format_percent(float(usable['capaian'].median()), 1)}: separuh indikator "
            "berada di atas angka ini." + _details(pages, "capaian-kinerja")
        ),
        (
            f"**Rata-rata {format_percent(average.reported, 0)} di laporan tidak dapat "
            f"diulang.** Dengan pilihan hitung situs ini ({average.bounds}) rata-rata capaian "
            f"{format_percent(average.ours, 1)}; rumus resmi tanpa batas memberi "
            f"{format_percent(average.unbounded, 1)}, dan cara hitung lain "
            f"{format_percent(average.lowest, 1)} sampai {format_percent(average.highest, 1)}. "
            "Rata-rata tanpa batas ditarik turun oleh satu nilai ekstrem "
            f"({markdown_text(average.worst_name)}: "
            f"{signed_percent(average.worst_capaian, 1)}); tanpa indikator itu rata-ratanya "
            f"{format_percent(average.mean_without_worst, 1)}. Lihat bagian di bawah."
            + _details(pages, "site/metodologi")
        ),
        (
            f"**{format_number(changed, 0)} predikat berubah.** Setelah capaian dihitung ulang, "
            f"{format_number(changed, 0)} dari {format_number(len(results), 0)} indikator "
            "mendapat predikat yang berbeda dari predikat di laporan."
            + _details(pages, "capaian-kinerja")
        ),
        _budget_finding(analysis, pages),
        _totals_finding(analysis, pages),
        _trajectory_finding(analysis, pages),
        _efficiency_finding(analysis, pages),
        _errata_finding(analysis, pages),
    ]
    return "\n".join(
        f"{number}. {keep_unit(text)}" for number, text in enumerate(findings, start=1)
    )


def variants_table(analysis: Analysis) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): our average capaian under each way of counting, beside the report's."""
    variants = analysis.average_variants
    reported = float(variants["reported_average"].iloc[0])

    def percent(column: str) -> pd.Series:
        return variants[column].map(lambda v: keep_unit(format_percent(float(v), 1)))

    shown = pd.DataFrame(
        {
            "No.": [str(number) for number in range(1, len(variants) + 1)],
            "Cara menghitung": variants["variant"],
            "Indikator": variants["indicators"].map(lambda v: format_number(int(v), 0)),
            "Rata-rata": percent("mean"),
            "Median": percent("median"),
            "Mencapai target": percent("share_met_pct"),
            f"Selisih dari {keep_unit(format_percent(reported, 0))} (poin)": variants[
                "difference_from_reported"
            ].map(lambda v: signed(float(v), 1)),
        }
    )
    return shown, variants


def show_variants(page: Page, analysis: Analysis, data: dict[str, pd.DataFrame]) -> None:
    """The table of average variants, numbered and with downloads."""
    shown, exact = variants_table(analysis)
    tables = table_range(set(analysis.results["source_table"]))
    page.table(
        shown,
        title="Rata-rata capaian menurut cara menghitung, dibandingkan dengan rata-rata laporan",
        source=f"{tables}; {average_comparison(analysis, data).source_table}",
        label="rata-rata-capaian",
        data=exact,
        numeric=list(shown.columns[2:]),
    )
