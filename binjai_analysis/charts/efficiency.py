"""Charts of spending against results: capaian against absorption per sasaran, in quadrants."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from binjai_analysis.analysis.efficiency import QUADRANTS, QuadrantRule
from binjai_analysis.charts import CHART_HEIGHT, CHART_WIDTH, OKABE_ITO, titled
from binjai_analysis.formatting import format_percent

QUADRANT_COLOURS = {
    QUADRANTS[(True, True)]: OKABE_ITO[0],
    QUADRANTS[(True, False)]: OKABE_ITO[2],
    QUADRANTS[(False, True)]: OKABE_ITO[1],
    QUADRANTS[(False, False)]: OKABE_ITO[3],
}
"""Quadrant colours (Okabe-Ito): blue and green for high performance, orange and reddish purple
for low; four hues that stay apart with colour-blindness."""


def absorption_domain(data: pd.DataFrame) -> list[float]:
    """The x range: from the lowest absorption rounded down to ten, to 100 %."""
    low = float(data["serapan"].min()) if len(data) else 0.0
    return [max(0.0, math.floor(min(low, 90.0) / 10.0) * 10.0), 100.0]


def threshold(value: float) -> str:
    """A threshold in percent, without decimals when it is whole: '90 %', '92,5 %'."""
    return format_percent(value, 0 if float(value).is_integer() else 1)


def quadrant_chart_data(table: pd.DataFrame) -> pd.DataFrame:
    """The chart's data: sasaran with both mean capaian and absorption."""
    complete = table.dropna(subset=["mean_capaian", "absorption_pct"])
    return pd.DataFrame(
        {
            "sasaran_no": complete["sasaran_no"].astype(int),
            "label": complete["sasaran_no"].astype(int).astype(str),
            "sasaran": "Sasaran " + complete["sasaran_no"].astype(int).astype(str),
            "capaian": complete["mean_capaian"].astype(float),
            "serapan": complete["absorption_pct"].astype(float),
            "anggaran_miliar": complete["anggaran"].astype(float) / 1e9,
            "realisasi_miliar": complete["realisasi"].astype(float) / 1e9,
            "kuadran": complete["quadrant"],
        }
    ).reset_index(drop=True)


def quadrant_chart(data: pd.DataFrame, rule: QuadrantRule, title: str) -> alt.LayerChart:
    """Scatter of mean capaian (y) against absorption (x), sized by budget, coloured by
    quadrant, with the two threshold lines of `rule` and the sasaran number beside each point."""
    quadrants = list(QUADRANT_COLOURS)
    tooltip = [
        alt.Tooltip("sasaran:N", title="Sasaran"),
        alt.Tooltip("capaian:Q", title="Rata-rata capaian (%)", format=",.1f"),
        alt.Tooltip("serapan:Q", title="Serapan anggaran (%)", format=",.1f"),
        alt.Tooltip("anggaran_miliar:Q", title="Anggaran (Rp miliar)", format=",.1f"),
        alt.Tooltip("realisasi_miliar:Q", title="Realisasi (Rp miliar)", format=",.1f"),
        alt.Tooltip("kuadran:N", title="Kuadran"),
    ]
    x_scale = alt.Scale(domain=absorption_domain(data), nice=False, zero=False)
    base = alt.Chart(data).encode(
        x=alt.X("serapan:Q", title="Serapan anggaran program yang dipetakan (%)", scale=x_scale),
        y=alt.Y("capaian:Q", title="Rata-rata capaian indikator (%)"),
    )
    points = base.mark_circle(opacity=0.85, stroke="#333333", strokeWidth=0.5).encode(
        color=alt.Color(
            "kuadran:N",
            title="Kuadran",
            sort=quadrants,
            scale=alt.Scale(domain=quadrants, range=list(QUADRANT_COLOURS.values())),
            legend=alt.Legend(orient="bottom", columns=2, labelLimit=300),
        ),
        size=alt.Size(
            "anggaran_miliar:Q",
            title="Anggaran (Rp miliar)",
            scale=alt.Scale(range=[40, 700]),
            legend=alt.Legend(orient="bottom", format=",.0f", values=[10, 50, 100]),
        ),
        tooltip=tooltip,
    )
    labels = base.mark_text(align="left", dx=9, dy=-7, fontSize=12).encode(
        text="label:N", tooltip=tooltip
    )
    vertical = (
        alt.Chart(pd.DataFrame({"x": [rule.absorption_pct]}))
        .mark_rule(strokeDash=[4, 3], color="#555555")
        .encode(x=alt.X("x:Q", scale=x_scale))
    )
    horizontal = (
        alt.Chart(pd.DataFrame({"y": [rule.capaian_pct]}))
        .mark_rule(strokeDash=[4, 3], color="#555555")
        .encode(y="y:Q")
    )
    return (vertical + horizontal + points + labels).properties(
        title=titled(
            title,
            subtitle=(
                f"Garis putus-putus: ambang capaian {threshold(rule.capaian_pct)} dan serapan "
                f"{threshold(rule.absorption_pct)}; angka di titik: nomor sasaran"
            ),
        ),
        width=CHART_WIDTH,
        height=CHART_HEIGHT + 80,
        description=f"{title}: satu titik per sasaran, dengan dua garis ambang.",
    )
