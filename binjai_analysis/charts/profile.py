"""Charts for the site page "Profil daerah": population and density per kecamatan."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_WIDTH, OKABE_ITO, titled
from binjai_analysis.formatting import format_number, format_percent

BAR_HEIGHT = 34
LABEL_ROOM = 150
"""Pixels left of the bars for the kecamatan names, and right of them for the value labels."""


def population_chart_data(profile: pd.DataFrame) -> pd.DataFrame:
    """One row per kecamatan, most populous first, with a ready-made Indonesian label."""
    rows = profile.sort_values("penduduk", ascending=False)
    return pd.DataFrame(
        {
            "kecamatan": rows["kecamatan"].to_numpy(),
            "penduduk": rows["penduduk"].astype(float).to_numpy(),
            "porsi_penduduk_pct": rows["porsi_penduduk_pct"].astype(float).to_numpy(),
            "label": [
                f"{format_number(p, 0)} ({format_percent(s, 1)})"
                for p, s in zip(rows["penduduk"], rows["porsi_penduduk_pct"], strict=True)
            ],
        }
    )


def density_chart_data(profile: pd.DataFrame) -> pd.DataFrame:
    """One row per kecamatan, densest first: area, population, density, label."""
    rows = profile.sort_values("kepadatan", ascending=False)
    return pd.DataFrame(
        {
            "kecamatan": rows["kecamatan"].to_numpy(),
            "luas_km2": rows["luas_km2"].astype(float).to_numpy(),
            "penduduk": rows["penduduk"].astype(float).to_numpy(),
            "kepadatan": rows["kepadatan"].astype(float).to_numpy(),
            "label": [format_number(v, 0) for v in rows["kepadatan"]],
        }
    )


def _bars(
    data: pd.DataFrame, field: str, axis_title: str, colour: str, tooltip: list[alt.Tooltip]
) -> alt.LayerChart:
    """Horizontal bars in the data's order with the value label at the end of each bar."""
    base = alt.Chart(data).encode(
        tooltip=tooltip,
        y=alt.Y("kecamatan:N", title="Kecamatan", sort=None),
        x=alt.X(
            f"{field}:Q",
            title=axis_title,
            axis=alt.Axis(format=",.0f"),
            scale=alt.Scale(domain=[0, float(data[field].max()) * 1.25]),
        ),
    )
    return base.mark_bar(color=colour) + base.mark_text(align="left", dx=4).encode(text="label:N")


def population_chart(profile: pd.DataFrame) -> tuple[alt.LayerChart, pd.DataFrame]:
    """(chart, data): population per kecamatan, labelled with jiwa and share of the city."""
    data = population_chart_data(profile)
    title = "Jumlah penduduk per kecamatan"
    chart = _bars(
        data,
        "penduduk",
        "Penduduk (jiwa)",
        OKABE_ITO[0],
        [
            alt.Tooltip("kecamatan:N", title="Kecamatan"),
            alt.Tooltip("penduduk:Q", title="Penduduk (jiwa)", format=",.0f"),
            alt.Tooltip("porsi_penduduk_pct:Q", title="Porsi penduduk (%)", format=",.1f"),
        ],
    ).properties(
        title=titled(title, subtitle="Label: jumlah jiwa (porsi dari penduduk kota)"),
        width=CHART_WIDTH - LABEL_ROOM,
        height=alt.Step(BAR_HEIGHT),
        description=f"{title}, dalam jiwa.",
    )
    return chart, data


def density_chart(profile: pd.DataFrame, region: str) -> tuple[alt.LayerChart, pd.DataFrame]:
    """(chart, data): penduduk per km² per kecamatan, with the city's density as a dashed line."""
    data = density_chart_data(profile)
    city = float(profile["penduduk"].sum() / profile["luas_km2"].sum())
    title = "Kepadatan penduduk per kecamatan"
    bars = _bars(
        data,
        "kepadatan",
        "Kepadatan (jiwa per km²)",
        OKABE_ITO[2],
        [
            alt.Tooltip("kecamatan:N", title="Kecamatan"),
            alt.Tooltip("kepadatan:Q", title="Kepadatan (jiwa/km²)", format=",.0f"),
            alt.Tooltip("penduduk:Q", title="Penduduk (jiwa)", format=",.0f"),
            alt.Tooltip("luas_km2:Q", title="Luas (km²)", format=",.2f"),
        ],
    )
    line_data = pd.DataFrame({"kepadatan": [city], "keterangan": [f"Rata-rata {region}"]})
    line = (
        alt.Chart(line_data)
        .mark_rule(strokeDash=[4, 3], color="#333333")
        .encode(
            x="kepadatan:Q",
            tooltip=[
                alt.Tooltip("keterangan:N", title="Garis"),
                alt.Tooltip("kepadatan:Q", title="Kepadatan (jiwa/km²)", format=",.0f"),
            ],
        )
    )
    subtitle = f"Garis putus-putus: kepadatan {region} ({format_number(city, 0)} jiwa/km²)"
    chart = (bars + line).properties(
        title=titled(title, subtitle=subtitle),
        width=CHART_WIDTH - LABEL_ROOM,
        height=alt.Step(BAR_HEIGHT),
        description=f"{title}, dalam jiwa per km².",
    )
    return chart, data
