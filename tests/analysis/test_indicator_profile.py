from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import indicator_profile as ip
from tests.conftest import REPORT_YEAR


@pytest.fixture(scope="module")
def profiles(model, analysis, errata):
    return ip.indicator_profiles(model, {REPORT_YEAR: analysis}, errata)


def test_every_indicator_of_the_framework_has_one_profile(model, profiles):
    assert list(profiles) == ip.framework_rows(model)["indicator_id"].tolist()
    assert len(profiles) == len(model["indicators"])


def test_a_profile_places_the_indicator_in_the_framework(model, profiles):
    profile = profiles["S07.I21"]
    sasaran = model["sasaran"].set_index("sasaran_id").loc["S07", "statement"]
    assert profile.indicator["sasaran"] == sasaran
    assert profile.indicator["tujuan"] and profile.indicator["misi"]
    assert profile.indicator["polarity"] == "lower"


def test_the_series_holds_every_printed_figure_plan_first(model, profiles):
    series = profiles["S07.I21"].series
    values = model["indicator_values"]
    assert len(series) == (values["indicator_id"] == "S07.I21").sum()
    assert series["basis"].tolist()[:6] == ["rpjmd"] * 6
    assert series[series["basis"] == "rpjmd"]["year"].is_monotonic_increasing
    assert series["source_line"].notna().all() and series["raw"].notna().all()


def test_series_order_is_basis_then_year_then_measure():
    values = pd.DataFrame({column: [""] * 4 for column in ip.SERIES_COLUMNS}).assign(
        indicator_id="A",
        year=[2018, 2018, 2017, 2018],
        basis=["lkjip_table", "lkjip_table", "rpjmd", "pk"],
        measure=["realisasi", "target", "target", "target"],
        source_line=[30, 31, 10, 20],
    )
    assert ip.indicator_series(values)["source_line"].tolist() == [10, 20, 31, 30]


def test_results_are_the_analysis_rows_of_each_year(profiles, analysis):
    results = profiles["S07.I21"].results
    assert results["year"].tolist() == [REPORT_YEAR]
    row = analysis.results.set_index("indicator_id").loc["S07.I21"]
    assert results.iloc[0]["capaian"] == pytest.approx(row["capaian"])


def test_without_analyses_a_profile_has_its_series_but_no_results(model, errata):
    profiles = ip.indicator_profiles(model, {}, errata)
    assert profiles["S07.I21"].results.empty and profiles["S07.I21"].trajectory.empty
    assert not profiles["S07.I21"].series.empty


def test_the_trajectory_gap_is_that_years_gap(profiles, analysis):
    trajectory = profiles["S07.I21"].trajectory
    row = analysis.trajectories.set_index("indicator_id").loc["S07.I21"]
    assert trajectory.iloc[0]["status"] == row["status"]
    assert trajectory.iloc[0]["gap"] == pytest.approx(row[f"gap_{REPORT_YEAR}"])


def test_errata_are_those_that_name_the_indicator(profiles, errata):
    named = errata[errata["indicator_id"] == "S07.I21"]["erratum_id"].tolist()
    assert profiles["S07.I21"].errata["erratum_id"].tolist() == named
    assert named
    assert sum(len(p.errata) for p in profiles.values()) == errata["indicator_id"].notna().sum()
