from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.performance import indicator_results
from binjai_analysis.analysis.trajectory import (
    TrajectoryRule,
    planned_paths,
    rpjmd_trajectories,
)


@pytest.fixture(scope="module")
def results(year_data) -> pd.DataFrame:
    return indicator_results(year_data.results, year_data.framework)


@pytest.fixture(scope="module")
def table(year_data, results) -> pd.DataFrame:
    end = year_data.framework.period.end
    return rpjmd_trajectories(year_data.rpjmd_targets, results, 2018, end).set_index("indicator_id")


def test_the_period_ends_in_2021(year_data):
    assert (year_data.framework.period.start, year_data.framework.period.end) == (2016, 2021)


def test_golden_trajectories(table):
    spip = table.loc["S01.I10"]  # higher: 2018 target 50, realised 40, 2021 target 100
    assert (spip["target_2018"], spip["target_2021"]) == (50.0, 100.0)
    assert spip["gap_2018"] == pytest.approx(40 - 50)
    assert spip["needed_per_year"] == pytest.approx((100 - 40) / 3)
    assert spip["planned_per_year"] == pytest.approx((100 - 50) / 3)
    assert spip["effort"] == pytest.approx(60 / 50)
    assert spip["status"] == "at risk"  # capaian 80 % < 90 %, but effort 1.2 <= 1.5
    pegawai = table.loc["S01.I12"]  # lower is better: 47,9 -> 45 realised, 43 by 2021
    assert pegawai["needed_per_year"] == pytest.approx((45 - 43) / 3)
    assert pegawai["status"] == "on track"
    pad = table.loc["S01.I11"]  # 9,17 realised vs 10,39 target; 11,00 by 2021
    assert pad["effort"] == pytest.approx((11.0 - 9.17) / (11.0 - 10.39))
    assert pad["status"] == "off track"


def test_planned_paths_have_one_column_per_plan_year(year_data):
    paths = planned_paths(year_data.rpjmd_targets)
    assert [c for c in paths.columns if c.startswith("target_")] == [
        f"target_{year}" for year in range(2016, 2022)
    ]
    assert paths["indicator_id"].is_unique


def test_qualitative_and_incomparable_are_not_assessable(table):
    assert table.loc["S01.I01", "status"] == "not assessable"  # BPK opinion
    assert table.loc["S10.I07", "status"] == "not assessable"  # APBD in different units


def test_thresholds_are_parameters(year_data, results):
    strict = rpjmd_trajectories(
        year_data.rpjmd_targets, results, 2018, 2021, TrajectoryRule(effort_ratio=1.0)
    )
    assert strict.set_index("indicator_id").loc["S01.I10", "status"] == "off track"
    description = TrajectoryRule().describe(2018, 2021)
    assert "1.5" in description
    assert "capaian 2018" in description and "the 2021 target" in description


def test_status_totals_name_every_status_with_zeros():
    from binjai_analysis.analysis.trajectory import STATUSES, status_totals

    totals = status_totals(pd.DataFrame({"status": ["on track", "on track", "off track"]}))
    assert list(totals) == list(STATUSES)
    assert totals == {"on track": 2, "at risk": 0, "off track": 1, "not assessable": 0}


def test_status_totals_of_the_year_add_up_and_match_the_labels(analysis):
    from binjai_analysis.analysis.trajectory import STATUSES, status_totals
    from binjai_analysis.labels import TRAJECTORY_LABELS

    totals = status_totals(analysis.trajectories)
    assert sum(totals.values()) == len(analysis.trajectories)
    assert tuple(TRAJECTORY_LABELS) == STATUSES  # every status has a label, in page order


def test_status_totals_refuse_an_unknown_status():
    from binjai_analysis.analysis.trajectory import status_totals

    with pytest.raises(ValueError, match="unknown trajectory statuses"):
        status_totals(pd.DataFrame({"status": ["on track", "lost"]}))
