"""Charts of the macro series (Tabel 1.2): growth with its trend, PDRB per capita, and real
against nominal growth."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_HEIGHT, CHART_WIDTH, OKABE_ITO, titled

GROWTH_MEASURES = {
    "nominal_growth_pct": "Pertumbuhan nominal (ADHB)",
    "real_growth_pct": "Pertumbuhan riil (ADHK)",
    "deflator_growth_pct": "Kenaikan harga (deflator)",
}
"""The three yearly rates of `macro.real_and_nominal`, with their reader labels, in order."""


def pdrb_per_capita_chart(series: pd.DataFrame, title: str, subtitle: str = "") -> alt.Chart:
    """PDRB per capita at current (ADHB) and constant (ADHK) prices, as two lines; the
    subtitle names the source lines."""
    rows = series[series["indicator_id"].str.startswith("pdrb_per_kapita")]
    return (
        alt.Chart(rows, title=titled(title, subtitle))
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
                legend=alt.Legend(orient="bottom", labelLimit=300),
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
        .properties(
            width=CHART_WIDTH,
            height=CHART_HEIGHT,
            description=f"{title}: harga berlaku (ADHB) dan harga konstan (ADHK), ribu rupiah.",
        )
    )


def growth_trend_chart(band: pd.DataFrame, title: str) -> alt.LayerChart:
    """Growth per year as bars, the OLS trend as a line and its 95 % band as a shaded area.

    `band` is `analysis.macro.trend_band(...)`: year, value, fitted, low, high.
    """
    base = alt.Chart(band).encode(x=alt.X("year:O", title="Tahun", axis=alt.Axis(labelAngle=0)))
    tooltip = [
        alt.Tooltip("year:O", title="Tahun"),
        alt.Tooltip("value:Q", title="Pertumbuhan (%)", format=",.2f"),
        alt.Tooltip("fitted:Q", title="Nilai tren (%)", format=",.2f"),
        alt.Tooltip("low:Q", title="Batas bawah 95 % (%)", format=",.2f"),
        alt.Tooltip("high:Q", title="Batas atas 95 % (%)", format=",.2f"),
    ]
    bars = base.mark_bar(color=OKABE_ITO[4], opacity=0.8).encode(
        y=alt.Y("value:Q", title="Pertumbuhan ekonomi (%)", axis=alt.Axis(format=",.1f")),
        tooltip=tooltip,
    )
    labels = base.mark_text(dy=-8).encode(y="value:Q", text=alt.Text("value:Q", format=",.2f"))
    area = base.mark_area(color=OKABE_ITO[1], opacity=0.3).encode(
        y="low:Q", y2="high:Q", tooltip=tooltip
    )
    line = base.mark_line(color=OKABE_ITO[5], strokeWidth=2.5).encode(y="fitted:Q")
    return (bars + area + line + labels).properties(
        title=titled(
            title,
            subtitle=(
                "Batang: pertumbuhan tercatat; garis merah: tren OLS; "
                "pita jingga: selang kepercayaan 95 % garis tren"
            ),
        ),
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        description=f"{title}: batang per tahun, garis tren OLS dan pita selang 95 %.",
    )


def real_nominal_chart_data(macro: pd.DataFrame) -> pd.DataFrame:
    """Long table of the three growth rates per year (the first year, with no rate, dropped)."""
    frame = macro.sort_index()
    long = (
        frame[list(GROWTH_MEASURES)]
        .rename_axis("year")
        .reset_index()
        .melt(id_vars="year", var_name="measure", value_name="pct")
        .dropna(subset=["pct"])
    )
    long["year"] = long["year"].astype(int)
    long["seri"] = long["measure"].map(GROWTH_MEASURES)
    return long.reset_index(drop=True)


def real_nominal_chart(data: pd.DataFrame, title: str) -> alt.Chart:
    """Grouped bars per year: nominal growth, real growth and the deflator's growth, in percent."""
    order = list(GROWTH_MEASURES.values())
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Tahun", axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("seri:N", sort=order),
            y=alt.Y("pct:Q", title="Pertumbuhan per tahun (%)", axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "seri:N",
                title="Seri",
                sort=order,
                scale=alt.Scale(domain=order, range=OKABE_ITO[:3]),
                legend=alt.Legend(orient="bottom", labelLimit=300),
            ),
            tooltip=[
                alt.Tooltip("year:O", title="Tahun"),
                alt.Tooltip("seri:N", title="Seri"),
                alt.Tooltip("pct:Q", title="Persen", format=",.2f"),
            ],
        )
        .properties(
            title=titled(title, subtitle="Nominal ≈ riil + kenaikan harga"),
            width=CHART_WIDTH,
            height=CHART_HEIGHT,
            description=f"{title}: tiga batang per tahun, dalam persen.",
        )
    )
