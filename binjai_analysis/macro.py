"""Macro-economic series (Tabel 1.2): reshaping and the few figures the narrative quotes."""

from __future__ import annotations

import pandas as pd


def pivot_series(series: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator (with its unit), one column per year, parsed values as cells."""
    wide = series.pivot_table(
        index=["indicator_id", "indicator", "unit"],
        columns="year",
        values="value",
        aggfunc="first",
        sort=False,
    )
    wide.columns = [int(year) for year in wide.columns]
    return wide.reset_index()


def latest_value(series: pd.DataFrame, indicator_id: str) -> tuple[int, float]:
    """The most recent (year, value) of one indicator.

    Raises:
        KeyError: the indicator has no rows with a value.
    """
    rows = series[(series["indicator_id"] == indicator_id) & series["value"].notna()]
    if rows.empty:
        raise KeyError(f"No values for indicator {indicator_id!r}")
    last = rows.sort_values("year").iloc[-1]
    return int(last["year"]), float(last["value"])


def growth_between(series: pd.DataFrame, indicator_id: str, start: int, end: int) -> float:
    """Percent change of an indicator from year `start` to year `end`."""
    values = series[series["indicator_id"] == indicator_id].set_index("year")["value"]
    return (values.loc[end] / values.loc[start] - 1.0) * 100.0
