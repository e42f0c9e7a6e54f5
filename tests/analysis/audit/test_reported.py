"""Printed capaian and predikat against our recomputation, each difference with its cause
(analysis/audit/reported.py), on the real data."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import CAUSES, ERROR_CAUSES


@pytest.fixture(scope="module")
def differences(errata) -> pd.DataFrame:
    kinds = ("reported_capaian_mismatch", "reported_predikat_mismatch")
    return errata[errata["kind"].isin(kinds)]


def cause_of(differences: pd.DataFrame, indicator_id: str, measure: str) -> str:
    (cause,) = differences.loc[
        (differences["indicator_id"] == indicator_id) & (differences["measure"] == measure),
        "cause",
    ]
    return cause


def test_every_difference_has_a_cause(differences):
    assert differences["cause"].notna().all()
    assert set(differences["cause"]) <= set(CAUSES)
    assert (differences["counts_as_error"] == differences["cause"].isin(ERROR_CAUSES)).all()


@pytest.mark.parametrize(
    ("indicator_id", "measure", "cause"),
    [
        ("S03.I03", "capaian", "capped_at_100"),  # target 2, realised 4: printed 100 %
        ("S07.I22", "capaian", "inverted_formula"),  # AKI 69,40 / 87,00 = 79,77 %
        ("S10.I16", "capaian", "polarity_reversed"),  # 95,50 / 118 = 80,9 %, lower is better
        ("S06.I04", "capaian", "rounding"),  # 9 / 11 = 81,818 printed 81,81
        ("S02.I08", "capaian", "unit_mismatch"),  # 17 per 1000 against 40,93 %
        ("S14.I11", "capaian", "unexplained"),  # 40 / 61,20 = 65,36, printed 65,63
        ("S13.I02", "predikat", "label_synonym"),  # "Sangat Tinggi" for "Sangat Baik"
        ("S07.I10", "predikat", "label_typo"),  # "Tingg"
        ("S07.I03", "predikat", "follows_recomputed"),  # printed capaian is the target
    ],
)
def test_golden_causes(differences, indicator_id, measure, cause):
    assert cause_of(differences, indicator_id, measure) == cause


def test_conventions_are_low_and_a_unit_mismatch_prints_no_percentage(differences):
    conventions = differences[~differences["counts_as_error"]]
    assert conventions["severity"].eq("low").all()
    units = differences[differences["cause"] == "unit_mismatch"]
    assert units["computed"].isna().all() and units["difference"].isna().all()
    assert units["effect"].eq("capaian_not_computed").all()
