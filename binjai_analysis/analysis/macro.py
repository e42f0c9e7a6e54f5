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
        >>> table = yoy_change(pd.Series([100.0, 110.0], index=[1998, 1999]))
        >>> float(round(table.loc[1999, "change_pct"], 6))
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
    """A least-squares line through (year, value) with a confidence interval of its slope.

    The line is kept as its level at the mean year plus the slope, so fitted values depend on
    the distances between years only: the same series placed in other years fits the same.
    """

    slope: float
    level: float
    """The fitted value at `mean_year`."""
    mean_year: float
    slope_low: float
    slope_high: float
    r_squared: float
    p_value: float
    n: int
    confidence: float

    @property
    def intercept(self) -> float:
        """The fitted value at year 0 (for reference; prefer `predict`)."""
        return self.level - self.slope * self.mean_year

    def predict(self, year: float) -> float:
        return self.level + self.slope * (year - self.mean_year)


def ols_trend(years: pd.Series, values: pd.Series, confidence: float = 0.95) -> Trend:
    """OLS trend (scipy.stats.linregress); the slope's interval uses Student's t with n-2 df.

    With five annual points the interval is wide; it is reported, not hidden.
    """
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    if len(x) < 3:
        raise ValueError("an OLS trend with an interval needs at least 3 points")
    mean_year = float(x.mean())
    fit = stats.linregress(x - mean_year, y)
    t = stats.t.ppf(0.5 + confidence / 2.0, len(x) - 2)
    return Trend(
        slope=float(fit.slope),
        level=float(fit.intercept),
        mean_year=mean_year,
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


RATE_SERIES = ("pertumbuhan_ekonomi",)
"""Series that are rates already: no compound growth (CAGR) is computed for them."""


def series_by_year(series: pd.DataFrame, nominal: pd.DataFrame, key: str) -> pd.Series:
    """One series indexed by year: a Tabel 1.2 indicator, or the deflator from `nominal`
    (`real_and_nominal`'s table)."""
    if key == "deflator":
        return nominal["deflator"].sort_index()
    return macro_series_by_year(series, key)


def trend_band(values: pd.Series, confidence: float = 0.95) -> pd.DataFrame:
    """OLS fitted values with the confidence band of the fitted line, per year.

    The band is the interval of the mean response, t(n-2) × s × √(1/n + (x−x̄)²/Sxx): narrowest
    at the middle year, wider at the ends; consistent with the slope interval of `ols_trend`.
    """
    x = np.asarray(values.index, dtype=float)
    y = np.asarray(values, dtype=float)
    trend = ols_trend(pd.Series(x), pd.Series(y), confidence)
    fitted = trend.level + trend.slope * (x - trend.mean_year)
    n = len(x)
    s = float(np.sqrt(np.sum((y - fitted) ** 2) / (n - 2)))
    sxx = float(np.sum((x - x.mean()) ** 2))
    t = float(stats.t.ppf(0.5 + confidence / 2.0, n - 2))
    half = t * s * np.sqrt(1.0 / n + (x - x.mean()) ** 2 / sxx)
    return pd.DataFrame(
        {
            "year": x.astype(int),
            "value": y,
            "fitted": fitted,
            "low": fitted - half,
            "high": fitted + half,
        }
    )


def series_trends(series: pd.DataFrame, nominal: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """OLS trend per series `keys` (slope, interval, R², p, n) and CAGR for the level series."""
    records = []
    for key in keys:
        values = series_by_year(series, nominal, key)
        trend = ols_trend(values.index.to_series(), values)
        years = int(values.index.max() - values.index.min())
        records.append(
            {
                "series": key,
                "first_year": int(values.index.min()),
                "last_year": int(values.index.max()),
                "first": float(values.iloc[0]),
                "last": float(values.iloc[-1]),
                "slope": trend.slope,
                "slope_low": trend.slope_low,
                "slope_high": trend.slope_high,
                "confidence_pct": trend.confidence * 100.0,
                "r_squared": trend.r_squared,
                "p_value": trend.p_value,
                "n": trend.n,
                "cagr_pct": (
                    np.nan
                    if key in RATE_SERIES
                    else cagr(float(values.iloc[0]), float(values.iloc[-1]), years)
                ),
            }
        )
    return pd.DataFrame(records)
