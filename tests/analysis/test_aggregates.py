from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.aggregates import (
    ReportedAverage,
    Variant,
    aggregate_achievement,
    average_variants,
    reported_average,
)
from binjai_analysis.analysis.performance import indicator_rows


def made_up_results() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sasaran_id": ["S01", "S01", "S02", "S02"],
            "tujuan_id": ["T1", "T1", "T1", "T1"],
            "misi_id": ["M1"] * 4,
            "capaian": pd.array([120.0, 80.0, None, 50.0], dtype="Float64"),
            "met": [True, False, False, False],
            "rating": ["Sangat Baik", "Tinggi", None, "Sangat Rendah"],
        }
    )


def test_sasaran_statistics():
    table = aggregate_achievement(made_up_results(), "sasaran").set_index("sasaran")
    assert table.loc["S01", "mean"] == 100.0
    assert table.loc["S01", "share_met_pct"] == 50.0
    assert table.loc["S02", "no_usable_data"] == 1
    assert table.loc["S02", "rating_Sangat Rendah"] == 1
    assert table.loc["S02", "rating_Tinggi"] == 0


def test_overall_statistics():
    (overall,) = aggregate_achievement(made_up_results(), "overall").to_dict("records")
    assert overall["indicators"] == 4 and overall["usable"] == 3
    assert overall["mean"] == pytest.approx(250 / 3)
    assert overall["median"] == 80.0


def test_unknown_level():
    with pytest.raises(ValueError, match="level must be one of"):
        aggregate_achievement(made_up_results(), "kecamatan")


def test_report_average_comes_from_the_data(year_data):
    reported = reported_average(year_data.reported_summary)
    assert isinstance(reported, ReportedAverage)
    assert (reported.value, reported.raw, reported.source_line) == (76.0, "76 %", 262)
    assert reported.source_table == "Ikhtisar"
    rows = indicator_rows(year_data.results, year_data.framework)
    table = average_variants(rows, reported, (Variant("base"), Variant("cap 100", {"cap": 100.0})))
    assert list(table["variant"]) == ["base", "cap 100"]
    assert (table["reported_average"] == 76.0).all()
    assert table.loc[1, "mean"] <= table.loc[0, "mean"]  # a cap can only lower the mean


def test_no_stated_average(year_data):
    summary = year_data.reported_summary
    assert reported_average(summary[summary["item"] != "average_capaian_pct"]) is None
    assert reported_average(summary.iloc[0:0]) is None
    rows = indicator_rows(year_data.results, year_data.framework)
    table = average_variants(rows, None, (Variant("base"),))
    assert table["reported_average"].isna().all()
    assert not table["closer_than_base"].any()
