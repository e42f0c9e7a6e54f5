from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import macro as trends


def test_cagr_and_validation():
    assert trends.cagr(100.0, 121.0, 2) == pytest.approx(10.0)
    with pytest.raises(ValueError):
        trends.cagr(0.0, 1.0, 1)


def test_ols_trend_on_a_straight_line_has_a_tight_interval():
    years = pd.Series([2013, 2014, 2015, 2016, 2017])
    trend = trends.ols_trend(years, 2.0 * years + 1.0)
    assert trend.slope == pytest.approx(2.0)
    assert trend.slope_low == pytest.approx(2.0) and trend.slope_high == pytest.approx(2.0)
    assert trend.r_squared == pytest.approx(1.0)
    assert trend.predict(2018) == pytest.approx(4037.0)


def test_growth_trend_of_tabel_1_2(year_data):
    growth = trends.macro_series_by_year(year_data.macro_series, "pertumbuhan_ekonomi")
    trend = trends.ols_trend(growth.index.to_series(), growth)
    # Worked out: years centred on 2015 (-2..2), growth 6.45 6.07 5.83 5.29 5.54:
    # slope = sum(x*y)/sum(x^2) = (-12.90 - 6.07 + 0 + 5.29 + 11.08) / 10 = -0.26.
    assert trend.slope == pytest.approx(-0.26)
    assert trend.slope_low < trend.slope < trend.slope_high
    assert trend.n == 5


def test_real_nominal_and_deflator(year_data):
    series = year_data.macro_series
    current = trends.macro_series_by_year(series, "pdrb_per_kapita_adhb")
    constant = trends.macro_series_by_year(series, "pdrb_per_kapita_adhk")
    table = trends.real_and_nominal(current, constant)
    assert table.loc[2013, "deflator"] == pytest.approx(24574.84 / 22192.13 * 100)
    assert table.loc[2017, "real_growth_pct"] == pytest.approx((25947.09 / 24826.32 - 1) * 100)
    nominal = 1 + table["nominal_growth_pct"] / 100
    product = (1 + table["real_growth_pct"] / 100) * (1 + table["deflator_growth_pct"] / 100)
    assert nominal.dropna().to_numpy() == pytest.approx(product.dropna().to_numpy())


def test_yoy_change():
    table = trends.yoy_change(pd.Series([100.0, 90.0, 99.0], index=[2017, 2015, 2016]))
    assert list(table.index) == [2015, 2016, 2017]
    assert table.loc[2016, "change_pct"] == pytest.approx(10.0)


def test_analysis_uses_the_years_macro_series(analysis):
    assert analysis.growth_trend is not None and analysis.macro is not None
    assert analysis.growth_trend.slope == pytest.approx(-0.26)
    assert analysis.macro.loc[2013, "deflator"] == pytest.approx(24574.84 / 22192.13 * 100)
