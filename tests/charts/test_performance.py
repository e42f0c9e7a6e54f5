"""The home page's headline chart: indicators per predikat, one bar each, fit for a phone."""

from __future__ import annotations

import re

import pandas as pd
import vl_convert as vlc

from binjai_analysis.analysis.aggregates import rating_counts
from binjai_analysis.analysis.rating import DEFAULT_SCALE
from binjai_analysis.build.renderer import COMPACT_WIDTH, compact_spec
from binjai_analysis.charts import RATING_COLOURS
from binjai_analysis.charts.performance import (
    HEADLINE_CHART_WIDTH,
    NO_RATING,
    NO_RATING_COLOUR,
    capaian_chart,
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


def _capaian_rows() -> pd.DataFrame:
    names = [f"Persentase sesuatu yang diukur dengan nama panjang nomor {i}" for i in range(5)]
    return pd.DataFrame(
        {
            "indicator_id": [f"S01.I{i:02d}" for i in range(5)],
            "name": names,
            "capaian": [20.0, 80.0, 100.0, 150.0, 250.0],
            "rating": [DEFAULT_SCALE.labels[-1], *[DEFAULT_SCALE.labels[0]] * 4],
            "target_raw": ["100"] * 5,
            "realisasi_raw": ["20", "80", "100", "150", "250"],
        }
    )


def test_capaian_chart_rows_and_words_follow_the_drawn_width():
    spec = capaian_chart(_capaian_rows(), "Capaian").to_dict()
    # a row height, not a fixed total: a narrow variant can give each row more room
    assert spec["height"] == {"step": 26}
    words = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert words and words[0]["encoding"]["x"] == {"value": "width"}


def test_capaian_chart_fits_a_phone_with_its_target_line_and_names_in_the_tooltip():
    spec = capaian_chart(_capaian_rows(), "Capaian indikator sasaran 1").to_dict()
    compact = compact_spec(spec)
    compact["datasets"] = spec["datasets"]
    svg = vlc.vegalite_to_svg(compact)
    assert float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1)) <= COMPACT_WIDTH + 1
    # the 100 % line is drawn inside the 0-200 % scale
    rules = [layer for layer in compact["layer"] if layer["mark"]["type"] == "rule"]
    assert rules and 'class="mark-rule role-mark' in svg
    # a cut name is whole in the tooltip
    bars = compact["layer"][0]["encoding"]
    assert bars["y"]["field"] in {tip["field"] for tip in bars["tooltip"]}
    assert bars["y"]["axis"]["labelAlign"] == "left"
