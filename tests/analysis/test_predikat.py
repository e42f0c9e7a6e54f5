"""Printed predikat read as bands, through synonyms and typos (analysis/predikat.py)."""

import pytest

from binjai_analysis.analysis.predikat import rating_changed, read_predikat
from binjai_analysis.analysis.rating import DEFAULT_SCALE, SCALES


@pytest.mark.parametrize(
    ("printed", "position", "match"),
    [
        ("Sangat Baik", 0, "exact"),
        ("  sangat   BAIK ", 0, "exact"),
        ("Sangat Tinggi", 0, "synonym"),  # the RKPD scale's word for the same band
        ("Sangat Tinngi", 0, "typo"),
        ("Tingg", 1, "typo"),
        ("Sedang", 2, "exact"),
        ("Sangat Rendah", 4, "exact"),
    ],
)
def test_read_predikat(printed, position, match):
    reading = read_predikat(printed, DEFAULT_SCALE)
    assert (reading.position, reading.match) == (position, match)
    assert reading.label == DEFAULT_SCALE.labels[position]


@pytest.mark.parametrize("printed", ["-", "", None, "Memuaskan sekali", "Baik"])
def test_unknown_words_name_no_band(printed):
    assert read_predikat(printed, DEFAULT_SCALE) is None


def test_reading_on_the_other_scale_maps_by_position():
    reading = read_predikat("Sangat Baik", SCALES.permendagri_86_2017)
    assert (reading.label, reading.match) == ("Sangat Tinggi", "synonym")


@pytest.mark.parametrize(
    ("ours", "printed", "changed"),
    [
        ("Sangat Baik", "Sangat Tinggi", False),
        ("Tinggi", "Tingg", False),
        ("Tinggi", "Sangat Baik", True),
        ("Sangat Rendah", "Rendah", True),
        (None, "Tinggi", False),
        ("Tinggi", "-", False),
    ],
)
def test_rating_changed_ignores_synonyms_and_typos(ours, printed, changed):
    assert rating_changed(ours, printed, DEFAULT_SCALE) is changed
