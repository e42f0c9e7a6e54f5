"""Charts for the chapter "Rencana": PK targets against realisations, budgets per program."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_WIDTH, OKABE_ITO, stacked_counts, titled

AMBITION_COLOURS = {
    "lebih ambisius": OKABE_ITO[0],
    "setara realisasi": OKABE_ITO[4],
    "kurang ambisius": OKABE_ITO[5],
    "tidak dapat dibandingkan": OKABE_ITO[3],
}
"""Reader labels of the ambition of a target, best first, with colour-blind-safe colours."""


def ambition_chart(counts: pd.DataFrame, title: str) -> alt.Chart:
    """Stacked horizontal bars: per sasaran, how many targets are more or less ambitious.

    `counts` is `views.plan.ambition_counts(...)`: sasaran, order, kategori, jumlah.
    """
    categories = list(AMBITION_COLOURS)
    data = counts[counts["jumlah"] > 0].rename(columns={"order": "sasaran_no"})
    data = data.assign(urutan_kategori=data["kategori"].map(categories.index))
    return stacked_counts(
        data,
        count="jumlah",
        category="kategori",
        colours=AMBITION_COLOURS,
        order="urutan_kategori",
        tooltip=[
            alt.Tooltip("sasaran:N", title="Sasaran"),
            alt.Tooltip("pernyataan:N", title="Pernyataan sasaran"),
            alt.Tooltip("kategori:N", title="Target dibanding realisasi"),
            alt.Tooltip("jumlah:Q", title="Jumlah indikator"),
        ],
        title=title,
        legend_title="Target dibanding realisasi",
        legend_columns=2,
    )


def budget_scatter_data(rows: pd.DataFrame, base_year: int, plan_year: int) -> pd.DataFrame:
    """Programs in both years with a budget in each, in rupiah and in miliar (for log axes).

    `rows` is `views.plan.change_rows(...)`: `plan.budget_change` with the years in its column
    names (`anggaran_<year>`) and reader labels.
    """
    base, planned = f"anggaran_{base_year}", f"anggaran_{plan_year}"
    both = rows[(rows["match"] == "both years") & (rows[base] > 0) & (rows[planned] > 0)]
    return pd.DataFrame(
        {
            "program": both["program"],
            "pencocokan": both["pencocokan"],
            base: both[base].astype(float),
            planned: both[planned].astype(float),
            f"{base}_miliar": both[base].astype(float) / 1e9,
            f"{planned}_miliar": both[planned].astype(float) / 1e9,
            "perubahan_pct": both[f"change_vs_{base}_pct"].astype(float),
        }
    ).reset_index(drop=True)


def budget_scatter(
    data: pd.DataFrame, title: str, base_year: int, plan_year: int
) -> alt.LayerChart:
    """Each matched program's plan-year budget against its base-year budget, log-log axes.

    Points above the dashed diagonal got more money in the plan year. `data` is
    `budget_scatter_data(...)`.
    """
    base, planned = f"anggaran_{base_year}", f"anggaran_{plan_year}"
    low = min(data[f"{base}_miliar"].min(), data[f"{planned}_miliar"].min())
    high = max(data[f"{base}_miliar"].max(), data[f"{planned}_miliar"].max())
    domain = [low / 1.5, high * 1.5]
    scale = alt.Scale(type="log", domain=domain, nice=False)
    axis = alt.Axis(format="~g", values=[0.01, 0.1, 1, 10, 100, 1000])
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=45, opacity=0.75)
        .encode(
            x=alt.X(
                f"{base}_miliar:Q",
                title=f"Anggaran {base_year} (miliar rupiah, skala log)",
                scale=scale,
                axis=axis,
            ),
            y=alt.Y(
                f"{planned}_miliar:Q",
                title=f"Anggaran {plan_year} (miliar rupiah, skala log)",
                scale=scale,
                axis=axis,
            ),
            color=alt.Color(
                "pencocokan:N",
                title="Pencocokan nama program",
                scale=alt.Scale(range=[OKABE_ITO[0], OKABE_ITO[1]]),
                legend=alt.Legend(orient="bottom"),
            ),
            shape=alt.Shape("pencocokan:N", legend=None),
            tooltip=[
                alt.Tooltip("program:N", title="Program"),
                alt.Tooltip(f"{base}:Q", title=f"Anggaran {base_year} (Rp)", format=",.0f"),
                alt.Tooltip(f"{planned}:Q", title=f"Anggaran {plan_year} (Rp)", format=",.0f"),
                alt.Tooltip("perubahan_pct:Q", title="Perubahan (%)", format=",.1f"),
                alt.Tooltip("pencocokan:N", title="Pencocokan"),
            ],
        )
    )
    diagonal = (
        alt.Chart(pd.DataFrame({"x": domain, "y": domain}))
        .mark_line(strokeDash=[4, 3], color="black")
        .encode(x="x:Q", y="y:Q")
    )
    return (diagonal + points).properties(
        title=titled(
            title,
            subtitle="Di atas garis putus-putus: anggaran naik; di bawahnya: anggaran turun",
        ),
        width=CHART_WIDTH - 120,
        height=CHART_WIDTH - 120,
        description=f"{title}: satu titik per program yang ada di kedua tahun.",
    )


def match_totals_data(summary: pd.DataFrame, base_year: int, plan_year: int) -> pd.DataFrame:
    """Long table of `views.plan.match_summary(...)`: budget per status and year, in miliar."""
    long = summary.melt(
        id_vars=["status"],
        value_vars=[f"anggaran_{base_year}", f"anggaran_{plan_year}"],
        var_name="tahun",
        value_name="rp",
    )
    long["tahun"] = long["tahun"].str.removeprefix("anggaran_")
    long["rp_miliar"] = long["rp"].astype(float) / 1e9
    return long


def match_totals_chart(data: pd.DataFrame, title: str) -> alt.Chart:
    """Grouped bars: the budget of both years, by whether the program appears in both."""
    order = list(dict.fromkeys(data["status"]))
    years = sorted(data["tahun"].unique())
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("status:N", title=None, sort=order, axis=alt.Axis(labelLimit=200)),
            yOffset=alt.YOffset("tahun:N", sort=years),
            x=alt.X("rp_miliar:Q", title="Anggaran (miliar rupiah)", axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "tahun:N",
                title="Tahun",
                scale=alt.Scale(domain=years, range=[OKABE_ITO[4], OKABE_ITO[0]]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("status:N", title="Program"),
                alt.Tooltip("tahun:N", title="Tahun"),
                alt.Tooltip("rp:Q", title="Anggaran (Rp)", format=",.0f"),
            ],
        )
        .properties(
            title=titled(title),
            width=CHART_WIDTH - 200,
            height=alt.Step(30),
            description=f"{title}: anggaran per tahun menurut status pencocokan program.",
        )
    )
