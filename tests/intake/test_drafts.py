import pandas as pd
import pytest

from binjai_analysis.intake.drafts import (
    FAMILIES,
    REVIEW_BELOW,
    figure_confidence,
    name_line,
    score_rows,
)
from binjai_analysis.intake.matching import candidate_names

RESULTS, BUDGET = FAMILIES[0], FAMILIES[1]
INDICATORS = pd.DataFrame(
    {"indicator_id": ["S01.I01"], "sasaran_no": [1], "name": ["Rasio PAD terhadap Total APBD"]}
)


def figure(raw: str, style: str = "id", value: float | None = 1.0, note: str = "") -> pd.Series:
    return pd.Series({"raw": raw, "number_style": style, "value": value, "parse_note": note})


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (figure("12,5", value=12.5), 1.0),
        (figure("WTP", style="", value=None), 1.0),
        (figure("1.026", value=1026.0), 0.8),
        (figure("3,000", value=3.0, note="'3,000' is ambiguous: read in the table's style"), 0.8),
        (figure("100&", value=None), 0.3),
    ],
)
def test_figure_confidence(row, expected):
    assert figure_confidence(row)[0] == expected


def results(name: str, target: str, value: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sasaran_no": [1, 1],
            "indicator_no": ["1", "1"],
            "indicator_name": [name, name],
            "year": ["2020", "2020"],
            "measure": ["target", "realisasi"],
            "source_table": ["Tabel 3.3", "Tabel 3.3"],
            "source_line": [10, 11],
            "raw": [target, target],
            "number_style": ["id", "id"],
            "value": [value, value],
            "parse_note": ["", ""],
        }
    )


def test_a_well_linked_row_is_not_for_review():
    rows = results("Rasio PAD terhadap Total APBD", "11,5", 11.5)
    review = score_rows(RESULTS, rows, candidate_names(INDICATORS), {("S01.I01", 2020): 12.0})
    assert list(review["indicator_id"]) == ["S01.I01", "S01.I01"]
    assert not review["review"].any()


def test_an_unmatched_name_is_kept_and_marked():
    rows = results("Jumlah PNS yang mengikuti Diklat", "11,5", 11.5)
    review = score_rows(RESULTS, rows, candidate_names(INDICATORS), {})
    assert len(review) == 2
    assert review["review"].all()
    assert (review["confidence"] < REVIEW_BELOW).all()
    assert "no framework indicator" in review["reason"].iloc[0]


def test_a_target_far_from_the_plan_is_suggested_not_linked():
    rows = results("Rasio PAD terhadap Total APBD", "1.150", 1150.0)
    review = score_rows(RESULTS, rows, candidate_names(INDICATORS), {("S01.I01", 2020): 12.0})
    assert list(review["indicator_id"]) == ["", ""]
    assert list(review["suggested_id"]) == ["S01.I01", "S01.I01"]
    assert review["review"].all()
    assert "RPJMD target" in review["reason"].iloc[1]


def test_a_budget_percent_that_does_not_add_up_is_marked():
    rows = pd.DataFrame(
        {
            "row_seq": [1, 1, 1],
            "measure": ["anggaran", "realisasi", "persen"],
            "raw": ["100,00", "90,00", "95,00"],
            "number_style": ["id", "id", "id"],
            "value": [100.0, 90.0, 95.0],
            "parse_note": ["", "", ""],
        }
    )
    review = score_rows(BUDGET, rows, None, {})
    assert list(review["review"]) == [False, False, True]
    assert "90.00 %" in review["reason"].iloc[2]


def test_name_line_looks_back_from_the_figure():
    lines = ["Tabel 3.3", "Rasio PAD terhadap", "Total APBD", "11,50%"]
    assert name_line("Rasio PAD terhadap Total APBD", 4, lines) == 2
    assert name_line("Tidak ada", 4, lines) == 4
