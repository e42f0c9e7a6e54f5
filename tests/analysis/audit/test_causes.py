"""Causes of printed-versus-recomputed differences (analysis/audit/causes.py)."""

import pytest

from binjai_analysis.analysis.audit.causes import (
    capaian_cause,
    input_precision,
    matches_printed,
    predikat_cause,
)
from binjai_analysis.analysis.rating import DEFAULT_SCALE


def row(target_raw: str, realisasi_raw: str, capaian_raw: str, name: str = "Indikator") -> dict:
    def value(raw: str) -> float:
        return float(raw.rstrip("%").replace(".", "").replace(",", "."))

    return {
        "target": value(target_raw),
        "realisasi": value(realisasi_raw),
        "capaian": value(capaian_raw),
        "target_raw": target_raw,
        "realisasi_raw": realisasi_raw,
        "capaian_raw": capaian_raw,
        "indicator_name": name,
    }


@pytest.mark.parametrize(
    ("printed", "polarity", "cause"),
    [
        (row("80", "60", "75%"), "higher", None),  # our formula gives it
        (row("2", "4", "100%"), "higher", "capped_at_100"),
        (row("11", "9", "81,81%"), "higher", "rounding"),  # truncated
        (row("15", "10", "66,70%"), "higher", "rounding"),  # rounded to one decimal
        (row("69,40", "87,00", "79,77%"), "lower", "inverted_formula"),  # target / realisation
        (row("118", "95,50", "80,9%"), "lower", "polarity_reversed"),  # realisation / target
        (row("92,57", "95%", "97,44%"), "higher", "polarity_reversed"),
        (row("17", "40,93%", "100%", "Akta per 1000 penduduk"), "higher", "unit_mismatch"),
        (row("61,20", "40", "65,63%"), "higher", "unexplained"),  # digits swapped: 65,36
        (row("5,70%", "6,00", "5%"), "lower", "unexplained"),
        (row("486", "566", "1116"), None, "unexplained"),  # polarity unknown: neither formula
    ],
)
def test_capaian_cause(printed, polarity, cause):
    assert capaian_cause(printed, polarity) == cause


def test_a_cap_explains_only_a_printed_100():
    assert capaian_cause(row("2", "4", "150%"), "higher") == "unexplained"
    # 50 % by our formula: only target / realisation (200 %) capped gives the printed 100 %
    assert capaian_cause(row("4", "2", "100%"), "higher") == "polarity_reversed"


def test_whole_numbers_are_exact_inputs():
    assert input_precision("15") == 0.0
    assert input_precision("2.000") == 0.0  # a thousands group
    assert input_precision("0,1") == pytest.approx(0.05)
    # 11 and 9 are counts: 81,81 is 81,818 truncated, but 85 is no rounding of it
    assert capaian_cause(row("11", "9", "85%"), "higher") == "unexplained"


def test_matches_printed():
    assert matches_printed(97.627, 97.62, "97,62")  # truncated
    assert matches_printed(97.627, 97.63, "97,63")  # rounded
    assert matches_printed(97.627, 97.60, "97,60")  # rounded to one decimal, a zero added
    assert not matches_printed(97.627, 97.50, "97,50")


@pytest.mark.parametrize(
    ("printed", "capaian", "recomputed", "cause"),
    [
        ("Sangat Baik", 95.0, 95.0, None),
        ("sangat baik", 95.0, 95.0, None),
        ("Sangat Tinggi", 100.0, 100.0, "label_synonym"),
        ("Sangat Tinngi", 100.0, 100.0, "label_typo"),
        ("Tingg", 86.5, 86.5, "label_typo"),
        ("Tinggi", 14.26, 77.56, "follows_recomputed"),  # the printed capaian is wrong
        ("Tinggi", 94.0, 94.0, "unexplained"),
        ("-", 33.33, 33.33, "unexplained"),
        ("Tinggi", 94.0, None, "unexplained"),
    ],
)
def test_predikat_cause(printed, capaian, recomputed, cause):
    assert predikat_cause(printed, capaian, recomputed, DEFAULT_SCALE) == cause
