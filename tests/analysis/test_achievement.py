from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from binjai_analysis.analysis.achievement import (
    STATUS_NO_REALISATION,
    STATUS_NO_TARGET,
    STATUS_NOT_COMPARABLE,
    STATUS_ORDINAL,
    STATUS_ORDINAL_MET,
    STATUS_UNITS_DIFFER,
    capaian_numeric,
    capaian_ordinal,
    compute_achievement,
)

positive = st.floats(min_value=0.01, max_value=1e9, allow_nan=False)
realisation = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@pytest.mark.parametrize(
    ("target", "realised", "status"),
    [
        (None, 5, STATUS_NO_TARGET),
        (0, 5, STATUS_NO_TARGET),
        (5, None, STATUS_NO_REALISATION),
        (5, float("nan"), STATUS_NO_REALISATION),
        (float("nan"), 5, STATUS_NO_TARGET),
    ],
)
def test_missing_inputs_give_a_status_not_inf_or_nan(target, realised, status):
    assert capaian_numeric(target, realised, "higher") == (None, status)


def test_qualitative_numbers_are_not_comparable():
    assert capaian_numeric(5, 5, "qualitative") == (None, STATUS_NOT_COMPARABLE)


@given(positive, realisation, realisation)
def test_higher_is_better_is_non_decreasing_in_realisation(target, r1, r2):
    low, high = sorted((r1, r2))

    def capaian(realised):
        return capaian_numeric(target, realised, "higher", max_ratio=None)[0]

    assert capaian(low) <= capaian(high)


@given(positive, realisation, realisation)
def test_lower_is_better_is_non_increasing_in_realisation(target, r1, r2):
    low, high = sorted((r1, r2))

    def capaian(realised):
        return capaian_numeric(target, realised, "lower", max_ratio=None)[0]

    assert capaian(low) >= capaian(high)


@given(positive, st.sampled_from(["higher", "lower"]))
def test_capaian_is_100_when_realisation_meets_target(target, polarity):
    assert math.isclose(capaian_numeric(target, target, polarity)[0], 100.0)


@given(positive, realisation, st.floats(min_value=50, max_value=200))
def test_cap_bounds_capaian(target, realised, cap):
    value, _ = capaian_numeric(target, realised, "higher", cap=cap, max_ratio=None)
    assume(value is not None)
    assert value <= cap


def test_golden_rows():
    # Worked by hand: 60/80 = 75 %; lower-is-better (2*10 - 12)/10 = 80 %.
    assert capaian_numeric(80, 60, "higher") == (75.0, "ok")
    assert capaian_numeric(10, 12, "lower") == (80.0, "ok")
    # A 1:n ratio with lower-is-better: target 1:1000 residents per doctor, realised 1:800.
    assert capaian_numeric(1000, 800, "lower") == (120.0, "ok")


def test_ordinal_is_met_or_not_met_by_default():
    assert capaian_ordinal("WTP", "WDP") == (0.0, STATUS_ORDINAL_MET)  # below the target
    assert capaian_ordinal("WTP", "WTP") == (100.0, STATUS_ORDINAL_MET)  # the target itself
    assert capaian_ordinal("WDP", "WTP") == (100.0, STATUS_ORDINAL_MET)  # better: met, not 133
    assert capaian_ordinal("BB", "B") == (0.0, STATUS_ORDINAL_MET)
    assert capaian_ordinal("WTP", "BB") == (None, STATUS_NOT_COMPARABLE)  # different scales
    assert capaian_ordinal("WTP", "") == (None, STATUS_NO_REALISATION)


def test_ordinal_rank_is_a_variant():
    assert capaian_ordinal("WTP", "WDP", method="rank") == (75.0, STATUS_ORDINAL)  # 3 of 4
    assert capaian_ordinal("WDP", "WTP", method="rank") == (pytest.approx(400 / 3), STATUS_ORDINAL)
    with pytest.raises(ValueError, match="method"):
        capaian_ordinal("WTP", "WTP", method="distance")  # type: ignore[arg-type]


def test_bounds_apply_after_the_formula_and_keep_it():
    frame = pd.DataFrame(
        {
            "target": [0.0006, 100.0, None],
            "realisasi": [0.018, 150.0, None],
            "target_raw": ["", "", "WDP"],
            "realisasi_raw": ["", "", "WTP"],
            "polarity": ["lower", "higher", "qualitative"],
        }
    )
    result = compute_achievement(frame, cap=120.0, floor=0.0, ordinal="rank")
    assert list(result["capaian"]) == [0.0, 120.0, 120.0]
    assert list(result["capaian_formula"]) == [pytest.approx(-2800), 150.0, pytest.approx(400 / 3)]


def test_compute_achievement_adds_columns_without_mutating_input():
    frame = pd.DataFrame(
        {
            "target": [80.0, 10.0, None],
            "realisasi": [60.0, 12.0, None],
            "target_raw": ["80", "10", "WTP"],
            "realisasi_raw": ["60", "12", "WTP"],
            "polarity": ["higher", "lower", "qualitative"],
        }
    )
    before = frame.copy()
    result = compute_achievement(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert list(result["capaian"]) == [75.0, 80.0, 100.0]
    assert list(result["capaian_status"]) == ["ok", "ok", STATUS_ORDINAL_MET]


def test_sizes_far_apart_are_not_comparable():
    # APBD target printed in trillions (1,026) against a realisation in rupiah (914.618.290.540).
    assert capaian_numeric(1.026, 914618290540.0, "higher") == (None, STATUS_UNITS_DIFFER)
    assert capaian_numeric(1.026, 914618290540.0, "higher", max_ratio=None)[1] == "ok"


def test_floor_bounds_lower_is_better():
    # Dropout rate 0,018 % against a target of 0,0006 %: (2T - R)/T = -2800 %.
    assert capaian_numeric(0.0006, 0.018, "lower")[0] == pytest.approx(-2800)
    assert capaian_numeric(0.0006, 0.018, "lower", floor=0) == (0.0, "ok")
