"""Target and realisation in the same unit, or not (analysis/comparability.py)."""

import pytest

from binjai_analysis.analysis.comparability import percent_on_one_side, sizes_differ, units_differ


@pytest.mark.parametrize(
    ("target", "realisation", "differ"),
    [(1.026, 914_618_290_540.0, True), (80.0, 60.0, False), (1.0, 0.001, True), (0.0, 5.0, False)],
)
def test_sizes_differ(target, realisation, differ):
    assert sizes_differ(target, realisation) is differ


@pytest.mark.parametrize(
    ("target_raw", "realisation_raw", "unit", "name", "differ"),
    [
        ("17", "40,93%", "%", "Kepemilikan Akta Kelahiran per 1000 penduduk", True),
        ("3,26", "4%", "AKB/1000 KH", "Angka kematian bayi", True),
        ("120", "95%", "Orang", "Jumlah peserta pelatihan", True),
        ("0,09%", "0,1", "%", "Persentase balita gizi buruk", False),  # a % sign left out
        ("87.52%", "98,50", "%", "Proporsi jalan dalam kondisi mantap", False),
        ("42%", "50%", "Rasio", "Rasio TPS per satuan penduduk", False),
        ("11", "9", "Kegiatan", "Jumlah kegiatan olahraga", False),
    ],
)
def test_percent_on_one_side(target_raw, realisation_raw, unit, name, differ):
    assert percent_on_one_side(target_raw, realisation_raw, unit, name) is differ


def test_units_differ_takes_either_sign():
    assert units_differ(17.0, 40.93, "17", "40,93%", "%", "Akta per 1000 penduduk")
    assert units_differ(1.026, 9.1e11, "1,026", "914.618.290.540")
    assert not units_differ(80.0, 60.0, "80%", "60%", "%", "Cakupan")
