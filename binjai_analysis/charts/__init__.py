"""Altair charts of the analysis: titled, axes with units, tooltips, a description, and a
colour-blind-safe palette. One module per chapter; shared pieces live here."""

from __future__ import annotations

import altair as alt
import pandas as pd

from binjai_analysis.citation import source_caption

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


def titled(title: str, frame: pd.DataFrame | None = None, subtitle: str = "") -> alt.TitleParams:
    """A left-aligned title; the subtitle names the source rows when `frame` has provenance."""
    if frame is not None and {"source_table", "source_line"} <= set(frame.columns):
        subtitle = source_caption(frame)
    return alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined, anchor="start")


def rating_scale(labels: list[str] | tuple[str, ...]) -> alt.Scale:
    """Colour scale for rating labels, in the order given (best first)."""
    return alt.Scale(
        domain=list(labels),
        range=[RATING_COLOURS.get(label, "#999999") for label in labels],
    )
