"""The home page's headline chart: indicators per predikat, one bar each, fit for a phone."""

from __future__ import annotations

import pandas as pd
import vl_convert as vlc

from binjai_analysis.analysis.aggregates import rating_counts
from binjai_analysis.analysis.rating import DEFAULT_SCALE
from binjai_analysis.charts import RATING_COLOURS
from binjai_analysis.charts.performance import (
    HEADLINE_CHART_WIDTH,
    NO_RATING,
    NO_RATING_COLOUR,
    predikat_chart,
    predikat_chart_data,
)


def _counts() -> pd.DataFrame:
    best, worst = DEFAULT_SCALE.labels[0], DEFAULT_SCALE.labels[-1]
    return rating_counts(pd.DataFrame({"rating": [best, best, worst]}), DEFAULT_SCALE)


def test_chart_data_adds_a_last_bar_for_indicators_without_capaian():
    data = predikat_chart_data(_counts(), 4)
    assert list(data["predikat"]) == [*DEFAULT_SCALE.labels, NO_RATING]
    assert list(data["order"]) == list(range(len(DEFAULT_SCALE.labels) + 1))
    assert data["indikator"].iloc[0] == 2 and data["indikator"].iloc[-1] == 4
    assert data["indikator"].sum() == 3 + 4


def test_chart_spans_the_container_with_no_legend_and_the_scale_colours():
    data = predikat_chart_data(_counts(), 1)
    spec = predikat_chart(data, "Predikat indikator", "2 dari 3 mencapai target").to_dict()
    # the whole chart, labels included, fits a phone's 400 px page
    assert spec["width"] == HEADLINE_CHART_WIDTH <= 340
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    # the longest bar leaves room for its count
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"][1] > data["indikator"].max()
    bars, numbers = spec["layer"]
    colour = bars["encoding"]["color"]
    assert colour["legend"] is None  # the predikat is on the axis: no legend to fit
    expected = [RATING_COLOURS[label] for label in DEFAULT_SCALE.labels] + [NO_RATING_COLOUR]
    assert colour["scale"]["range"] == expected
    assert numbers["mark"]["type"] == "text"  # each count written beside its bar
    assert bars["encoding"]["y"]["sort"] == list(data["predikat"])
    assert spec["title"]["subtitle"] == "2 dari 3 mencapai target"
    assert "<svg" in vlc.vegalite_to_svg(spec)  # a valid spec that draws
