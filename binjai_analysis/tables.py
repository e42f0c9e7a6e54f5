"""Reader-facing tables: Indonesian labels and number formats, with a source caption."""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from binjai_analysis.citation import source_caption
from binjai_analysis.formatting import format_number
from binjai_analysis.labels import COLUMN_LABELS, UNIT_LABELS
from binjai_analysis.macro import pivot_series


def styled_table(frame: pd.DataFrame, caption: str, numeric: list[str] | None = None) -> Styler:
    """A table without the index, with a caption; cell text is HTML-escaped.

    Columns named in `numeric` are right-aligned so digits line up.
    """
    styler = frame.style.hide(axis="index").set_caption(caption).format(escape="html")
    if numeric:
        styler = styler.set_properties(subset=numeric, **{"text-align": "right"})
    return styler


def macro_series_table(series: pd.DataFrame, title: str) -> Styler:
    """Tabel 1.2 as printed (indicators by year), numbers in Indonesian format."""
    wide = pivot_series(series)
    years = [column for column in wide.columns if isinstance(column, int)]
    shown = pd.DataFrame(
        {
            COLUMN_LABELS["indicator"]: wide["indicator"],
            COLUMN_LABELS["unit"]: wide["unit"].map(UNIT_LABELS),
        }
    )
    for year in years:
        shown[str(year)] = wide[year].map(format_number)
    year_columns = [str(year) for year in years]
    return styled_table(shown, f"{title}. {source_caption(series)}", numeric=year_columns)
