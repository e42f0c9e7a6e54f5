"""Charts of the macro series (Tabel 1.2)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_HEIGHT, CHART_WIDTH, OKABE_ITO, titled


def pdrb_per_capita_chart(series: pd.DataFrame) -> alt.Chart:
    """PDRB per capita at current (ADHB) and constant (ADHK) prices, as two lines."""
    rows = series[series["indicator_id"].str.startswith("pdrb_per_kapita")]
    title = "PDRB per kapita Kota Binjai, 2013–2017"
    description = (
        f"{title}: harga berlaku (ADHB) dan harga konstan (ADHK), dalam ribu rupiah. "
        "Data lengkap ada pada tabel di atas."
    )
    return (
        alt.Chart(rows, title=titled(title, rows), description=description)
        .mark_line(point=alt.OverlayMarkDef(size=60, filled=True))
        .encode(
            x=alt.X("year:O", title="Tahun", axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "value:Q",
                title="PDRB per kapita (ribu rupiah)",
                axis=alt.Axis(format=",.0f"),
                scale=alt.Scale(zero=False),
            ),
            color=alt.Color(
                "indicator:N",
                title="Seri",
                scale=alt.Scale(range=OKABE_ITO),
                legend=alt.Legend(orient="bottom"),
            ),
            strokeDash=alt.StrokeDash("indicator:N", legend=None),
            tooltip=[
                alt.Tooltip("indicator:N", title="Seri"),
                alt.Tooltip("year:O", title="Tahun"),
                alt.Tooltip("value:Q", title="Ribu rupiah", format=",.2f"),
                alt.Tooltip("raw:N", title="Tertulis di sumber"),
                alt.Tooltip("source_line:Q", title="Baris sumber"),
            ],
        )
        .properties(width=CHART_WIDTH, height=CHART_HEIGHT)
    )


def growth_chart(series: pd.DataFrame) -> alt.Chart:
    """Economic growth per year, as bars labelled with their value."""
    rows = series[series["indicator_id"] == "pertumbuhan_ekonomi"]
    title = "Pertumbuhan ekonomi Kota Binjai, 2013–2017"
    description = f"{title}, dalam persen per tahun. Data lengkap ada pada tabel di atas."
    base = alt.Chart(rows, title=titled(title, rows), description=description).encode(
        x=alt.X("year:O", title="Tahun", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title="Pertumbuhan ekonomi (%)", axis=alt.Axis(format=",.1f")),
        tooltip=[
            alt.Tooltip("year:O", title="Tahun"),
            alt.Tooltip("value:Q", title="Pertumbuhan (%)", format=",.2f"),
            alt.Tooltip("raw:N", title="Tertulis di sumber"),
            alt.Tooltip("source_line:Q", title="Baris sumber"),
        ],
    )
    bars = base.mark_bar(color=OKABE_ITO[0])
    labels = base.mark_text(dy=-8).encode(text=alt.Text("value:Q", format=",.2f"))
    return (bars + labels).properties(
        width=CHART_WIDTH, height=CHART_HEIGHT, description=description
    )
