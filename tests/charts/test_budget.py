"""The budget charts keep their shape at any drawn width (a phone's compact variant too)."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.charts.budget import BAR_SHARE, pareto_chart, pareto_chart_data


def test_pareto_bars_span_a_share_of_a_rank_not_a_pixel_width():
    table = pd.DataFrame(
        {
            "rank": [1, 2, 3],
            "program": ["A", "B", "C"],
            "anggaran": [60.0, 30.0, 10.0],
            "share_pct": [60.0, 30.0, 10.0],
            "cumulative_pct": [60.0, 90.0, 100.0],
        }
    )
    spec = pareto_chart(pareto_chart_data(table), 80.0, 2, "Pareto").to_dict()
    bars = spec["layer"][0]
    assert "size" not in bars["mark"]
    assert bars["encoding"]["x2"] == {"field": "rank_to"}
    assert bars["encoding"]["y2"] == {"datum": 0}  # each bar stands on the axis
    widths = {t["as"]: t["calculate"] for t in bars["transform"]}
    assert str(BAR_SHARE / 2) in widths["rank_from"] and "-" in widths["rank_from"]
    assert str(BAR_SHARE / 2) in widths["rank_to"] and "+" in widths["rank_to"]
    assert {"peringkat", "program"} <= {t["field"] for t in bars["encoding"]["tooltip"]}
