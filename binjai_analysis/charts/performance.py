"""Charts for the chapter "Capaian kinerja": capaian per indicator against the 100 % line."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.analysis.rating import DEFAULT_SCALE
from binjai_analysis.charts import CHART_WIDTH, rating_scale, titled

DISPLAY_RANGE = (0.0, 200.0)
"""Bars are drawn within 0-200 %; the tooltip keeps the exact value."""


def capaian_chart_data(rows: pd.DataFrame) -> pd.DataFrame:
    """The chart's data: one row per indicator with a computed capaian."""
    usable = rows[rows["capaian"].notna()]
    low, high = DISPLAY_RANGE
    return pd.DataFrame(
        {
            "indikator": usable["indicator_id"] + " " + usable["name"].str.slice(0, 60),
            "capaian": usable["capaian"].astype(float),
            "capaian_digambar": usable["capaian"].astype(float).clip(low, high),
            "predikat": usable["rating"],
            "target": usable["target_raw"],
            "realisasi": usable["realisasi_raw"],
        }
    )


def capaian_chart(rows: pd.DataFrame, title: str) -> alt.LayerChart:
    """Horizontal bars of capaian per indicator, coloured by rating, with the 100 % line."""
    data = capaian_chart_data(rows)
    low, high = DISPLAY_RANGE
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("indikator:N", title=None, sort=None, axis=alt.Axis(labelLimit=230)),
            x=alt.X(
                "capaian_digambar:Q",
                title="Capaian (%)",
                scale=alt.Scale(domain=[low, high], clamp=True),
            ),
            color=alt.Color(
                "predikat:N",
                title="Predikat",
                scale=rating_scale(DEFAULT_SCALE.labels),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("indikator:N", title="Indikator"),
                alt.Tooltip("target:N", title="Target"),
                alt.Tooltip("realisasi:N", title="Realisasi"),
                alt.Tooltip("capaian:Q", title="Capaian (%)", format=",.1f"),
                alt.Tooltip("predikat:N", title="Predikat"),
            ],
        )
    )
    plot_width = CHART_WIDTH - 280
    # The predikat in words beside each bar: colour is never its only carrier.
    words = (
        alt.Chart(data)
        .mark_text(align="left", baseline="middle", dx=8, fontSize=11)
        .encode(
            y=alt.Y("indikator:N", sort=None),
            x=alt.value(plot_width),
            text="predikat:N",
            tooltip=bars.encoding.tooltip,
        )
    )
    line = alt.Chart(pd.DataFrame({"x": [100.0]})).mark_rule(strokeDash=[4, 3]).encode(x="x:Q")
    height = max(60, 26 * len(data))
    return (bars + line + words).properties(
        title=titled(title, subtitle="Garis putus-putus: target (100 %); batang dipotong di 200 %"),
        width=plot_width,
        height=height,
        description=f"{title}: capaian tiap indikator terhadap garis 100 %.",
    )
