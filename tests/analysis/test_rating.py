from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from binjai_analysis.analysis.rating import (
    DEFAULT_SCALE,
    SCALES,
    RatingBand,
    RatingScale,
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
        (90.5, "Tinggi"),
        (76.0, "Tinggi"),
        (75.99, "Sedang"),
        (51.0, "Rendah"),
        (50.99, "Sangat Rendah"),
    ],
)
def test_permendagri_86_boundaries(capaian, label):
    assert SCALES.permendagri_86_2017.rate(capaian) == label


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
