"""Charts for the chapter "Capaian kinerja": capaian per indicator against the 100 % line."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from binjai_analysis.analysis.rating import DEFAULT_SCALE
from binjai_analysis.charts import CHART_WIDTH, RATING_COLOURS, rating_scale, titled

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
    # The predikat in words beside each bar: colour is never its only carrier. It sits just
    # right of the plot, whatever width the plot is drawn at (the compact variant's too).
    words = (
        alt.Chart(data)
        .mark_text(align="left", baseline="middle", dx=8, fontSize=11)
        .encode(
            y=alt.Y("indikator:N", sort=None),
            x=alt.value("width"),
            text="predikat:N",
            tooltip=bars.encoding.tooltip,
        )
    )
    line = alt.Chart(pd.DataFrame({"x": [100.0]})).mark_rule(strokeDash=[4, 3]).encode(x="x:Q")
    return (bars + line + words).properties(
        title=titled(title, subtitle="Garis putus-putus: target (100 %); batang dipotong di 200 %"),
        width=plot_width,
        # Per row, not fixed: a narrow variant can give each row room for a label above it.
        height=alt.Step(26),
        description=f"{title}: capaian tiap indikator terhadap garis 100 %.",
    )


NO_RATING = "Tanpa capaian"
"""The bar of indicators whose capaian could not be computed (no predikat)."""
NO_RATING_COLOUR = "#999999"


def predikat_chart_data(counts: pd.DataFrame, without_capaian: int) -> pd.DataFrame:
    """The headline chart's data: `analysis.aggregates.rating_counts(...)` (predikat best
    first) and a last bar for the indicators without a capaian; columns `predikat`, `order`,
    `indikator`."""
    data = pd.DataFrame(
        {
            "predikat": [*counts["rating"].astype(str), NO_RATING],
            "order": [*counts["order"].astype(int), len(counts)],
            "indikator": [*counts["indicators"].astype(int), int(without_capaian)],
        }
    )
    return data.reset_index(drop=True)


HEADLINE_CHART_WIDTH = 320
"""The headline chart's whole width in pixels, labels included (Vega fits the plot into it):
it fits a 400 px wide phone, where the article is about 340 px wide. (A chart `width:
"container"` draws nothing here: vega-embed makes its element an inline block of no width.)"""


def predikat_chart(data: pd.DataFrame, title: str, subtitle: str = "") -> alt.LayerChart:
    """One horizontal bar per predikat (best first), its count written at its end; short
    labels and no legend (the predikat is on the axis), as wide as a phone's page."""
    order = list(data.sort_values("order")["predikat"])
    colours = [RATING_COLOURS.get(label, NO_RATING_COLOUR) for label in order]
    # Room right of the longest bar for its count.
    top = max(1, math.ceil(float(data["indikator"].max()) * 1.2))
    base = alt.Chart(data).encode(
        y=alt.Y("predikat:N", title=None, sort=order, axis=alt.Axis(labelLimit=110)),
        x=alt.X(
            "indikator:Q",
            title="Jumlah indikator",
            axis=alt.Axis(tickMinStep=1, format=",.0f"),
            scale=alt.Scale(domain=[0, top], nice=False),
        ),
        tooltip=[
            alt.Tooltip("predikat:N", title="Predikat"),
            alt.Tooltip("indikator:Q", title="Jumlah indikator", format=",.0f"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("predikat:N", scale=alt.Scale(domain=order, range=colours), legend=None)
    )
    # The count in words beside each bar: the reader needs neither colour nor the axis.
    numbers = base.mark_text(align="left", baseline="middle", dx=4, fontSize=12).encode(
        text=alt.Text("indikator:Q", format=",.0f")
    )
    return (bars + numbers).properties(
        title=titled(title, subtitle),
        width=HEADLINE_CHART_WIDTH,
        height=alt.Step(28),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        description=f"{title}: jumlah indikator per predikat.",
    )
