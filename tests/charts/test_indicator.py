"""The indicator chart: printed figures with a year and a number, one validated spec."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts.indicator import (
    DATA_NAME,
    SERIES_LABELS,
    series_chart_data,
    series_chart_spec,
)


def _series(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["year", "basis", "measure", "raw", "value", "source_line"]
    ).astype({"year": "Int64"})


def test_chart_data_keeps_targets_and_realisations_with_a_year_and_a_number():
    series = _series(
        [
            (2016, "rpjmd", "target", "3,47", 3.47, 10),
            (None, "rpjmd", "target", "3,0", 3.0, 11),  # no year: not drawn
            (2018, "lkjip_table", "capaian", "0%", 0.0, 12),  # a printed capaian: not drawn
            (2018, "lkjip_table", "realisasi", "WTP", None, 13),  # no number: not drawn
            (2018, "lkjip_table", "realisasi", "4", 4.0, 14),
        ]
    )
    data = series_chart_data(series)
    assert data.to_dict("records") == [
        {"tahun": "2016", "seri": "Target RPJMD", "nilai": 3.47, "tercetak": "3,47", "baris": 10},
        {
            "tahun": "2018",
            "seri": SERIES_LABELS[("lkjip_table", "realisasi")],
            "nilai": 4.0,
            "tercetak": "4",
            "baris": 14,
        },
    ]


def test_the_spec_is_valid_vega_lite_with_the_page_title_unit_and_rows():
    data = series_chart_data(
        _series([(2016, "rpjmd", "target", "1", 1.0, 5), (2018, "pk", "target", "2", 2.0, 6)])
    )
    spec = series_chart_spec(data, 'S01.I01 "kutip"', "persen")
    alt.LayerChart.from_dict(spec)  # raises when the spec breaks the Vega-Lite schema
    assert spec["title"]["text"] == 'S01.I01 "kutip"'
    assert spec["datasets"][DATA_NAME] == data.to_dict("records")
    encodings = [layer["encoding"] for layer in spec["layer"]]
    assert {e["y"]["title"] for e in encodings} == {"persen"}
    assert encodings[0]["color"]["scale"]["domain"] == ["Target RPJMD", "Target Perjanjian Kinerja"]
    other = series_chart_spec(data, "lain", "ton")
    assert other["title"]["text"] == "lain" and spec["title"]["text"] == 'S01.I01 "kutip"'
