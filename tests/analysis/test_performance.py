"""Golden indicators: capaian and rating worked out by hand from the printed figures."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.achievement import STATUS_ORDINAL_MET, STATUS_UNITS_DIFFER
from binjai_analysis.analysis.performance import (
    hierarchy,
    indicator_results,
    indicator_rows,
    score_indicators,
)


@pytest.fixture(scope="module")
def results(year_data) -> pd.DataFrame:
    return indicator_results(year_data.results, year_data.framework).set_index("indicator_id")


# (indicator, target, realisation as printed, expected capaian worked out, our rating)
GOLDEN = [
    ("S01.I10", "50", "40", 40 / 50 * 100, "Tinggi"),
    ("S01.I11", "10,39%", "9,17%", 9.17 / 10.39 * 100, "Tinggi"),
    ("S01.I12", "47,9%", "45%", (2 * 47.9 - 45) / 47.9 * 100, "Sangat Baik"),  # lower is better
    ("S01.I13", "9,25%", "8,27%", 8.27 / 9.25 * 100, "Tinggi"),
    ("S01.I15", "65,33%", "80,00%", (2 * 65.33 - 80) / 65.33 * 100, "Tinggi"),  # lower
    ("S02.I01", "50", "60", 60 / 50 * 100, "Sangat Baik"),
    ("S02.I03", "77,12", "75,29", 75.29 / 77.12 * 100, "Sangat Baik"),
    ("S02.I04", "74", "75,5", 75.5 / 74 * 100, "Sangat Baik"),
    ("S03.I02", "15", "10", 10 / 15 * 100, "Sedang"),
    ("S04.I02", "4", "2", 2 / 4 * 100, "Sangat Rendah"),  # exactly 50: the worst band
    ("S04.I03", "65%", "55%", 55 / 65 * 100, "Tinggi"),
    ("S08.I08", "30%", "10", 10 / 30 * 100, "Sangat Rendah"),
]


@pytest.mark.parametrize(("indicator", "target", "realised", "capaian", "rating"), GOLDEN)
def test_golden_indicators(results, indicator, target, realised, capaian, rating):
    row = results.loc[indicator]
    assert (row["target_raw"], row["realisasi_raw"]) == (target, realised)
    assert row["capaian"] == pytest.approx(capaian)
    assert row["rating"] == rating
    assert row["capaian_status"] == "ok"


def test_reported_beside_recomputed(results):
    pad = results.loc["S01.I11"]  # printed 83,6 %; 9,17 / 10,39 = 88,26 %
    assert pad["reported_capaian_raw"] == "83,6%"
    assert pad["capaian_difference"] == pytest.approx(9.17 / 10.39 * 100 - 83.6)
    assert not pad["predikat_changed"]
    transfer = results.loc["S01.I15"]  # lower is better: printed 143 % Sangat Baik
    assert transfer["reported_predikat"] == "Sangat Baik"
    assert transfer["predikat_changed"]


def test_ordinal_and_incomparable_indicators(results):
    opinion = results.loc["S01.I01"]  # target WDP (rank 3), realised WTP (rank 4): met
    assert opinion["capaian"] == pytest.approx(100.0)
    assert opinion["capaian_status"] == STATUS_ORDINAL_MET
    assert opinion["met"]
    apbd = results.loc["S10.I07"]  # target in trillions, realisation in rupiah
    assert pd.isna(apbd["capaian"])
    assert apbd["capaian_status"] == STATUS_UNITS_DIFFER


def test_one_row_per_indicator_with_its_hierarchy(results):
    assert results.index.is_unique
    assert results["sasaran_id"].notna().all()
    assert results["misi_id"].notna().all()
    assert results.loc["S08.I09", "also_printed_in"] == "Tabel 3.10a"


def test_cap_changes_only_values_above_it(year_data):
    capped = indicator_results(year_data.results, year_data.framework, cap=100.0)
    capped = capped.set_index("indicator_id")
    assert capped.loc["S02.I01", "capaian"] == 100.0
    assert capped.loc["S01.I10", "capaian"] == pytest.approx(80.0)


def test_results_are_rows_then_scores(year_data, results):
    rows = indicator_rows(year_data.results, year_data.framework)
    assert "capaian" not in rows and "rating" not in rows
    scored = score_indicators(rows).set_index("indicator_id")
    pd.testing.assert_frame_equal(scored, results)


def test_hierarchy_covers_the_framework(year_data):
    table = hierarchy(year_data.framework)
    assert len(table) == len(year_data.framework.indicators)
    assert table["misi_id"].notna().all()
    spip = table.set_index("indicator_id").loc["S01.I10"]
    assert spip["sasaran_id"] == "S01"


def test_bounds_do_not_count_as_differences_from_the_report(year_data):
    rows = indicator_rows(year_data.results, year_data.framework)
    bounded = score_indicators(rows, cap=120.0, floor=0.0).set_index("indicator_id")
    free = score_indicators(rows).set_index("indicator_id")
    over = bounded[bounded["capaian_formula"] > 120]
    assert len(over) and (over["capaian"] == 120).all()
    pd.testing.assert_series_equal(
        bounded["capaian_difference"], free["capaian_difference"], check_names=False
    )
    assert (bounded["met"] == free["met"]).all()
