"""The executive summary: findings, numbers and links, worked out from the data independently;
and the home page's generated text (views.home)."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from binjai_analysis.analysis.performance import indicator_rows, score_indicators
from binjai_analysis.analysis.year import AnalysisOptions, run_analysis
from binjai_analysis.analysis.years import optional_parts
from binjai_analysis.build.templates import built_pages
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page
from binjai_analysis.views import summary
from tests.conftest import PLAN_YEAR, REPO_ROOT, REPORT_YEAR
from tests.test_formatting import SCRIPT, assert_shows_as_text

ALL_PAGES = {key: key.replace("site/", "../tentang/") for key in summary.DETAIL_PAGES}


def test_average_comparison_reads_the_report_and_the_extreme_value(analysis, year_data):
    """`analysis.average` (`aggregates.compare_average`, was views.summary.average_comparison)."""
    comparison = analysis.average
    assert comparison.reported.value == 76.0  # the Ikhtisar's stated average
    assert comparison.reported.source_table == "Ikhtisar"
    assert comparison.ours == pytest.approx(analysis.results["capaian"].dropna().mean())
    # The unbounded mean is the base variant (official formulas, no cap, no floor).
    assert comparison.unbounded == pytest.approx(analysis.average_variants["mean"].iloc[0])
    rows = indicator_rows(year_data.results, year_data.framework)
    unbounded = score_indicators(rows)["capaian"].dropna().astype(float)
    assert comparison.worst_capaian == unbounded.min()
    # Golden: without the one extreme value the mean is (sum − worst) / (n − 1).
    expected = (unbounded.sum() - unbounded.min()) / (len(unbounded) - 1)
    assert comparison.mean_without_worst == pytest.approx(expected)
    assert comparison.mean_without_worst > comparison.unbounded
    gaps = (analysis.average_variants["mean"] - 76.0).abs()
    assert comparison.closest_gap == pytest.approx(gaps.min())
    assert comparison.printed_mean == pytest.approx(analysis.average_variants["mean"].iloc[-1])


def test_bounds_phrase():
    assert summary.bounds_phrase(AnalysisOptions(cap=None, floor=None)) == "tanpa batas"
    assert summary.bounds_phrase(AnalysisOptions(cap=None, floor=0.0)) == "capaian minimal 0 %"
    assert summary.bounds_phrase(AnalysisOptions()) == "capaian dibatasi 0–120 %"  # default
    assert summary.bounds_phrase(AnalysisOptions(cap=120.0, floor=None)).endswith("120 %")
    assert summary.bounds_phrase(AnalysisOptions(cap=120.0, floor=0.0)) == (
        "capaian dibatasi 0–120 %"
    )


def test_the_extreme_value_story_holds_without_bounds(model, errata):
    options = AnalysisOptions(cap=None, floor=None)
    unbounded = run_analysis(model, REPORT_YEAR, options, errata=errata)
    comparison = unbounded.average
    assert comparison.ours == pytest.approx(comparison.unbounded)
    assert summary.bounds_phrase(unbounded.options) == "tanpa batas"
    assert summary.summary_figures(unbounded)["our_bounds"] == "tanpa batas"


def test_findings_carry_the_numbers_of_the_analysis(analysis):
    text = summary.findings_markdown(analysis, ALL_PAGES)
    items = re.findall(r"^\d+\. ", text, flags=re.MULTILINE)
    assert 5 <= len(items) <= 8
    usable = analysis.results[analysis.results["capaian"].notna()]
    share = usable["met"].mean() * 100
    assert f"{share:.1f}".replace(".", ",") + "\u00a0%" in text
    assert f"{int(usable['met'].sum())} di antaranya" in text
    statuses = analysis.trajectories["status"].value_counts()
    assert f"{statuses['on track']} sesuai jalur" in text
    assert f"{statuses['off track']} menyimpang" in text
    assert f"mencatat {len(analysis.errata)} catatan" in text
    assert "resmi" not in text
    assert "*Dibatasi 0–120" in text and "*: capaian dibatasi di kedua sisi" in text
    assert "sedikitnya separuh indikator" in text and "separuh indikator berada di atas" not in text
    assert "baris ganda dihitung sekali" in text and "nilai p = " in text
    changed = int(analysis.results["predikat_changed"].sum())
    assert f"**{changed} predikat berubah.**" in text
    assert "Rp\u00a0917,3 miliar" not in text  # rupiah keep their ordinary space
    assert "Rp 917,3 miliar" in text and "Rp 561,9 miliar" in text  # printed Jumlah vs rows
    assert "−2.800,0\u00a0%" in text  # the extreme capaian, with a true minus sign


def test_findings_name_the_plan_end_and_the_budget_table_from_the_data(analysis):
    text = summary.findings_markdown(analysis, {})
    assert "**Menuju target RPJMD 2021.**" in text  # analysis.period.end
    assert "Tabel 3.18 mencetak jumlah anggaran" in text
    later = replace(
        analysis,
        data=replace(
            analysis.data,
            framework=replace(analysis.data.framework, period=replace(analysis.period, end=2026)),
        ),
    )
    assert "**Menuju target RPJMD 2026.**" in summary.findings_markdown(later, {})


def test_findings_link_only_to_pages_that_exist(analysis):
    linked = summary.findings_markdown(analysis, ALL_PAGES)
    assert "{doc}`Capaian kinerja <capaian-kinerja>`" in linked
    assert "{doc}`Kualitas data <../tentang/kualitas-data>`" in linked
    unlinked = summary.findings_markdown(analysis, {"capaian-kinerja": "capaian-kinerja"})
    assert "{doc}`Capaian kinerja <capaian-kinerja>`" in unlinked
    assert "{doc}" not in unlinked.replace("{doc}`Capaian kinerja <capaian-kinerja>`", "")
    assert "*Kualitas data*" in unlinked


def test_built_pages_follow_templates_params_and_data(model):
    """`build.templates.built_pages` (was views.summary.built_pages)."""
    settings = YearParams(year=REPORT_YEAR, kind="realisasi")
    available = optional_parts(model, REPORT_YEAR)
    pages = built_pages(settings, available, REPO_ROOT / "book" / "_generated" / str(REPORT_YEAR))
    assert pages["ringkasan"] == "ringkasan"
    assert pages["site/metodologi"] == "../tentang/metodologi"
    assert "index" not in pages  # the home page is a site page
    assert pages["site/index"] == "../index"  # the home page is the root
    plan_year = built_pages(YearParams(year=PLAN_YEAR, kind="rencana"), None, REPO_ROOT)
    assert "ringkasan" not in plan_year  # realisation pages are not built for a plan year
    assert plan_year["rencana"] == "rencana"
    # a page whose data the year lacks is not built, so it is not linked
    without_average = built_pages(settings, available - {"average"}, REPO_ROOT)
    assert "ringkasan" not in without_average and "capaian-kinerja" in without_average


def test_built_pages_outside_a_project_is_empty(tmp_path):
    assert built_pages(YearParams(year=REPORT_YEAR, kind="realisasi"), None, tmp_path) == {}


def test_correlation_words():
    assert summary.correlation_words(0.2) == "hampir tidak berkaitan"
    assert summary.correlation_words(-0.45) == "berkaitan lemah dan berlawanan arah"
    assert summary.correlation_words(0.7) == "berkaitan cukup kuat dan searah"
    assert summary.correlation_words(float("nan")) == "tidak dapat dinilai"


def test_variants_table_matches_the_analysis(analysis):
    shown, exact = summary.variants_table(analysis)
    assert len(shown) == len(analysis.average_variants)
    assert exact is analysis.average_variants
    first = analysis.average_variants.iloc[0]
    assert shown.iloc[0]["Rata-rata"] == f"{first['mean']:.1f}".replace(".", ",") + "\u00a0%"
    assert shown.iloc[0]["Selisih dari 76\u00a0% (poin)"].startswith("−")


def test_summary_figures_are_formatted_text(analysis):
    figures = summary.summary_figures(analysis)
    assert figures["year_text"] == "2018"
    assert figures["reported_average"] == "76 %"
    assert figures["reported_table"] == "Ikhtisar"
    assert figures["reported_line"] == str(analysis.average.reported.source_line)
    assert figures["variants"] == str(len(analysis.average_variants))
    assert all(isinstance(value, str) and value for value in figures.values())


def test_show_variants_writes_a_numbered_table(analysis, tmp_path):
    page = Page(chapter=2, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    summary.show_variants(page, analysis)
    assert page.tables == 1
    written = pd.read_csv(tmp_path / "downloads" / "2018-tabel-rata-rata-capaian.csv")
    assert list(written["variant"]) == list(analysis.average_variants["variant"])


def test_findings_show_a_hostile_indicator_name_as_text(model, errata):
    indicators = model["indicators"].assign(name=SCRIPT + " " + model["indicators"]["name"])
    hostile = replace(model, tables={**model.tables, "indicators": indicators})
    analysis = run_analysis(hostile, REPORT_YEAR, errata=errata)
    worst = analysis.average.worst_name
    assert SCRIPT in worst
    assert_shows_as_text(summary.findings_markdown(analysis, {}), worst)


def test_median_sentence_is_true_with_ties():
    assert summary.median_sentence(100.0) == (
        "median capaian 100,0 %: sedikitnya separuh indikator bercapaian sebesar itu atau lebih"
    )


def test_headline_variant_follows_the_options(model, errata, analysis):
    assert summary.headline_variant(analysis) == "Dibatasi 0–120 %"
    assert summary.bounds_reason(analysis.options).startswith(": capaian dibatasi di kedua sisi")
    floored = run_analysis(model, REPORT_YEAR, AnalysisOptions(cap=None), errata=errata)
    assert summary.headline_variant(floored) == "Capaian minimal 0 %, tanpa batas atas"
    assert summary.bounds_reason(floored.options) == ""
    shown, exact = summary.variants_table(analysis)
    assert shown["Cara menghitung"].str.endswith("(dipakai situs ini)").sum() == 1
    assert (shown["Keterangan"] == exact["note"]).all()
