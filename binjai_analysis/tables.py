"""Reader-facing tables: Indonesian labels and number formats, with a source caption."""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

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


def macro_series_frames(series: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact) for Tabel 1.2 as printed: numbered indicators (unit in brackets) by year.

    `shown` has Indonesian labels and number format, for `Page.table`; `exact` is the long
    series with every printed string and its source line, for the downloads.
    """
    wide = pivot_series(series)
    years = [column for column in wide.columns if isinstance(column, int)]
    shown = pd.DataFrame(
        {
            "No.": [str(number) for number in range(1, len(wide) + 1)],
            COLUMN_LABELS["indicator"]: wide["indicator"]
            + " ("
            + wide["unit"].map(UNIT_LABELS).fillna(wide["unit"])
            + ")",
        }
    )
    for year in years:
        shown[str(year)] = wide[year].map(format_number)
    columns = ["indicator_id", "indicator", "unit", "year", "value", "raw"]
    columns += ["source_table", "source_line", "parse_note"]
    exact = series[columns].sort_values(["indicator_id", "year"]).reset_index(drop=True)
    return shown, exact
