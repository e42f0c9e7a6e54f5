"""Charts for the chapter "Akuntabilitas keuangan": absorption, budget concentration, totals."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.charts import CHART_HEIGHT, CHART_WIDTH, OKABE_ITO, titled
from binjai_analysis.formatting import format_number

LOW_ABSORPTION_PCT = 50.0
"""Absorption below this share of the budget is drawn in the warning colour."""

BAR_SHARE = 0.8
"""The Pareto bars' width, in ranks: a gap of a fifth of a rank between neighbours."""

LOW_LABEL = "di bawah 50 %"
HIGH_LABEL = "50 % atau lebih"


def _edge(value: float) -> str:
    """A band edge in Indonesian style: '10', or '12,5' when it is not whole."""
    return format_number(value, 0 if float(value).is_integer() else 1)


def absorption_histogram_data(rows: pd.DataFrame, width: float = 10.0) -> pd.DataFrame:
    """Programs per absorption band (`width` points wide; 100 % falls in the last band).

    `rows` is `budget.absorption(...)` restricted to the rows that count; programs without an
    absorption (zero budget) are left out. Absorption above 100 % (only when flagged rows are
    kept) goes to one extra band, "lebih dari 100 %". Returns one row per band with its
    bounds, label, programs and budget.
    """
    values = rows.dropna(subset=["absorption_pct"])
    pct = values["absorption_pct"].astype(float)
    top = 100.0
    start = ((pct // width) * width).where(pct != top, top - width).where(pct <= top, top)
    bands = pd.DataFrame({"bin_start": start, "anggaran": values["anggaran"].astype(float)})
    edges = [i * width for i in range(int(top // width))]
    counts = bands.groupby("bin_start").agg(
        program=("anggaran", "size"), anggaran=("anggaran", "sum")
    )
    counts = counts.reindex(sorted(set(edges) | set(counts.index)), fill_value=0)
    table = counts.rename_axis("bin_start").reset_index()
    table["bin_start"] = table["bin_start"].astype(float)
    table["bin_end"] = table["bin_start"] + width
    table["rentang"] = [
        f"{_edge(start)}–{_edge(end)} %" if start < top else f"lebih dari {_edge(top)} %"
        for start, end in zip(table["bin_start"], table["bin_end"], strict=True)
    ]
    table["kelompok"] = [
        LOW_LABEL if start < LOW_ABSORPTION_PCT else HIGH_LABEL for start in table["bin_start"]
    ]
    table["program"] = table["program"].astype(int)
    return table[["rentang", "bin_start", "bin_end", "program", "anggaran", "kelompok"]]


def absorption_histogram(data: pd.DataFrame, median_pct: float, title: str) -> alt.LayerChart:
    """Bars of programs per absorption band, with a dashed line at the median."""
    bars = (
        alt.Chart(data)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "bin_start:Q",
                title="Penyerapan anggaran (% dari anggaran program)",
                scale=alt.Scale(domain=[0, float(data["bin_end"].max())], nice=False),
                axis=alt.Axis(values=sorted({*data["bin_start"], *data["bin_end"]}), format=",.0f"),
            ),
            x2="bin_end:Q",
            y=alt.Y("program:Q", title="Jumlah program", axis=alt.Axis(tickMinStep=1)),
            y2=alt.datum(0),
            color=alt.Color(
                "kelompok:N",
                title="Penyerapan",
                scale=alt.Scale(domain=[LOW_LABEL, HIGH_LABEL], range=[OKABE_ITO[5], OKABE_ITO[0]]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("rentang:N", title="Rentang penyerapan"),
                alt.Tooltip("kelompok:N", title="Penyerapan"),
                alt.Tooltip("program:Q", title="Jumlah program"),
                alt.Tooltip("anggaran:Q", title="Anggaran (Rp)", format=",.0f"),
            ],
        )
    )
    median = pd.DataFrame({"median": [median_pct]})
    rule = (
        alt.Chart(median)
        .mark_rule(strokeDash=[4, 3], color="black")
        .encode(
            x="median:Q",
            tooltip=[alt.Tooltip("median:Q", title="Median penyerapan (%)", format=",.1f")],
        )
    )
    return (bars + rule).properties(
        title=titled(title, subtitle="Garis putus-putus: median penyerapan per program"),
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        description=f"{title}: jumlah program per rentang penyerapan 10 poin persen.",
    )


def pareto_chart_data(table: pd.DataFrame) -> pd.DataFrame:
    """The Pareto chart's data (from `budget.pareto`): rank, program, share and cumulative share."""
    return pd.DataFrame(
        {
            "peringkat": table["rank"].astype(int),
            "program": table["program"],
            "anggaran": table["anggaran"].astype(float),
            "porsi_pct": table["share_pct"].astype(float),
            "kumulatif_pct": table["cumulative_pct"].astype(float),
        }
    )


def pareto_chart(data: pd.DataFrame, share_pct: float, programs: int, title: str) -> alt.LayerChart:
    """Bars of each program's budget share, largest first, and the cumulative share as a line.

    A dashed line marks `share_pct` of the budget and a dotted one the `programs` largest
    programs that reach it.
    """
    count = len(data)
    tooltip = [
        alt.Tooltip("peringkat:Q", title="Peringkat"),
        alt.Tooltip("program:N", title="Program"),
        alt.Tooltip("anggaran:Q", title="Anggaran (Rp)", format=",.0f"),
        alt.Tooltip("porsi_pct:Q", title="Porsi anggaran (%)", format=",.2f"),
        alt.Tooltip("kumulatif_pct:Q", title="Porsi kumulatif (%)", format=",.1f"),
    ]
    x_options = {
        "title": "Program, diurutkan dari anggaran terbesar (peringkat)",
        "scale": alt.Scale(domain=[0, count + 1], nice=False),
        "axis": alt.Axis(format=",.0f", tickMinStep=1),
    }
    y = alt.Y(
        "porsi_pct:Q",
        title="Porsi dari total anggaran (%)",
        scale=alt.Scale(domain=[0, 100]),
        axis=alt.Axis(format=",.0f"),
    )
    # Each bar spans 0.8 of a rank in data units, so it keeps its share at any drawn width.
    bars = (
        alt.Chart(data)
        .transform_calculate(
            rank_from=alt.datum.peringkat - BAR_SHARE / 2,
            rank_to=alt.datum.peringkat + BAR_SHARE / 2,
        )
        .mark_bar(color=OKABE_ITO[0])
        .encode(
            x=alt.X("rank_from:Q", **x_options),
            x2="rank_to:Q",
            y=y,
            y2=alt.datum(0),
            tooltip=tooltip,
        )
    )
    line = (
        alt.Chart(data)
        .mark_line(color=OKABE_ITO[5], strokeWidth=2, point=alt.OverlayMarkDef(size=12))
        .encode(x="peringkat:Q", y="kumulatif_pct:Q", tooltip=tooltip)
    )
    marks = pd.DataFrame({"share": [share_pct], "programs": [programs]})
    hline = alt.Chart(marks).mark_rule(strokeDash=[4, 3], color="black").encode(y="share:Q")
    vline = alt.Chart(marks).mark_rule(strokeDash=[1, 2], color="black").encode(x="programs:Q")
    return (bars + line + hline + vline).properties(
        title=alt.TitleParams(
            text=title,
            subtitle=[
                "Batang biru: porsi tiap program; garis merah: porsi kumulatif",
                "Garis putus-putus: batas porsi; titik-titik: jumlah program yang mencapainya",
            ],
            anchor="start",
        ),
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        description=f"{title}: porsi anggaran tiap program dan porsi kumulatifnya.",
    )


def reconciliation_chart_data(table: pd.DataFrame) -> pd.DataFrame:
    """Long table of the totals (from `views.budget.reconciliation_rows`), in rupiah and miliar."""
    long = table.melt(
        id_vars=["total"], value_vars=["anggaran", "realisasi"], var_name="ukuran", value_name="rp"
    )
    long["ukuran"] = long["ukuran"].map({"anggaran": "Anggaran", "realisasi": "Realisasi"})
    long["rp_miliar"] = long["rp"].astype(float) / 1e9
    return long


def reconciliation_chart(data: pd.DataFrame, title: str) -> alt.Chart:
    """Grouped horizontal bars: anggaran and realisasi of each way of totalling Tabel 3.18."""
    order = list(dict.fromkeys(data["total"]))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("total:N", title=None, sort=order, axis=alt.Axis(labelLimit=320)),
            yOffset=alt.YOffset("ukuran:N", sort=["Anggaran", "Realisasi"]),
            x=alt.X("rp_miliar:Q", title="Rupiah (miliar)", axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "ukuran:N",
                title="Ukuran",
                scale=alt.Scale(domain=["Anggaran", "Realisasi"], range=OKABE_ITO[:2]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("total:N", title="Total"),
                alt.Tooltip("ukuran:N", title="Ukuran"),
                alt.Tooltip("rp:Q", title="Rupiah", format=",.2f"),
            ],
        )
        .properties(
            title=titled(title),
            width=CHART_WIDTH - 320,
            height=alt.Step(40),
            description=f"{title}: anggaran dan realisasi menurut setiap cara menjumlah.",
        )
    )
