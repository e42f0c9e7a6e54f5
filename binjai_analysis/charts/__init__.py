"""Altair charts of the analysis: titled, axes with units, tooltips, a description, and a
colour-blind-safe palette. One module per chapter; shared pieces live here."""

from __future__ import annotations

import altair as alt
import pandas as pd

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
"""Colour-blind-safe palette (Okabe & Ito, 2008)."""

RATING_COLOURS = {
    "Sangat Baik": "#0072B2",
    "Tinggi": "#56B4E9",
    "Sedang": "#F0E442",
    "Rendah": "#E69F00",
    "Sangat Rendah": "#D55E00",
}
"""Ratings from best (blue) to worst (vermillion), distinguishable with colour-blindness."""

CHART_WIDTH = 560
CHART_HEIGHT = 280


def titled(title: str, subtitle: str = "") -> alt.TitleParams:
    """A left-aligned title with an optional subtitle."""
    return alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined, anchor="start")


def rating_scale(labels: list[str] | tuple[str, ...]) -> alt.Scale:
    """Colour scale for rating labels, in the order given (best first)."""
    return alt.Scale(
        domain=list(labels),
        range=[RATING_COLOURS.get(label, "#999999") for label in labels],
    )


def stacked_counts(
    data: pd.DataFrame,
    *,
    count: str,
    category: str,
    colours: dict[str, str],
    order: str,
    tooltip: list[alt.Tooltip],
    title: str,
    subtitle: str = "",
    legend_title: str = "",
    legend_columns: int | None = None,
    step: int = 22,
) -> alt.Chart:
    """Stacked horizontal bars of counts per sasaran, one colour per category.

    `data` is long: one row per sasaran (a `sasaran` label and a `sasaran_no` to sort by) and
    category, with the `count` and an `order` column (the category's rank) for the stacking.
    The trajectory statuses, the plan's target ambition and the framework's polarity counts
    are all drawn with it.
    """
    sasaran_order = list(dict.fromkeys(data.sort_values("sasaran_no")["sasaran"]))
    categories = list(colours)
    legend = alt.Legend(orient="bottom", labelLimit=260)
    if legend_columns:
        legend = alt.Legend(orient="bottom", columns=legend_columns, labelLimit=260)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("sasaran:N", title=None, sort=sasaran_order, axis=alt.Axis(labelLimit=120)),
            x=alt.X(
                f"{count}:Q",
                title="Jumlah indikator",
                stack="zero",
                axis=alt.Axis(tickMinStep=1, format=",.0f"),
            ),
            color=alt.Color(
                f"{category}:N",
                title=legend_title,
                sort=categories,
                scale=alt.Scale(domain=categories, range=list(colours.values())),
                legend=legend,
            ),
            order=alt.Order(f"{order}:Q"),
            tooltip=tooltip,
        )
        .properties(
            title=titled(title, subtitle),
            width=CHART_WIDTH - 120,
            height=max(120, step * len(sasaran_order)),
            description=f"{title}: jumlah indikator per sasaran menurut {legend_title.lower()}.",
        )
    )
