from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.aggregates import (
    DEFAULT_VARIANTS,
    HEADLINE_BOUNDS,
    HEADLINE_CAP,
    HEADLINE_FLOOR,
    ReportedAverage,
    Variant,
    aggregate_achievement,
    average_variants,
    reported_average,
    sasaran_mean,
    variant_used,
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


def tiny_rows() -> pd.DataFrame:
    """Three numeric indicators in two sasaran and one ordinal one, before scoring."""
    return pd.DataFrame(
        {
            "indicator_id": ["S01.I01", "S01.I02", "S01.I03", "S02.I01"],
            "sasaran_id": ["S01", "S01", "S01", "S02"],
            "target": [100.0, 100.0, None, 10.0],
            "realisasi": [300.0, 60.0, None, 40.0],
            "target_raw": ["100", "100", "WTP", "10"],
            "realisasi_raw": ["300", "60", "WDP", "40"],
            "polarity": ["higher", "higher", "qualitative", "lower"],
            "reported_capaian": [300.0, 60.0, 75.0, -200.0],
            "reported_predikat": ["", "", "", ""],
        }
    )


def test_sasaran_mean_weighs_each_sasaran_once():
    frame = pd.DataFrame(
        {"sasaran_id": ["S1", "S1", "S1", "S2"], "capaian": [120.0, 60.0, 0.0, 100.0]}
    )
    assert sasaran_mean(frame) == pytest.approx((60.0 + 100.0) / 2)
    assert float(frame["capaian"].mean()) == pytest.approx(70.0)  # the indicator mean differs


def test_variants_on_a_tiny_frame():
    variants = (
        Variant("free"),
        Variant("0-120", HEADLINE_BOUNDS),
        Variant("0-120 per sasaran", HEADLINE_BOUNDS, by_sasaran=True),
        Variant("0-120 rank", {**HEADLINE_BOUNDS, "ordinal": "rank"}),
    )
    table = average_variants(tiny_rows(), None, variants).set_index("variant")
    # free: 300, 60, 0 (WDP below WTP: not met), (2*10-40)/10 = -200
    assert table.loc["free", "mean"] == pytest.approx((300 + 60 + 0 - 200) / 4)
    # bounded: 120, 60, 0, 0
    assert table.loc["0-120", "mean"] == pytest.approx(45.0)
    # per sasaran: S01 (120 + 60 + 0) / 3 = 60, S02 0 -> 30
    assert table.loc["0-120 per sasaran", "mean"] == pytest.approx(30.0)
    assert table.loc["0-120 per sasaran", "sasaran"] == 2
    # rank: WDP 3 of WTP 4 = 75
    assert table.loc["0-120 rank", "mean"] == pytest.approx((120 + 60 + 75 + 0) / 4)
    assert list(table["used_by_site"]) == [False, True, False, False]


def test_the_site_variant_is_bounded_on_both_sides():
    used = [v for v in DEFAULT_VARIANTS if variant_used(v, HEADLINE_BOUNDS | {"ordinal": "met"})]
    assert len(used) == 1
    assert used[0].options == {"cap": HEADLINE_CAP, "floor": HEADLINE_FLOOR}
    assert HEADLINE_FLOOR is not None and HEADLINE_CAP > 100
    # every capped variant also has the floor
    for variant in DEFAULT_VARIANTS:
        if "cap" in variant.options:
            assert variant.options.get("floor") == HEADLINE_FLOOR
    assert not any("resmi" in variant.label for variant in DEFAULT_VARIANTS)


def test_the_real_variants_mark_the_site_average(analysis):
    table = analysis.average_variants
    used = table[table["used_by_site"]]
    assert len(used) == 1
    assert used["mean"].item() == pytest.approx(float(analysis.results["capaian"].mean()))
    assert analysis.average.ours == pytest.approx(used["mean"].item())


# --- the home page's counts ---------------------------------------------------------------------


def test_indicator_funnel_counts_each_step_on_a_tiny_frame():
    from binjai_analysis.analysis.aggregates import indicator_funnel

    framework = pd.DataFrame({"indicator_id": ["a", "b", "c", "d", "d"]})
    results = pd.DataFrame({"capaian": [120.0, 80.0, None], "met": [True, False, False]})
    assert indicator_funnel(framework, results) == {
        "framework": 4,
        "reported": 3,
        "usable": 2,
        "met": 1,
    }


def test_indicator_funnel_of_the_year_narrows_step_by_step(analysis):
    from binjai_analysis.analysis.aggregates import headline_counts, indicator_funnel

    funnel = indicator_funnel(analysis.data.framework.indicators, analysis.results)
    counts = headline_counts(analysis.results)
    assert funnel["framework"] >= funnel["reported"] >= funnel["usable"] >= funnel["met"]
    assert (funnel["reported"], funnel["usable"], funnel["met"]) == (
        counts["indicators"],
        counts["usable"],
        counts["met"],
    )


def test_mean_capaian_skips_indicators_without_one():
    from binjai_analysis.analysis.aggregates import mean_capaian

    assert mean_capaian(pd.DataFrame({"capaian": [100.0, 50.0, None]})) == 75.0


def test_rating_counts_keep_every_rating_of_the_scale_in_order():
    from binjai_analysis.analysis.aggregates import rating_counts
    from binjai_analysis.analysis.rating import DEFAULT_SCALE

    best, worst = DEFAULT_SCALE.labels[0], DEFAULT_SCALE.labels[-1]
    results = pd.DataFrame({"rating": [best, best, worst, None]})
    counts = rating_counts(results, DEFAULT_SCALE)
    assert list(counts["rating"]) == list(DEFAULT_SCALE.labels)
    assert list(counts["order"]) == list(range(len(DEFAULT_SCALE.labels)))
    assert counts["indicators"].iloc[0] == 2 and counts["indicators"].iloc[-1] == 1
    assert counts["indicators"].sum() == 3  # the one without a rating is not counted


def test_differs_from_printed_uses_the_tolerance():
    from binjai_analysis.analysis.aggregates import PRINTED_TOLERANCE_PCT, differs_from_printed

    assert differs_from_printed(75.21, 73.8)
    assert not differs_from_printed(75.21, 75.21 + PRINTED_TOLERANCE_PCT / 2)
    assert differs_from_printed(75.21, 75.21 + PRINTED_TOLERANCE_PCT * 2)
    assert not differs_from_printed(76.0, 80.0, tolerance=5.0)
