from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from binjai_analysis.analysis.rating import (
    DEFAULT_SCALE,
    GAP_CONVENTION,
    SCALES,
    RatingBand,
    RatingScale,
    describe_scale,
    load_scales,
    scale_from_printed,
)


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        (120.0, "Sangat Baik"),
        (90.1, "Sangat Baik"),
        (90.05, "Sangat Baik"),  # inside the printed gap (90; 90,1): read as above 90
        (90.0, "Tinggi"),
        (75.1, "Tinggi"),
        (75.0, "Sedang"),
        (65.0, "Rendah"),
        (50.1, "Rendah"),
        (50.0, "Sangat Rendah"),
        (-10.0, "Sangat Rendah"),
    ],
)
def test_tabel_3_1_boundaries(capaian, label):
    assert DEFAULT_SCALE.rate(capaian) == label


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        (91.0, "Sangat Tinggi"),
        (90.5, "Sangat Tinggi"),  # in the printed gap 90-91: above the top of "76-90"
        (90.0, "Tinggi"),  # the printed upper bound of Tinggi is inclusive
        (76.0, "Tinggi"),
        (75.5, "Tinggi"),
        (75.0, "Sedang"),
        (51.0, "Rendah"),
        (50.5, "Rendah"),
        (50.0, "Sangat Rendah"),
    ],
)
def test_permendagri_86_boundaries(capaian, label):
    assert SCALES.permendagri_86_2017.rate(capaian) == label


def test_both_scales_use_one_gap_convention():
    for scale in vars(SCALES).values():
        bounded = [band for band in scale.bands if band.lower is not None]
        assert {band.inclusive for band in bounded} == {GAP_CONVENTION}
    # The same value at a bound and just above it gets the same band position on both scales.
    for value in (90.0, 90.05, 75.0, 75.05, 65.0, 65.05, 50.0, 50.05):
        positions = {scale.labels.index(scale.rate(value)) for scale in vars(SCALES).values()}
        assert len(positions) == 1


def test_a_scale_mixing_conventions_is_refused():
    with pytest.raises(ValidationError, match="one way"):
        RatingScale(
            name="mixed",
            source="test",
            bands=(
                RatingBand(label="A", lower=90.0, inclusive=True),
                RatingBand(label="B", lower=50.0, inclusive=False),
                RatingBand(label="C"),
            ),
        )


def test_missing_capaian_has_no_rating():
    assert DEFAULT_SCALE.rate(None) is None
    assert DEFAULT_SCALE.rate(float("nan")) is None


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_real_number_gets_exactly_one_rating(capaian):
    for scale in (SCALES.lkjip_tabel_3_1, SCALES.permendagri_86_2017):
        first_admitting = [band.admits(capaian) for band in scale.bands].index(True)
        assert scale.rate(capaian) == scale.bands[first_admitting].label
        assert scale.rate(capaian) in scale.labels


def test_overlapping_bands_are_rejected():
    with pytest.raises(ValidationError, match="bands overlap"):
        RatingScale(
            name="x",
            source="test",
            bands=(
                RatingBand(label="Baik", lower=70),
                RatingBand(label="Cukup", lower=80),
                RatingBand(label="Kurang"),
            ),
        )


def test_worst_band_must_be_open_below():
    with pytest.raises(ValidationError, match="must have no lower bound"):
        RatingScale(
            name="x",
            source="test",
            bands=(
                RatingBand(label="Baik", lower=70),
                RatingBand(label="Kurang", lower=0),
            ),
        )


def test_default_scale_is_the_printed_tabel_3_1(year_data):
    printed = scale_from_printed(year_data.rating_scale, DEFAULT_SCALE.name, DEFAULT_SCALE.source)
    assert printed.bands == DEFAULT_SCALE.bands
    # scale_from_printed knows no reader title; apart from it the scales are the same
    assert printed.model_copy(update={"title": DEFAULT_SCALE.title}) == DEFAULT_SCALE


def test_scales_come_from_the_reference_file(tmp_path):
    assert DEFAULT_SCALE is SCALES.lkjip_tabel_3_1
    assert DEFAULT_SCALE.title and SCALES.permendagri_86_2017.title
    path = tmp_path / "scales.yaml"
    path.write_text(
        "- name: two\n  source: test\n  title: Dua\n  bands:\n"
        "    - {label: Baik, lower: 50.0}\n    - {label: Kurang}\n",
        encoding="utf-8",
    )
    scales = load_scales(path)
    assert scales.two.title == "Dua"
    assert (scales.two.rate(50.0), scales.two.rate(49.9)) == ("Baik", "Kurang")


def test_a_bad_scale_in_the_reference_file_is_rejected(tmp_path):
    path = tmp_path / "scales.yaml"
    path.write_text(
        "- name: bad\n  source: test\n  bands:\n"
        "    - {label: Baik, lower: 50.0}\n    - {label: Kurang, lower: 0.0}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match="must have no lower bound"):
        load_scales(path)


def test_describe_scale_words_follow_the_convention():
    text = describe_scale(SCALES.permendagri_86_2017)
    assert text.startswith("Sangat Tinggi (di atas 90 %), Tinggi (di atas 75 % sampai 90 %)")
    assert text.endswith("Sangat Rendah (50 % atau kurang)")
    inclusive = RatingScale(
        name="incl",
        source="test",
        bands=(RatingBand(label="A", lower=91.0), RatingBand(label="B")),
    )
    assert describe_scale(inclusive) == "A (mulai 91 %) dan B (di bawah 91 %)"
