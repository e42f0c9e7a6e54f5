"""Charts for the site page "Kualitas data": errata per kind and severity."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_WIDTH, OKABE_ITO, titled
from binjai_analysis.labels import CONVENTION_LABEL

SEVERITY_COLOURS = {
    "tinggi": OKABE_ITO[5],
    "sedang": OKABE_ITO[1],
    "rendah": OKABE_ITO[4],
    CONVENTION_LABEL: "#999999",
}
"""Errors' severity from worst (vermillion) to mildest (sky blue), colour-blind safe; grey for
differences of convention, which are no error."""
LABEL_ROOM = 230


def errata_chart(data: pd.DataFrame) -> alt.LayerChart:
    """Stacked horizontal bars: errata per kind, coloured by severity, labelled with totals.

    `data` is long: `jenis`, `tingkat` (tinggi/sedang/rendah, or perbedaan konvensi),
    `urutan_tingkat`, `catatan` and
    `jumlah_jenis`, in the order the kinds are drawn (see `views.quality.errata_chart_data`).
    """
    order = list(dict.fromkeys(data["jenis"]))
    title = "Catatan per jenis"
    y = alt.Y("jenis:N", title=None, sort=order, axis=alt.Axis(labelLimit=LABEL_ROOM))
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("sum(catatan):Q", title="Jumlah catatan", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "tingkat:N",
                title="Tingkat",
                scale=alt.Scale(
                    domain=list(SEVERITY_COLOURS), range=list(SEVERITY_COLOURS.values())
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("urutan_tingkat:Q"),
            tooltip=[
                alt.Tooltip("jenis:N", title="Jenis"),
                alt.Tooltip("tingkat:N", title="Tingkat"),
                alt.Tooltip("catatan:Q", title="Catatan"),
                alt.Tooltip("jumlah_jenis:Q", title="Jumlah jenis ini"),
            ],
        )
    )
    totals = data.drop_duplicates("jenis")[["jenis", "jumlah_jenis"]]
    labels = (
        alt.Chart(totals)
        .mark_text(align="left", dx=4)
        .encode(y=y, x="jumlah_jenis:Q", text="jumlah_jenis:Q")
    )
    return (bars + labels).properties(
        title=titled(title, subtitle="Label: jumlah catatan per jenis"),
        width=CHART_WIDTH - LABEL_ROOM + 60,
        height=alt.Step(28),
        description=f"{title}: kesalahan menurut tingkat keparahan, dan perbedaan konvensi.",
    )
