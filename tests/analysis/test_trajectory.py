from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.performance import indicator_results
from binjai_analysis.analysis.trajectory import TrajectoryRule, rpjmd_trajectories
from binjai_analysis.data import load_all


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    data = load_all()
    return rpjmd_trajectories(data, indicator_results(data)).set_index("indicator_id")


def test_golden_trajectories(table):
    spip = table.loc["S01.I10"]  # higher: 2018 target 50, realised 40, 2021 target 100
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


def test_qualitative_and_incomparable_are_not_assessable(table):
    assert table.loc["S01.I01", "status"] == "not assessable"  # BPK opinion
    assert table.loc["S10.I07", "status"] == "not assessable"  # APBD in different units


def test_thresholds_are_parameters():
    data = load_all()
    strict = rpjmd_trajectories(data, indicator_results(data), TrajectoryRule(effort_ratio=1.0))
    assert strict.set_index("indicator_id").loc["S01.I10", "status"] == "off track"
    assert "1.5" in TrajectoryRule().describe()
