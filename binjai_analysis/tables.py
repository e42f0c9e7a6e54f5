"""Reader-facing tables of the source's own tables (Tabel 1.2): labels and number formats."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.formatting import format_number
from binjai_analysis.labels import COLUMN_LABELS, UNIT_LABELS
from binjai_analysis.macro import pivot_series


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
