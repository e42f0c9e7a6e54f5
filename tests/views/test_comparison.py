"""Views and charts of the chapter "Perbandingan antar tahun", on the made-up second year."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest
from IPython.display import Markdown

from binjai_analysis.analysis import comparison as cmp
from binjai_analysis.analysis.comparison import Comparison, run_comparison
from binjai_analysis.charts.comparison import (
    PACE_COLOURS,
    READING_COLOURS,
    absorption_scatter,
    reading_chart,
    sasaran_means_chart,
)
from binjai_analysis.formatting import percent_text
from binjai_analysis.presentation import Page
from binjai_analysis.views import comparison as view
from tests.conftest import REPORT_YEAR
from tests.fixtures.second_year import NEW_PROGRAM, model_with_year

LATER = REPORT_YEAR + 2


@pytest.fixture(scope="module")
def comparison(tmp_path_factory) -> Comparison:
    model = model_with_year(tmp_path_factory.mktemp("two-years"), LATER)
    return run_comparison(model, LATER)


@pytest.fixture(scope="module")
def moved(comparison) -> Comparison:
    """The same figures as if the years were 2029 and 2031: every year a view writes must come
    from the comparison, none from the code."""
    return replace(comparison, year=2031, previous_year=2029)


def test_columns_and_presence_are_written_with_the_years():
    frame = pd.DataFrame(
        {
            "capaian_previous": [1.0, 2.0],
            "realisasi_raw_current": ["a", "b"],
            "presence": [cmp.ONLY_PREVIOUS, cmp.BOTH],
        }
    )
    renamed = view.with_years(frame, 2029, 2031)
    assert list(renamed.columns) == ["capaian_2029", "realisasi_raw_2031", "presence"]
    assert list(renamed["presence"]) == ["only 2029", cmp.BOTH]
    assert view.presence_labels(2029, 2031)[cmp.ONLY_CURRENT] == "hanya di 2031"


def test_figures_quote_the_comparison(comparison):
    figures = view.comparison_figures(comparison)
    readings = comparison.indicators["reading"].value_counts()
    assert figures["year"] == str(LATER) and figures["previous_year"] == str(REPORT_YEAR)
    assert figures["improved"] == str(readings[cmp.IMPROVED])
    assert figures["worsened"] == str(readings[cmp.WORSENED])
    overall = comparison.previous.overall.iloc[0]
    assert figures["mean_previous"] == percent_text(overall["mean"])
    assert figures["programs_only_current"] == "1"
    assert figures["mean_change"].startswith(("+", "−", "0"))


def test_the_indicator_table_reads_polarity(comparison):
    shown, exact = view.indicator_table(comparison)
    rows = shown.set_index("Kode")
    assert rows.loc["S01.I02", "Baik bila"] == "makin rendah"
    assert rows.loc["S01.I02", "Perubahan"] == "membaik"
    assert rows.loc["S01.I02", "Perubahan capaian (poin)"] == "+12,6"  # 20 % -> 32,6 %
    assert rows.loc["S01.I10", "Perubahan"] == "memburuk"
    assert f"capaian_{REPORT_YEAR}" in exact and f"capaian_{LATER}" in exact
    assert len(shown) == len(comparison.indicators)


def test_the_program_table_lists_programs_of_one_year(comparison):
    shown, exact = view.program_table(comparison)
    rows = shown.set_index("Program")
    assert rows.loc[NEW_PROGRAM, "Pencocokan"] == f"hanya di {LATER}"
    assert rows.loc[NEW_PROGRAM, f"Anggaran {REPORT_YEAR} (Rp)"] == "–"
    assert (shown["Pencocokan"] == f"hanya di {REPORT_YEAR}").sum() == 1
    assert set(exact["presence"]) == {cmp.BOTH, f"only {REPORT_YEAR}", f"only {LATER}"}


def test_the_budget_table_formats_each_measure(comparison):
    shown, exact = view.budget_table(comparison)
    rows = shown.set_index("Ukuran")
    budget = comparison.budget.set_index("measure")
    assert rows.loc["Serapan keseluruhan (%)", str(LATER)] == (
        f"{budget.loc['weighted_pct', 'current']:.1f}".replace(".", ",")
    )
    assert rows.loc["Anggaran (Rp)", "Perubahan"].startswith("+")  # the made-up year: × 1,07
    assert list(exact.columns) == ["measure", str(REPORT_YEAR), str(LATER), "change"]


def test_the_pace_table_names_every_status(comparison):
    shown, _ = view.pace_table(comparison)
    assert set(shown["Laju"]) <= set(PACE_COLOURS)
    assert list(view.PACE_LABELS) == list(cmp.PACES)
    assert list(view.PACE_LABELS.values()) == list(PACE_COLOURS)  # one colour each, in order
    row = shown.set_index("Kode").loc["S01.I12"]  # lower is better: 45 -> 41,85, target 43
    assert row["Laju"] == "target akhir tercapai"


def test_number_formats():
    assert view.points(2.0) == "+2,0" and view.points(None) == "–"
    assert view.figure(0.5) == "0,5" and view.figure(-1234.4) == "−1.234"


def test_counts_per_sasaran_hold_every_category(comparison):
    counts = view.category_counts(
        comparison.indicators, "reading", list(READING_COLOURS), comparison
    )
    sasaran = comparison.indicators["sasaran_id"].nunique()
    assert len(counts) == sasaran * len(READING_COLOURS)
    assert counts["jumlah"].sum() == len(comparison.indicators)
    assert counts["sasaran"].iloc[0] == "Sasaran 1"


def test_charts_are_titled_and_described(comparison):
    counts = view.category_counts(
        comparison.indicators, "reading", list(READING_COLOURS), comparison
    )
    years = [str(REPORT_YEAR), str(LATER)]
    for chart in (
        reading_chart(counts, "Judul"),
        sasaran_means_chart(view.sasaran_means(comparison), "Judul", years),
        absorption_scatter(view.absorption_points(comparison), "Judul", years),
    ):
        spec = chart.to_dict()
        assert spec["title"]["text"] == "Judul"
        assert spec["description"].startswith("Judul")


def shown_text(shown: list) -> str:
    return "\n".join(o.data for o in shown if isinstance(o, Markdown)) + "\n".join(
        o.data for o in shown if not isinstance(o, Markdown) and hasattr(o, "data")
    )


def test_the_page_shows_every_section(moved, shown, tmp_path):
    page = Page(chapter=13, year=moved.year, cite="LKjIP", directory=tmp_path)
    view.show_method(moved)
    view.show_indicator_change(page, moved)
    view.show_sasaran_change(page, moved)
    view.show_budget(page, moved)
    view.show_pace(page, moved)
    view.show_pace_table(page, moved)
    view.show_indicator_table(page, moved)
    view.show_program_table(page, moved)
    assert (page.tables, page.figures) == (6, 4)
    text = shown_text(shown)
    assert "2029" in text and "2031" in text
    years = set(re.findall(r"(?<![0-9])20[0-9]{2}(?![0-9])", text))
    assert not years & {str(REPORT_YEAR), str(LATER)}, "a year that is not the comparison's"
    assert "hanya di 2031" in text and NEW_PROGRAM in text
    assert (tmp_path / "downloads" / "2031-tabel-perubahan-program.csv").is_file()


def test_one_year_only_programs_table_is_left_out_when_there_are_none(comparison, shown, tmp_path):
    matched = comparison.programs[comparison.programs["presence"] == cmp.BOTH]
    page = Page(chapter=13, year=comparison.year, cite="LKjIP", directory=tmp_path)
    view.show_budget(page, replace(comparison, programs=matched))
    assert page.tables == 1  # the totals only
