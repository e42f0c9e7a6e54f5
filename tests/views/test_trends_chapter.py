"""Views and charts of the chapter "Tren & lintasan RPJMD": macro trends and RPJMD paths."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from binjai_analysis.analysis import macro as trends
from binjai_analysis.analysis.trajectory import TrajectoryRule
from binjai_analysis.analysis.year import run_analysis
from binjai_analysis.charts import OKABE_ITO
from binjai_analysis.charts.macro import real_nominal_chart, real_nominal_chart_data
from binjai_analysis.charts.trajectory import STATUS_COLOURS, status_chart
from binjai_analysis.data import load_all, load_macro_series
from binjai_analysis.data.curation import load_program_sasaran
from binjai_analysis.views import macro
from binjai_analysis.views import trajectory as view
from binjai_analysis.views.macro import macro_series_frames
from tests.test_formatting import SCRIPT, assert_shows_as_text

ADHB = [24574.84, 27227.36, 29251.83, 31669.12, 33960.38]
ADHK = [22192.13, 23352.48, 23841.40, 24826.32, 25947.09]
GROWTH = [6.45, 6.07, 5.83, 5.29, 5.54]


@pytest.fixture(scope="module")
def analysis():
    return run_analysis(load_all(), load_program_sasaran())


@pytest.fixture(scope="module")
def series():
    return load_macro_series()


def test_macro_table_is_tabel_1_2_as_printed(series):
    shown, exact = macro_series_frames(series)
    assert list(shown.columns) == ["No.", "Uraian", "2013", "2014", "2015", "2016", "2017"]
    assert list(shown["No."]) == ["1", "2", "3"]
    assert shown["Uraian"].iloc[0] == "Pertumbuhan Ekonomi (%)"
    assert shown["Uraian"].iloc[1].endswith("(ribu Rp)")
    assert shown.loc[1, "2013"] == "24.574,84"
    assert shown.loc[0, "2016"] == "5,29"
    assert len(exact) == 15 and {"raw", "source_line", "parse_note"} <= set(exact.columns)
    assert macro.printed_source(series) == "Tabel 1.2 (baris 684, 747, 754 teks sumber)"


def test_trend_band_is_consistent_with_the_slope_interval(series):
    growth = trends.macro_series_by_year(series, "pertumbuhan_ekonomi")
    band = macro.trend_band(growth)
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
    assert table.loc[1, "p-value"] == "< 0,001"
    assert table.loc[0, "Selang kepercayaan 95 %"].startswith("−0,48 s.d. −0,04")


def test_narratives_quote_computed_numbers(analysis, series):
    rows = macro.trend_rows(series, analysis.macro)
    growth = macro.growth_narrative(rows)
    assert "melambat" in growth and "6,45 %" in growth and "5,54 %" in growth
    assert "turun 0,26 poin persen per tahun" in growth and "tidak memuat nol" in growth
    real = macro.real_nominal_narrative(rows)
    nominal_cagr = ((ADHB[-1] / ADHB[0]) ** 0.25 - 1) * 100
    deflator_cagr = (((ADHB[-1] / ADHK[-1]) / (ADHB[0] / ADHK[0])) ** 0.25 - 1) * 100
    assert "8,42 %" in real and "3,99 %" in real and "110,74" in real and "130,88" in real
    assert f"{round(deflator_cagr / nominal_cagr * 100):d} %" in real  # 51 %


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


def test_format_value_reads_any_size():
    assert view.format_value(0.0029) == "0,0029"
    assert view.format_value(0.000033) == "0,000033"
    assert view.format_value(1.22) == "1,22"
    assert view.format_value(100.0) == "100"
    assert view.format_value(320756.0) == "320.756"
    assert view.format_value(9.146183e11) == "914,6 miliar"
    assert view.format_value(-0.0133) == "-0,013"
    assert view.format_value(-0.0) == "0"
    assert view.format_value(float("nan")) == "–"


def test_table_span():
    assert view.table_span(["Tabel 3.9a", "Tabel 3.17", "Tabel 3.3", "Tabel 3.9"]) == (
        "Tabel 3.3–3.17"
    )
    assert view.table_span(pd.Series(["Tabel 2.4", "Tabel 2.4"])) == "Tabel 2.4"


def test_rule_text_follows_the_thresholds():
    text = view.rule_text(TrajectoryRule(on_track_pct=95.0, at_risk_pct=80.0, effort_ratio=2.0))
    assert "**Sesuai jalur:** capaian 2018 ≥ 95 %" in text
    assert "**Berisiko:** capaian 2018 ≥ 80 %" in text
    assert "2,0 kali" in text
    assert "**Tidak dapat dinilai:**" in text and "on track" not in text


def synthetic_paths() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": ["S01.I01", "S01.I02", "S02.I01", "S02.I02"],
            "name": ["A", "B", "C", "D"],
            "sasaran_id": ["S01", "S01", "S02", "S02"],
            "polarity": ["higher", "lower", "higher", "qualitative"],
            "realisasi": [9.0, 5.0, 2.0, np.nan],
            "capaian": [101.0, 95.0, 40.0, np.nan],
            "target_2018": [10.0, 5.0, 5.0, np.nan],
            "target_2021": [13.0, 4.0, 20.0, np.nan],
            "needed_per_year": [4 / 3, 1 / 3, 6.0, np.nan],
            "planned_per_year": [1.0, 1 / 3, 5.0, np.nan],
            "effort": [4 / 3, 1.0, 1.2, np.nan],
            "gap_2018": [-1.0, 0.0, -3.0, np.nan],
            "status": ["on track", "at risk", "off track", "not assessable"],
        }
    )


def test_status_counts_figures_and_narrative():
    paths = synthetic_paths()
    results = pd.DataFrame(
        {
            "sasaran_id": ["S01", "S02"],
            "sasaran_no": [1, 2],
            "sasaran": ["Sasaran satu", "Sasaran dua"],
        }
    )
    counts = view.status_counts(paths, results)
    assert counts["indicators"].sum() == 4
    assert set(counts["status"]) == set(STATUS_COLOURS)
    first = counts[counts["sasaran"] == "Sasaran 1"]
    assert list(first["status"]) == ["sesuai jalur", "berisiko"]  # in the legend's order
    assert first["statement"].iloc[0] == "Sasaran satu"
    figures = view.status_figures(paths)
    assert figures["traj_total"] == "4" and figures["traj_not_assessable"] == "1"
    text = view.trajectory_narrative(paths)
    assert "Dari 4 indikator" in text and "3 dapat dinilai" in text
    assert "1 (33,3 %) sesuai jalur" in text
    assert "Perhatikan: 1 indikator" in text  # on track on capaian, below the RPJMD point
    assert "C (S02.I01)" in text and "rasio 1,2" in text


def test_trajectory_table_and_chart(analysis):
    shown, exact = view.trajectory_table(analysis.trajectories)
    assert len(shown) == len(analysis.trajectories) == len(exact)
    assert list(shown.columns[:4]) == ["Kode", "Indikator", "Status", "Capaian 2018"]
    assert set(shown["Status"]) <= set(view.STATUS_LABELS.values())
    row = shown.set_index("Kode").loc["S02.I01"]  # target 50, realised 60, target 2021 65
    assert (row["Target 2018"], row["Realisasi 2018"], row["Target 2021"]) == ("50", "60", "65")
    assert row["Perlu per tahun"] == "1,67" and row["Rencana per tahun"] == "5"  # 5/3, 15/3
    assert row["Status"] == "sesuai jalur" and row["Capaian 2018"] == "120,0 %"
    figures = view.status_figures(analysis.trajectories)
    parts = ["traj_on_track", "traj_at_risk", "traj_off_track", "traj_not_assessable"]
    assert sum(int(figures[key]) for key in parts) == int(figures["traj_total"])
    counts = view.status_counts(analysis.trajectories, analysis.results)
    spec = status_chart(counts, "Uji").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(STATUS_COLOURS)
    assert set(spec["encoding"]["color"]["scale"]["range"]) <= set(OKABE_ITO)
    assert spec["encoding"]["y"]["sort"][0] == "Sasaran 1"
    assert view.trajectory_source(analysis.results) == (
        "target RPJMD Tabel 2.4 dan realisasi Tabel 3.3–3.17"
    )


def test_macro_figures(analysis, series):
    figures = macro.macro_figures(series, analysis.macro)
    assert figures["growth_latest"] == "5,54 %"
    assert figures["adhk_latest"] == "25.947,09"
    assert figures["real_growth_latest"] == "4,51 %"  # 25947.09 / 24826.32 - 1
    assert figures["macro_first_year"] == "2013"


def test_trajectory_narrative_shows_a_hostile_indicator_name_as_text():
    text = view.trajectory_narrative(synthetic_paths().assign(name=SCRIPT))
    assert_shows_as_text(text, f"{SCRIPT} (S02.I01)")
