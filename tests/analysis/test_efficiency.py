from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import budget
from binjai_analysis.analysis.efficiency import (
    QuadrantRule,
    capaian_absorption_correlation,
    efficiency_by_sasaran,
    group_labels,
    unmapped_programs,
)
from binjai_analysis.analysis.performance import indicator_results
from binjai_analysis.analysis.rating import SCALES


@pytest.fixture(scope="module")
def inputs(year_data):
    return (
        indicator_results(year_data.results, year_data.framework),
        budget.absorption(year_data.budget),
        year_data.program_sasaran,
    )


def made_up(capaian: list[float], anggaran: list[float], realisasi: list[float]):
    sasaran = list(range(1, len(capaian) + 1))
    results = pd.DataFrame({"sasaran_no": sasaran, "capaian": capaian})
    rows = pd.DataFrame(
        {
            "row_seq": sasaran,
            "program": [f"P{n}" for n in sasaran],
            "anggaran": anggaran,
            "realisasi": realisasi,
            "treatment": "included",
        }
    )
    mapping = pd.DataFrame({"program": rows["program"], "sasaran_no": sasaran, "basis": "urusan"})
    return results, rows, mapping


def test_groups_use_the_scale_bands_and_the_absorption_threshold():
    results, rows, mapping = made_up(
        [95.0, 95.0, 87.6, 40.0], [100.0] * 4, [95.0, 50.0, 95.0, 50.0]
    )
    table = efficiency_by_sasaran(results, rows, mapping, QuadrantRule(90.0))
    assert list(table["quadrant"]) == [
        "Capaian Sangat Baik, serapan tinggi",
        "Capaian Sangat Baik, serapan rendah",
        "Capaian Tinggi, serapan tinggi",  # 87,6 % is 'Tinggi' on Tabel 3.1, not 'low'
        "Capaian Sangat Rendah, serapan rendah",
    ]
    assert list(table["capaian_band"]) == ["Sangat Baik", "Sangat Baik", "Tinggi", "Sangat Rendah"]
    assert "rupiah_per_capaian_point" not in table
    other = efficiency_by_sasaran(results, rows, mapping, scale=SCALES.permendagri_86_2017)
    assert other["quadrant"].iloc[0] == "Capaian Sangat Tinggi, serapan tinggi"


def test_group_labels_cover_every_band_twice():
    labels = group_labels()
    assert len(labels) == 2 * len(SCALES.lkjip_tabel_3_1.labels)
    assert labels[0] == "Capaian Sangat Baik, serapan tinggi"


def test_rank_correlation_of_a_monotone_relation_is_one():
    results, rows, mapping = made_up(
        [50.0, 60.0, 70.0, 80.0], [100.0] * 4, [40.0, 50.0, 60.0, 90.0]
    )
    correlation = capaian_absorption_correlation(efficiency_by_sasaran(results, rows, mapping))
    assert correlation.rho == pytest.approx(1.0)
    assert correlation.n == 4
    assert "bukan sebab-akibat" in correlation.caveat


def test_real_mapping_covers_every_program(inputs):
    _, rows, mapping = inputs
    assert set(budget.used_rows(rows)["program"]) <= set(mapping["program"])
    unmapped = unmapped_programs(rows, mapping)
    assert set(unmapped["basis"]) == {"none"}
    assert "Pelayanan Administrasi Perkantoran" in set(unmapped["program"])


def test_real_efficiency_table(inputs):
    table = efficiency_by_sasaran(*inputs)
    assert list(table["sasaran_no"]) == list(range(1, 15))
    assert table.loc[table["sasaran_no"] == 5, "quadrant"].item() == "tidak lengkap"  # no program
    correlation = capaian_absorption_correlation(table)
    assert correlation.n == 12 and -1 <= correlation.rho <= 1
