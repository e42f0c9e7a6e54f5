"""Views and charts of the macro series (Tabel 1.2) for the chapter "Tren & lintasan RPJMD"."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from binjai_analysis.analysis import macro as trends
from binjai_analysis.charts import OKABE_ITO
from binjai_analysis.charts.macro import real_nominal_chart, real_nominal_chart_data
from binjai_analysis.data.canonical import ORIGIN_COLUMNS
from binjai_analysis.presentation import Page, printed_lines
from binjai_analysis.views import macro
from binjai_analysis.views.macro import macro_series_frames
from tests.conftest import REPORT_YEAR

ADHB = [24574.84, 27227.36, 29251.83, 31669.12, 33960.38]
ADHK = [22192.13, 23352.48, 23841.40, 24826.32, 25947.09]
GROWTH = [6.45, 6.07, 5.83, 5.29, 5.54]
CITE = "LKjIP Kota Binjai 2018"


@pytest.fixture(scope="module")
def series(year_data) -> pd.DataFrame:
    """The macro series the year's LKjIP prints (canonical rows)."""
    return year_data.macro_series


def test_macro_table_is_tabel_1_2_as_printed(series):
    shown, exact = macro_series_frames(series)
    assert list(shown.columns) == ["No.", "Uraian", "2013", "2014", "2015", "2016", "2017"]
    assert list(shown["No."]) == ["1", "2", "3"]
    assert shown["Uraian"].iloc[0] == "Pertumbuhan Ekonomi (%)"
    assert shown["Uraian"].iloc[1].endswith("(ribu Rp)")
    assert shown.loc[1, "2013"] == "24.574,84"
    assert shown.loc[0, "2016"] == "5,29"
    assert len(exact) == 15 and {"raw", "source_line", "parse_note"} <= set(exact.columns)
    assert printed_lines(series) == "Tabel 1.2 (baris 684, 747, 754 teks sumber)"
    assert macro.table_name(series) == "Tabel 1.2"


def test_printed_rows_leave_out_the_canonical_origin_columns(series):
    rows = macro.printed_rows(series)
    assert set(ORIGIN_COLUMNS) <= set(series.columns)
    assert not set(ORIGIN_COLUMNS) & set(rows.columns)
    assert len(rows) == len(series)


def test_trend_band_is_consistent_with_the_slope_interval(series):
    """`analysis.macro.trend_band` (was views.macro.trend_band)."""
    growth = trends.macro_series_by_year(series, "pertumbuhan_ekonomi")
    band = trends.trend_band(growth)
    trend = trends.ols_trend(growth.index.to_series(), growth)
    middle = band.set_index("year").loc[2015]
    # The OLS line passes through the means: fitted(2015) = mean growth = 29.18 / 5.
    assert middle["fitted"] == pytest.approx(sum(GROWTH) / 5)
    # At the mean year the band's half-width is t*s/sqrt(n); the slope's is t*s/sqrt(Sxx),
    # with Sxx = 10 for five consecutive years: the ratio is sqrt(10 / 5).
    half = (middle["high"] - middle["low"]) / 2
    assert half == pytest.approx((trend.slope_high - trend.slope) * math.sqrt(2))
    widths = (band["high"] - band["low"]).to_numpy()
    assert widths[2] == widths.min() and widths[0] == pytest.approx(widths[-1])
    assert (band["low"] < band["fitted"]).all() and (band["fitted"] < band["high"]).all()


def test_trend_rows_and_table(analysis, series):
    rows = macro.trend_rows(series, analysis.macro).set_index("series")
    assert rows.loc["pertumbuhan_ekonomi", "slope"] == pytest.approx(-0.26)
    assert rows.loc["pertumbuhan_ekonomi", "slope_low"] == pytest.approx(
        analysis.growth_trend.slope_low
    )  # the same fit as the analysis' own growth trend
    assert math.isnan(rows.loc["pertumbuhan_ekonomi", "cagr_pct"])
    assert rows.loc["pdrb_per_kapita_adhb", "cagr_pct"] == pytest.approx(
        ((ADHB[-1] / ADHB[0]) ** 0.25 - 1) * 100
    )
    deflator = [b / k * 100 for b, k in zip(ADHB, ADHK, strict=True)]
    assert rows.loc["deflator", "first"] == pytest.approx(deflator[0])
    assert (rows["n"] == 5).all()
    table = macro.trend_table(rows.reset_index())
    assert table.loc[0, "Tren OLS per tahun"] == "−0,26"
    assert table.loc[0, "CAGR"] == "–"
    assert table.loc[1, "CAGR"] == "8,42 %"
    assert table.loc[1, "Nilai p"] == "< 0,001"
    assert table.loc[0, "Selang kepercayaan 95 %"].startswith("−0,48 s.d. −0,04")


def test_narratives_quote_computed_numbers(analysis, series):
    rows = macro.trend_rows(series, analysis.macro)
    growth = macro.growth_narrative(rows, "Kota Binjai")
    assert "melambat" in growth and "6,45 %" in growth and "5,54 %" in growth
    assert "turun 0,26 poin persen per tahun" in growth and "tidak memuat nol" in growth
    real = macro.real_nominal_narrative(rows)
    nominal_cagr = ((ADHB[-1] / ADHB[0]) ** 0.25 - 1) * 100
    deflator_cagr = (((ADHB[-1] / ADHK[-1]) / (ADHB[0] / ADHK[0])) ** 0.25 - 1) * 100
    assert "8,42 %" in real and "3,99 %" in real and "110,74" in real and "130,88" in real
    assert f"{round(deflator_cagr / nominal_cagr * 100):d} %" in real  # 51 %
    assert "dari 2013 ke 2017" in real  # the years of the series


def test_real_nominal_table_and_chart(analysis):
    shown, exact = macro.real_nominal_table(analysis.macro)
    assert list(shown.columns[2:]) == ["2013", "2014", "2015", "2016", "2017"]
    deflator = shown.set_index("Uraian").iloc[2]
    assert deflator["2013"] == "110,74"
    growth_row = shown.iloc[3]
    assert growth_row["2013"] == "–"  # no growth in the first year
    assert growth_row["2014"] == "10,79"  # 27227.36 / 24574.84 - 1
    assert len(exact) == 5
    data = real_nominal_chart_data(analysis.macro)
    assert len(data) == 12 and data["year"].min() == 2014
    spec = real_nominal_chart(data, "Uji").to_dict()
    assert spec["encoding"]["color"]["scale"]["range"] == OKABE_ITO[:3]
    assert spec["encoding"]["y"]["title"] == "Pertumbuhan per tahun (%)"


def test_macro_figures(analysis, series):
    figures = macro.macro_figures(series, analysis.macro)
    assert figures["growth_latest"] == "5,54 %"
    assert figures["growth_year"] == "2017"
    assert figures["adhk_latest"] == "25.947,09"
    assert figures["real_growth_latest"] == "4,51 %"  # 25947.09 / 24826.32 - 1
    assert figures["macro_first_year"] == "2013"


def test_small_helpers():
    assert macro.year_span(pd.Series([1.0, 2.0], index=[1999, 2003])) == "1999–2003"
    assert macro.format_p(0.0004) == "< 0,001"
    assert macro.format_p(0.0213) == "0,021"


def test_the_macro_sections_show_numbered_tables_and_figures(analysis, series, tmp_path, shown):
    page = Page(chapter=6, year=REPORT_YEAR, cite=CITE, directory=tmp_path)
    macro.show_macro_table(page, series, "Kota Binjai")
    macro.show_growth_trend(page, series, analysis.macro, "Kota Binjai")
    macro.show_real_nominal(page, series, analysis.macro, "Kota Binjai")
    assert (page.tables, page.figures) == (3, 3)
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    # Tabel 1.2 as printed cites its lines, not processed
    assert f"Sumber: {CITE}, Tabel 1.2 (baris 684, 747, 754 teks sumber)." in html
    assert f"Sumber: {CITE}, Tabel 1.2 (diolah)." in html
    assert "2013–2017" in html
    # the PDRB chart's own subtitle cites the page's source
    assert f"Sumber: {CITE}, Tabel 1.2 (baris" in html.split("gambar-pdrb-per-kapita")[1]
    pdrb = pd.read_csv(tmp_path / "downloads" / "2018-gambar-pdrb-per-kapita.csv")
    assert "source" not in pdrb.columns and len(pdrb) == 10


def test_the_macro_sections_name_no_region_they_were_not_given(analysis, series, tmp_path, shown):
    page = Page(chapter=6, year=REPORT_YEAR, cite="LKjIP Kota Uji 1999", directory=tmp_path)
    rows = macro.trend_rows(series, analysis.macro)
    texts = [macro.growth_narrative(rows, "Kota Uji"), macro.real_nominal_narrative(rows)]
    macro.show_macro_table(page, series, "Kota Uji")
    macro.show_growth_trend(page, series, analysis.macro, "Kota Uji")
    macro.show_real_nominal(page, series, analysis.macro, "Kota Uji")
    texts += [obj.data for obj in shown]
    assert not [text for text in texts if "Binjai" in text]
    assert any("Kota Uji" in text for text in texts)
