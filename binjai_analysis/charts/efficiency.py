"""Charts of budget absorption against results: mean capaian against absorption per sasaran,
coloured by the capaian's band on the rating scale, shaped by high or low absorption."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from binjai_analysis.analysis.efficiency import ABSORPTION_LEVELS, QuadrantRule
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.charts import CHART_HEIGHT, CHART_WIDTH, rating_scale, titled
from binjai_analysis.formatting import format_percent

ABSORPTION_SHAPES = {ABSORPTION_LEVELS[True]: "circle", ABSORPTION_LEVELS[False]: "triangle-down"}
"""Point shapes: a circle for high absorption, a downward triangle for low (shape, not only
colour, so the two stay apart in greyscale)."""


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
            "predikat": complete["capaian_band"],
            "serapan_tingkat": complete["high_absorption"].map(
                lambda high: ABSORPTION_LEVELS[bool(high)]
            ),
            "kelompok": complete["quadrant"],
        }
    ).reset_index(drop=True)


def quadrant_chart(
    data: pd.DataFrame, rule: QuadrantRule, title: str, scale: RatingScale = DEFAULT_SCALE
) -> alt.LayerChart:
    """Scatter of mean capaian (y) against absorption (x), sized by budget, coloured by the
    capaian's band on `scale`, shaped by absorption level, with the absorption threshold of
    `rule`, a line at each band's lower bound and the sasaran number beside each point."""
    tooltip = [
        alt.Tooltip("sasaran:N", title="Sasaran"),
        alt.Tooltip("capaian:Q", title="Rata-rata capaian (%)", format=",.1f"),
        alt.Tooltip("serapan:Q", title="Serapan anggaran (%)", format=",.1f"),
        alt.Tooltip("anggaran_miliar:Q", title="Anggaran (Rp miliar)", format=",.1f"),
        alt.Tooltip("realisasi_miliar:Q", title="Realisasi (Rp miliar)", format=",.1f"),
        alt.Tooltip("predikat:N", title="Predikat capaian"),
        alt.Tooltip("kelompok:N", title="Kelompok"),
    ]
    x_scale = alt.Scale(domain=absorption_domain(data), nice=False, zero=False)
    base = alt.Chart(data).encode(
        x=alt.X("serapan:Q", title="Serapan anggaran program yang dipetakan (%)", scale=x_scale),
        y=alt.Y("capaian:Q", title="Rata-rata capaian indikator (%)"),
    )
    points = base.mark_circle(opacity=0.85, stroke="#333333", strokeWidth=0.5).encode(
        color=alt.Color(
            "predikat:N",
            title="Predikat rata-rata capaian",
            sort=list(scale.labels),
            scale=rating_scale(scale.labels),
            legend=alt.Legend(orient="bottom", columns=3, labelLimit=300),
        ),
        shape=alt.Shape(
            "serapan_tingkat:N",
            title="Serapan",
            scale=alt.Scale(domain=list(ABSORPTION_SHAPES), range=list(ABSORPTION_SHAPES.values())),
            legend=alt.Legend(orient="bottom"),
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
    # colour is never the only carrier of the rating: it is written beside each point too
    ratings = base.mark_text(align="left", dx=9, dy=7, fontSize=10, color="#444444").encode(
        text="predikat:N", tooltip=tooltip
    )
    vertical = (
        alt.Chart(pd.DataFrame({"x": [rule.absorption_pct]}))
        .mark_rule(strokeDash=[4, 3], color="#555555")
        .encode(x=alt.X("x:Q", scale=x_scale))
    )
    bounds = [band.lower for band in scale.bands if band.lower is not None]
    horizontal = (
        alt.Chart(pd.DataFrame({"y": bounds}))
        .mark_rule(strokeDash=[2, 4], color="#999999")
        .encode(y="y:Q")
    )
    return (vertical + horizontal + points + labels + ratings).properties(
        title=titled(
            title,
            subtitle=(
                f"Garis tegak: ambang serapan {threshold(rule.absorption_pct)}; garis mendatar: "
                "batas predikat skala; di titik: nomor sasaran dan predikatnya"
            ),
        ),
        width=CHART_WIDTH,
        height=CHART_HEIGHT + 80,
        description=f"{title}: satu titik per sasaran, dengan ambang serapan dan batas predikat.",
    )
