"""Charts of the RPJMD trajectories: how many indicators of each sasaran are on track, at risk,
off track or not assessable."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import OKABE_ITO, stacked_counts

STATUS_COLOURS = {
    "sesuai jalur": OKABE_ITO[2],
    "berisiko": OKABE_ITO[1],
    "menyimpang": OKABE_ITO[5],
    "tidak dapat dinilai": OKABE_ITO[4],
}
"""Status colours from the Okabe-Ito palette: green on track, orange at risk, vermillion off
track, pale blue not assessable (distinguishable with colour-blindness)."""


def status_chart(counts: pd.DataFrame, title: str) -> alt.Chart:
    """Stacked horizontal bars: indicators per sasaran, split by trajectory status.

    `counts` is `views.trajectory.status_counts(...)`: sasaran, status, order, indicators,
    statement.
    """
    return stacked_counts(
        counts,
        count="indicators",
        category="status",
        colours=STATUS_COLOURS,
        order="order",
        tooltip=[
            alt.Tooltip("sasaran:N", title="Sasaran"),
            alt.Tooltip("statement:N", title="Rumusan"),
            alt.Tooltip("status:N", title="Status"),
            alt.Tooltip("indicators:Q", title="Jumlah indikator"),
        ],
        title=title,
        subtitle="Status menurut aturan yang dijelaskan di atas",
        legend_title="Status",
        step=24,
    )
