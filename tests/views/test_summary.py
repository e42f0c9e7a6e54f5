"""The executive summary: findings, numbers and links, worked out from the data independently."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from binjai_analysis.analysis.performance import indicator_rows, score_indicators
from binjai_analysis.analysis.year import Analysis, AnalysisOptions, run_analysis
from binjai_analysis.data import load_all
from binjai_analysis.data.curation import load_program_sasaran
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page
from binjai_analysis.views import summary
from tests.conftest import REPO_ROOT
from tests.test_formatting import SCRIPT, assert_shows_as_text


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return load_all()


@pytest.fixture(scope="module")
def analysis(data) -> Analysis:
    return run_analysis(data, load_program_sasaran())


ALL_PAGES = {key: key.replace("site/", "../site/") for key in summary.DETAIL_PAGES}


def test_average_comparison_reads_the_report_and_the_extreme_value(analysis, data):
    comparison = summary.average_comparison(analysis, data)
    assert comparison.reported == 76.0  # the Ikhtisar's stated average
    assert comparison.source_table == "Ikhtisar"
    assert comparison.ours == pytest.approx(analysis.results["capaian"].dropna().mean())
    # The unbounded mean is the base variant (official formulas, no cap, no floor).
    assert comparison.unbounded == pytest.approx(analysis.average_variants["mean"].iloc[0])
    unbounded = score_indicators(indicator_rows(data))["capaian"].dropna().astype(float)
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
    assert summary.bounds_phrase(AnalysisOptions(floor=0.0)) == "capaian minimal 0 %"
    assert summary.bounds_phrase(AnalysisOptions(cap=120.0, floor=None)).endswith("120 %")
    assert summary.bounds_phrase(AnalysisOptions(cap=120.0, floor=0.0)) == (
        "capaian dibatasi 0–120 %"
    )


def test_the_extreme_value_story_holds_without_bounds(data):
    unbounded = run_analysis(data, load_program_sasaran(), AnalysisOptions(cap=None, floor=None))
    comparison = summary.average_comparison(unbounded, data)
    assert comparison.ours == pytest.approx(comparison.unbounded)
    assert comparison.bounds == "tanpa batas"


def test_findings_carry_the_numbers_of_the_analysis(analysis, data):
    text = summary.findings_markdown(analysis, data, ALL_PAGES)
    items = re.findall(r"^\d+\. ", text, flags=re.MULTILINE)
    assert 5 <= len(items) <= 8
    usable = analysis.results[analysis.results["capaian"].notna()]
    share = usable["met"].mean() * 100
    assert f"{share:.1f}".replace(".", ",") + "\u00a0%" in text
    assert f"{int(usable['met'].sum())} di antaranya" in text
    statuses = analysis.trajectories["status"].value_counts()
    assert f"{statuses['on track']} sesuai jalur" in text
    assert f"{statuses['off track']} menyimpang dari jalur" in text
    assert f"mencatat {len(analysis.errata)} kesalahan" in text
    changed = int(analysis.results["predikat_changed"].sum())
    assert f"**{changed} predikat berubah.**" in text
    assert "Rp\u00a0917,3 miliar" not in text  # rupiah keep their ordinary space
    assert "Rp 917,3 miliar" in text and "Rp 561,9 miliar" in text  # printed Jumlah vs rows
    assert "−2.800,0\u00a0%" in text  # the extreme capaian, with a true minus sign


def test_findings_link_only_to_pages_that_exist(analysis, data):
    linked = summary.findings_markdown(analysis, data, ALL_PAGES)
    assert "{doc}`Capaian kinerja <capaian-kinerja>`" in linked
    assert "{doc}`Kualitas data <../site/kualitas-data>`" in linked
    unlinked = summary.findings_markdown(analysis, data, {"capaian-kinerja": "capaian-kinerja"})
    assert "{doc}`Capaian kinerja <capaian-kinerja>`" in unlinked
    assert "{doc}" not in unlinked.replace("{doc}`Capaian kinerja <capaian-kinerja>`", "")
    assert "*Kualitas data*" in unlinked


def test_built_pages_follow_templates_and_params():
    pages = summary.built_pages(YearParams(year=2018), REPO_ROOT / "book" / "_generated" / "2018")
    assert pages["ringkasan"] == "ringkasan"
    assert pages["site/metodologi"] == "../site/metodologi"
    assert "index" not in pages  # the home page is a site page
    plan_year = summary.built_pages(YearParams(year=2019, kind="rencana"), REPO_ROOT)
    assert "ringkasan" not in plan_year  # realisation pages are not built for a plan year


def test_built_pages_outside_a_project_is_empty(tmp_path):
    assert summary.built_pages(YearParams(year=2018), tmp_path) == {}


def test_table_range_orders_numbers_not_text():
    assert summary.table_range({"Tabel 3.10", "Tabel 3.3", "Tabel 3.9a"}) == "Tabel 3.3–3.10"
    assert summary.table_range({"Tabel 1.1", "Profil Daerah"}) == "Tabel 1.1, Profil Daerah"
    assert summary.table_range({"Tabel 2.2", "Tabel 3.1"}) == "Tabel 2.2, 3.1"
    assert summary.table_range({"Bab IV", "Bab III"}) == "Bab III, Bab IV"


def test_signed_numbers_use_the_minus_sign():
    assert summary.signed(-10.38) == "−10,4"
    assert summary.signed(18.4) == "+18,4"
    assert summary.signed(0.0) == "0,0"
    assert summary.signed_percent(-2800) == "−2.800,0 %"
    assert summary.signed_percent(94.9) == "94,9 %"
    assert summary.keep_unit("65,6 %") == "65,6\u00a0%"


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


def test_summary_figures_are_formatted_text(analysis, data):
    figures = summary.summary_figures(analysis, data, 2018)
    assert figures["reported_average"] == "76 %"
    assert figures["reported_table"] == "Ikhtisar"
    assert figures["variants"] == str(len(analysis.average_variants))
    assert all(isinstance(value, str) and value for value in figures.values())


def test_show_variants_writes_a_numbered_table(analysis, data, tmp_path):
    page = Page(chapter=2, year=2018, directory=tmp_path)
    summary.show_variants(page, analysis, data)
    assert page.tables == 1
    written = pd.read_csv(tmp_path / "downloads" / "2018-tabel-rata-rata-capaian.csv")
    assert list(written["variant"]) == list(analysis.average_variants["variant"])


def test_findings_show_a_hostile_indicator_name_as_text(data):
    indicators = data["indicators"].assign(name=SCRIPT + " " + data["indicators"]["name"])
    hostile = {**data, "indicators": indicators}
    analysis = run_analysis(hostile, load_program_sasaran())
    worst = summary.average_comparison(analysis, hostile).worst_name
    assert SCRIPT in worst
    assert_shows_as_text(summary.findings_markdown(analysis, hostile, {}), worst)
