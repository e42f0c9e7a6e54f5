"""Charts for the chapter "Perbandingan antar tahun": a realisation year against the previous
one (indicator readings and pace per sasaran, mean capaian per sasaran, program absorption)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_WIDTH, OKABE_ITO, stacked_counts, titled

READING_COLOURS = {
    "membaik": OKABE_ITO[0],
    "tetap": OKABE_ITO[4],
    "memburuk": OKABE_ITO[5],
    "tidak dapat dibandingkan": OKABE_ITO[3],
}
"""How an indicator changed, best first: blue better, pale blue the same, vermillion worse,
purple not comparable (distinguishable with colour-blindness)."""

PACE_COLOURS = {
    "target akhir tercapai": OKABE_ITO[0],
    "cukup cepat": OKABE_ITO[2],
    "terlalu lambat": OKABE_ITO[1],
    "tidak membaik": OKABE_ITO[5],
    "tidak dapat dinilai": OKABE_ITO[4],
}
"""The pace toward the plan period's end target, best first."""

SMALL_WIDTH = CHART_WIDTH // 2 - 20
"""Charts of two values per row fit a phone's screen at this width."""

YEAR_COLOURS = (OKABE_ITO[4], OKABE_ITO[0])
"""The previous year (pale blue) and the year (blue)."""


def _counts_chart(
    counts: pd.DataFrame, title: str, colours: dict[str, str], legend_title: str
) -> alt.Chart:
    categories = list(colours)
    data = counts[counts["jumlah"] > 0]
    data = data.assign(urutan_kategori=data["kategori"].map(categories.index))
    return stacked_counts(
        data,
        count="jumlah",
        category="kategori",
        colours=colours,
        order="urutan_kategori",
        tooltip=[
            alt.Tooltip("sasaran:N", title="Sasaran"),
            alt.Tooltip("pernyataan:N", title="Pernyataan sasaran"),
            alt.Tooltip("kategori:N", title=legend_title),
            alt.Tooltip("jumlah:Q", title="Jumlah indikator"),
        ],
        title=title,
        legend_title=legend_title,
        legend_columns=2,
    )


def reading_chart(counts: pd.DataFrame, title: str) -> alt.Chart:
    """Stacked bars per sasaran: indicators that got better, stayed, got worse, or cannot be
    compared. `counts` is `views.comparison.category_counts(...)`: sasaran, sasaran_no,
    pernyataan, kategori, jumlah."""
    return _counts_chart(counts, title, READING_COLOURS, "Perubahan")


def pace_chart(counts: pd.DataFrame, title: str) -> alt.Chart:
    """Stacked bars per sasaran: the pace of each indicator toward the end target."""
    return _counts_chart(counts, title, PACE_COLOURS, "Laju menuju target akhir")


def sasaran_means_chart(data: pd.DataFrame, title: str, years: list[str]) -> alt.LayerChart:
    """Per sasaran, the mean capaian of both years as two dots joined by a line.

    `data` is long: sasaran, sasaran_no, pernyataan, tahun (text), rata_rata (percent);
    `years` are the two `tahun` values, earlier first.
    """
    order = list(dict.fromkeys(data.sort_values("sasaran_no")["sasaran"]))
    y = alt.Y("sasaran:N", title=None, sort=order, axis=alt.Axis(labelLimit=120))
    x = alt.X("rata_rata:Q", title="Rata-rata capaian (%)", axis=alt.Axis(format=",.0f"))
    base = alt.Chart(data).encode(y=y)
    lines = base.mark_line(color="#777777").encode(x=x, detail="sasaran:N")
    dots = base.mark_point(filled=True, size=70, opacity=1).encode(
        x=x,
        color=alt.Color(
            "tahun:N",
            title="Tahun",
            sort=years,
            scale=alt.Scale(domain=years, range=list(YEAR_COLOURS)),
            legend=alt.Legend(orient="bottom"),
        ),
        shape=alt.Shape("tahun:N", sort=years, legend=None),
        tooltip=[
            alt.Tooltip("sasaran:N", title="Sasaran"),
            alt.Tooltip("pernyataan:N", title="Pernyataan sasaran"),
            alt.Tooltip("tahun:N", title="Tahun"),
            alt.Tooltip("rata_rata:Q", title="Rata-rata capaian (%)", format=",.1f"),
        ],
    )
    hundred = (
        alt.Chart(pd.DataFrame({"x": [100.0]}))
        .mark_rule(strokeDash=[4, 3], color="black")
        .encode(x="x:Q")
    )
    return (hundred + lines + dots).properties(
        title=titled(title, subtitle="Garis putus-putus: capaian 100 %"),
        width=SMALL_WIDTH,
        height=max(120, 22 * len(order)),
        description=f"{title}: satu baris per sasaran, satu titik per tahun.",
    )


def absorption_scatter(data: pd.DataFrame, title: str, years: list[str]) -> alt.LayerChart:
    """Each program found in both years: its absorption in the year against the previous one.

    Points above the dashed diagonal absorbed a larger share of their budget than the year
    before. `data` is `views.comparison.absorption_points(...)`: program, serapan_<year> for
    both `years` (earlier first), anggaran_<year> of the later year.
    """
    before, after = (f"serapan_{year}" for year in years)
    high = max(100.0, float(data[[before, after]].max().max())) * 1.05
    scale = alt.Scale(domain=[0, high], nice=False)
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=45, opacity=0.7, color=OKABE_ITO[0])
        .encode(
            x=alt.X(f"{before}:Q", title=f"Serapan {years[0]} (%)", scale=scale),
            y=alt.Y(f"{after}:Q", title=f"Serapan {years[1]} (%)", scale=scale),
            tooltip=[
                alt.Tooltip("program:N", title="Program"),
                alt.Tooltip(f"{before}:Q", title=f"Serapan {years[0]} (%)", format=",.1f"),
                alt.Tooltip(f"{after}:Q", title=f"Serapan {years[1]} (%)", format=",.1f"),
                alt.Tooltip(
                    f"anggaran_{years[1]}:Q", title=f"Anggaran {years[1]} (Rp)", format=",.0f"
                ),
            ],
        )
    )
    diagonal = (
        alt.Chart(pd.DataFrame({"x": [0.0, high], "y": [0.0, high]}))
        .mark_line(strokeDash=[4, 3], color="black")
        .encode(x="x:Q", y="y:Q")
    )
    return (diagonal + points).properties(
        title=titled(
            title,
            subtitle=f"Di atas garis putus-putus: serapan {years[1]} lebih tinggi daripada "
            f"{years[0]}",
        ),
        width=SMALL_WIDTH,
        height=SMALL_WIDTH,
        description=f"{title}: satu titik per program yang ada di kedua tahun.",
    )
