"""Views for the chapter "Ringkasan eksekutif": the few findings a reader must know about a year,
each with its numbers (computed here) and a link to the page that has the detail.

Links are written only to pages this build renders (found from the templates and params of the
project the notebook runs in), so a page that does not exist yet never breaks the strict build:
its name is then written as plain text.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.audit import errata_summary
from binjai_analysis.analysis.efficiency import INCOMPLETE
from binjai_analysis.analysis.year import Analysis, AnalysisOptions
from binjai_analysis.formatting import (
    bounds_phrase as format_bounds,
)
from binjai_analysis.formatting import (
    format_number,
    format_percent,
    format_rupiah,
    keep_unit,
    markdown_text,
    signed,
    signed_percent,
    table_range,
)
from binjai_analysis.labels import (
    ERRATA_KIND_PHRASES,
    FLAGGED_ROWS,
    SEVERITY_LABELS,
    TRAJECTORY_LABELS,
)
from binjai_analysis.presentation import Page

# Positions of the rows of `budget.reconcile_totals` (it returns them in this fixed order).
ROWS_SUM, ROWS_SUM_WITHOUT_DUPLICATES, PRINTED_JUMLAH, IKHTISAR = 0, 1, 2, 3

DETAIL_PAGES = {
    "capaian-kinerja": "Capaian kinerja",
    "tren-lintasan": "Tren dan lintasan RPJMD",
    "akuntabilitas-keuangan": "Akuntabilitas keuangan",
    "efisiensi": "Serapan anggaran dan capaian",
    "site/kualitas-data": "Kualitas data",
    "site/metodologi": "Metodologi",
    "site/data-unduhan": "Data dan unduhan",
}
"""Pages the findings point to: a sibling page of the year, or `site/<slug>` for a site page."""


def link(key: str, pages: dict[str, str], text: str | None = None) -> str:
    """A MyST `{doc}` link to page `key` if the build renders it, else its name as plain text."""
    label = text or DETAIL_PAGES.get(key, key)
    target = pages.get(key)
    return f"{{doc}}`{label} <{target}>`" if target else f"*{label}*"


def _details(pages: dict[str, str], *keys: str) -> str:
    return " Rincian: " + ", ".join(link(key, pages) for key in keys) + "."


def bounds_phrase(options: AnalysisOptions) -> str:
    """This build's capaian bounds in words, e.g. 'capaian minimal 0 %' or 'tanpa batas'."""
    return format_bounds(options.cap, options.floor)


def headline_variant(analysis: Analysis) -> str:
    """The name of the average variant the site's own figures use (its bounds in words when
    no listed variant matches the build's options)."""
    variants = analysis.average_variants
    used = variants.loc[variants["used_by_site"], "variant"]
    return str(used.iloc[0]) if len(used) else bounds_phrase(analysis.options)


def bounds_reason(options: AnalysisOptions) -> str:
    """Why the headline is bounded (a clause starting with ': '), or nothing when the build
    does not bound capaian on both sides."""
    if options.cap is None or options.floor is None:
        return ""
    return (
        ": capaian dibatasi di kedua sisi agar satu nilai ekstrem, baik kegagalan maupun "
        "kelebihan, tidak menguasai rata-rata"
    )


def median_sentence(median: float) -> str:
    """The median in words that stay true with ties: at least half reach it."""
    return (
        f"median capaian {format_percent(median, 1)}: sedikitnya separuh indikator bercapaian "
        "sebesar itu atau lebih"
    )


def summary_figures(analysis: Analysis) -> dict[str, str]:
    """Every number the page's own prose quotes, formatted; keys are glue names.

    The page needs the report's stated average (its template says so), so `analysis.average`
    is there.
    """
    average = analysis.average
    assert average is not None, "the Ringkasan page needs a stated average (needs: average)"
    usable = analysis.results["capaian"].notna()
    return {
        "year_text": str(analysis.year),
        "indicators": format_number(len(analysis.results), 0),
        "usable": format_number(int(usable.sum()), 0),
        "reported_average": format_percent(average.reported.value, 0),
        "reported_line": str(average.reported.source_line),
        "our_average": format_percent(average.ours, 1),
        "our_bounds": bounds_phrase(analysis.options),
        "our_variant": headline_variant(analysis),
        "our_reason": bounds_reason(analysis.options),
        "median_sentence": median_sentence(float(analysis.results["capaian"].median())),
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
        "reported_table": average.reported.source_table,
    }


def _budget_finding(analysis: Analysis, pages: dict[str, str]) -> str:
    budget = analysis.absorption_summary
    excluded = int(budget["excluded"])
    flagged = (
        f"; baris ganda dihitung sekali, dan {format_number(excluded, 0)} baris bertanda "
        f"({FLAGGED_ROWS}) tidak dihitung dalam penyerapan"
        if excluded
        else "; baris ganda dihitung sekali"
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
    table = str(analysis.data.budget["source_table"].iloc[0])
    return (
        f"**Jumlah anggaran yang tidak cocok.** {table} mencetak jumlah anggaran "
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
        f"**Menuju target RPJMD {analysis.period.end}.** Dari "
        f"{format_number(len(analysis.trajectories), 0)} indikator yang punya target RPJMD: "
        f"{counts}." + _details(pages, "tren-lintasan")
    )


def _errata_finding(analysis: Analysis, pages: dict[str, str]) -> str:
    errata = analysis.errata
    counts = errata_summary(errata)
    kinds = errata.loc[errata["counts_as_error"], "kind"].value_counts()
    top_kind, top_count = str(kinds.index[0]), int(kinds.iloc[0])
    by_severity = ", ".join(
        f"{format_number(counts[f'errors_{key}'], 0)} {label}"
        for key, label in SEVERITY_LABELS.items()
    )
    return (
        f"**Catatan atas laporan sumber.** Pemeriksaan ulang mencatat "
        f"{format_number(counts['catatan'], 0)} catatan: {format_number(counts['errors'], 0)} "
        f"kesalahan laporan (tingkat {by_severity}) dan "
        f"{format_number(counts['conventions'], 0)} perbedaan konvensi. Kesalahan yang terbanyak "
        f"adalah {ERRATA_KIND_PHRASES.get(top_kind, top_kind)} ({format_number(top_count, 0)}). "
        "Catatan ditampilkan, data tidak diperbaiki diam-diam."
        + _details(pages, "site/kualitas-data")
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
    placed = analysis.efficiency["quadrant"] != INCOMPLETE
    quadrants = analysis.efficiency.loc[placed, "quadrant"].value_counts()
    top, count = str(quadrants.index[0]), int(quadrants.iloc[0])
    return (
        f"**Serapan anggaran dan capaian {correlation_words(correlation.rho)}.** Di antara "
        f"{format_number(correlation.n, 0)} sasaran yang punya capaian dan program, korelasi "
        f"peringkat Spearman antara rata-rata capaian dan penyerapan anggaran adalah "
        f"{signed(correlation.rho, 2)} (nilai p = {format_number(correlation.p_value, 2)}): "
        f"petunjuk arah, bukan sebab-akibat. Kelompok terbanyak: {top.lower()} "
        f"({format_number(count, 0)} sasaran). Serapan hanya menyatakan berapa anggaran "
        "terpakai, bukan apa yang dibeli setiap rupiah." + _details(pages, "efisiensi")
    )


def findings_markdown(analysis: Analysis, pages: dict[str, str]) -> str:
    """The page's key findings as a numbered Markdown list, each with numbers and a link."""
    results = analysis.results
    usable = results[results["capaian"].notna()]
    met = int(usable["met"].sum())
    average = analysis.average
    assert average is not None, "the Ringkasan page needs a stated average (needs: average)"
    changed = int(results["predikat_changed"].sum())
    findings = [
        (
            f"**{format_percent(usable['met'].mean() * 100, 1)} indikator mencapai target.** "
            f"Dari {format_number(len(results), 0)} indikator yang realisasinya dilaporkan, "
            f"{format_number(len(usable), 0)} dapat dihitung capaiannya dan "
            f"{format_number(met, 0)} di antaranya mencapai atau melampaui target; "
            f"{median_sentence(float(usable['capaian'].median()))}."
            + _details(pages, "capaian-kinerja")
        ),
        (
            f"**Rata-rata {format_percent(average.reported.value, 0)} di laporan tidak dapat "
            f"diulang.** Angka utama situs ini memakai cara *{headline_variant(analysis)}*"
            f"{bounds_reason(analysis.options)}. Dengan cara itu rata-rata capaian "
            f"{format_percent(average.ours, 1)}; rumus yang lazim dipakai dalam LKjIP tanpa "
            "batas memberi "
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
            "Cara menghitung": [
                f"{name} (dipakai situs ini)" if used else name
                for name, used in zip(variants["variant"], variants["used_by_site"], strict=True)
            ],
            "Keterangan": variants["note"],
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


def show_variants(page: Page, analysis: Analysis) -> None:
    """The table of average variants, numbered and with downloads."""
    shown, exact = variants_table(analysis)
    tables = table_range(set(analysis.results["source_table"]))
    stated = analysis.average.reported.source_table if analysis.average else ""
    page.table(
        shown,
        title="Rata-rata capaian menurut cara menghitung, dibandingkan dengan rata-rata laporan",
        source=f"{tables}; {stated}" if stated else tables,
        label="rata-rata-capaian",
        data=exact,
        numeric=list(shown.columns[3:]),
    )
