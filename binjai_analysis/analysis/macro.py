"""Macro-economic series (Tabel 1.2): reshaping, the figures the narrative quotes, and trends.

Trends: year-on-year change, CAGR, an OLS trend with an interval, and real against nominal
growth through the implicit deflator (ADHB / ADHK).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats


def yoy_change(series: pd.Series) -> pd.DataFrame:
    """Year-on-year change of a series indexed by year: absolute and percent.

    Examples:
        >>> table = yoy_change(pd.Series([100.0, 110.0], index=[2016, 2017]))
        >>> float(round(table.loc[2017, "change_pct"], 6))
        10.0
    """
    ordered = series.sort_index()
    return pd.DataFrame(
        {
            "value": ordered,
            "change": ordered.diff(),
            "change_pct": ordered.pct_change() * 100.0,
        }
    )


def cagr(first: float, last: float, years: float) -> float:
    """Compound annual growth rate (percent) from `first` to `last` over `years` years.

    Examples:
        >>> round(cagr(100.0, 121.0, 2), 6)
        10.0
    """
    if years <= 0 or first <= 0 or last <= 0:
        raise ValueError("CAGR needs a positive span and positive values")
    return ((last / first) ** (1.0 / years) - 1.0) * 100.0


@dataclass(frozen=True)
class Trend:
    """A least-squares line through (year, value) with a confidence interval of its slope."""

    slope: float
    intercept: float
    slope_low: float
    slope_high: float
    r_squared: float
    p_value: float
    n: int
    confidence: float

    def predict(self, year: float) -> float:
        return self.intercept + self.slope * year


def ols_trend(years: pd.Series, values: pd.Series, confidence: float = 0.95) -> Trend:
    """OLS trend (scipy.stats.linregress); the slope's interval uses Student's t with n-2 df.

    With five annual points the interval is wide; it is reported, not hidden.
    """
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    if len(x) < 3:
        raise ValueError("an OLS trend with an interval needs at least 3 points")
    fit = stats.linregress(x, y)
    t = stats.t.ppf(0.5 + confidence / 2.0, len(x) - 2)
    return Trend(
        slope=float(fit.slope),
        intercept=float(fit.intercept),
        slope_low=float(fit.slope - t * fit.stderr),
        slope_high=float(fit.slope + t * fit.stderr),
        r_squared=float(fit.rvalue**2),
        p_value=float(fit.pvalue),
        n=len(x),
        confidence=confidence,
    )


def trend_line(years: pd.Series, trend: Trend) -> pd.DataFrame:
    """The fitted values of `trend` at `years`, for plotting beside the data."""
    return pd.DataFrame({"year": list(years), "fitted": [trend.predict(y) for y in years]})


def real_and_nominal(current: pd.Series, constant: pd.Series) -> pd.DataFrame:
    """Nominal (ADHB) and real (ADHK) growth, and the implicit deflator (ADHB / ADHK × 100).

    Both series are indexed by year. Deflator growth is the price component: nominal growth is
    about real growth plus deflator growth.
    """
    frame = pd.DataFrame({"current": current, "constant": constant}).sort_index()
    frame["deflator"] = frame["current"] / frame["constant"] * 100.0
    frame["nominal_growth_pct"] = frame["current"].pct_change() * 100.0
    frame["real_growth_pct"] = frame["constant"].pct_change() * 100.0
    frame["deflator_growth_pct"] = frame["deflator"].pct_change() * 100.0
    return frame


def macro_series_by_year(series: pd.DataFrame, indicator_id: str) -> pd.Series:
    """One macro series (from `load_macro_series`) as values indexed by year."""
    rows = series[series["indicator_id"] == indicator_id]
    if rows.empty:
        raise KeyError(f"No macro series {indicator_id!r}")
    return rows.set_index("year")["value"].sort_index()


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
