"""Charts of the RPJMD trajectories: how many indicators of each sasaran are on track, at risk,
off track or not assessable."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_WIDTH, OKABE_ITO, titled

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
    sasaran_order = list(dict.fromkeys(counts.sort_values("sasaran_no")["sasaran"]))
    statuses = list(STATUS_COLOURS)
    height = max(120, 24 * len(sasaran_order))
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("sasaran:N", title=None, sort=sasaran_order),
            x=alt.X("indicators:Q", title="Jumlah indikator", stack="zero"),
            color=alt.Color(
                "status:N",
                title="Status",
                sort=statuses,
                scale=alt.Scale(domain=statuses, range=list(STATUS_COLOURS.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("sasaran:N", title="Sasaran"),
                alt.Tooltip("statement:N", title="Rumusan"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("indicators:Q", title="Jumlah indikator"),
            ],
        )
        .properties(
            title=titled(title, subtitle="Status menurut aturan yang dijelaskan di atas"),
            width=CHART_WIDTH - 100,
            height=height,
            description=f"{title}: jumlah indikator per status untuk setiap sasaran.",
        )
    )
