"""Budget rows: repeats (same row, same figures renamed, same program with other figures),
round amounts that are no evidence of a repeat, and amounts that lost groups of digits."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import budget
from binjai_analysis.analysis.audit import budget as audit_budget
from binjai_analysis.data.model import load_model

SOURCE = "lkjip-binjai-2018"


def budget_frame(rows: list[tuple]) -> pd.DataFrame:
    """Long budget rows from (row_seq, program, anggaran, realisasi, persen); None: not printed."""
    records = []
    for seq, program, *figures in rows:
        for offset, (measure, value) in enumerate(
            zip(("anggaran", "realisasi", "persen"), figures, strict=False)
        ):
            if value is None:
                continue
            records.append(
                {
                    "row_seq": seq,
                    "printed_no": str(seq),
                    "program": program,
                    "measure": measure,
                    "source_table": "Tabel X",
                    "source_line": 100 + 10 * seq + offset,
                    "raw": f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", "."),
                    "number_style": "id",
                    "value": value,
                    "parse_note": "",
                }
            )
    return pd.DataFrame(records)


def repeats(rows: list[tuple]) -> list[tuple]:
    found = budget.repeated_rows(budget.budget_rows(budget_frame(rows)))
    return list(found[["row_seq", "repeat", "same_as_row_seq"]].itertuples(index=False, name=None))


# --- round amounts and the evidence of a repeat ----------------------------------------------


@pytest.mark.parametrize(
    ("amount", "is_round"),
    [
        (50_000_000.0, True),
        (940_000_000.0, True),
        (4_000_000_000.0, True),
        (0.0, True),
        (1_815_000_000.0, False),
        (1_045_764_500.0, False),
        (150_000_000.5, False),
    ],
)
def test_round_amounts(amount, is_round):
    assert budget.is_round(amount) is is_round


def test_one_equal_round_amount_is_no_repeat():
    # a table with only an anggaran column: two programs planned at 50.000.000
    rows = [(1, "Program A", 50_000_000.0), (2, "Program B", 50_000_000.0)]
    assert repeats(rows) == []


def test_one_equal_amount_that_is_not_round_is_a_repeat():
    rows = [(1, "Program A", 4_840_340_000.0), (2, "Program B", 4_840_340_000.0)]
    assert repeats(rows) == [(2, budget.SAME_FIGURES, 1)]


def test_two_equal_figures_are_a_repeat_even_when_round():
    rows = [(1, "Program A", 50_000_000.0, 40_000_000.0), (2, "B", 50_000_000.0, 40_000_000.0)]
    assert repeats(rows) == [(2, budget.SAME_FIGURES, 1)]


def test_zero_figures_are_no_repeat():
    rows = [(1, "Program A", 0.0, 0.0, 0.0), (2, "Program B", 0.0, 0.0, 0.0)]
    assert repeats(rows) == []


REPRINTED = [
    (1, "Program Keluarga Berencana", 221_793_000.0, 130_217_000.0),
    (2, "Program C", 10_000_000.0, 9_000_000.0),
    (3, "Program D", 20_000_000.0, 19_000_000.0),
    (4, "Program E", 30_000_000.0, 29_000_000.0),
    (5, "Keluarga Berencana.", 381_595_000.0, 283_241_000.0),
    (6, "program c", 11_000_000.0, 9_500_000.0),
    (7, "Program D", 21_000_000.0, 18_000_000.0),
    (8, "Program E ", 31_000_000.0, 28_000_000.0),
]
"""Four programs printed again, as a block, with other amounts: a reprinted block."""


def test_a_reprinted_block_with_other_figures_is_found_against_first_rows():
    assert repeats(REPRINTED) == [
        (5, budget.SAME_PROGRAM, 1),
        (6, budget.SAME_PROGRAM, 2),
        (7, budget.SAME_PROGRAM, 3),
        (8, budget.SAME_PROGRAM, 4),
    ]


def test_one_program_name_again_with_other_figures_is_no_repeat():
    # the same program run by two agencies, in a table that does not name the agencies
    rows = [
        (1, "Standarisasi Pelayanan Kesehatan", 821_253_700.0, 800_000_000.0),
        (2, "Program C", 10_000_000.0, 9_000_000.0),
        (3, "Standarisasi Pelayanan Kesehatan", 150_000_000.0, 140_000_000.0),
    ]
    assert repeats(rows) == []
    assert repeats(REPRINTED[: budget.MIN_REPRINT_RUN + 3]) == []  # a run one row short


def test_same_program_and_figures_is_still_the_same_row():
    rows = [(1, "Program A", 14_000_000.0), (2, "Program B", 9.0), (3, "Program A", 14_000_000.0)]
    assert repeats(rows) == [(3, budget.SAME_ROW, 1)]


def test_distinct_programs_and_figures_repeat_nothing():
    rows = [(1, "Program A", 200.0, 100.0), (2, "Program B", 300.0, 100.0)]
    assert repeats(rows) == []


# --- the errata ---------------------------------------------------------------------------------


def test_same_program_erratum_names_both_amounts():
    others = [(seq, f"Program {seq}", 10.0 * seq, 5.0 * seq, 50.0) for seq in (2, 3, 4)]
    again = [(seq + 4, f"Program {seq}", 10.0 * seq + 1, 5.0 * seq, None) for seq in (2, 3, 4)]
    rows = [(1, "Program A", 200.0, 100.0, 50.0), *others, (5, "Program A", 200.0, 150.0, 75.0)]
    errata = audit_budget.audit_budget_rows(budget_frame(rows + again), "Tabel X")
    (erratum,) = [e for e in errata if e.row_seq == 5]
    assert (erratum.kind, erratum.item, erratum.severity) == (
        "duplicate_row",
        "same_program_other_figures",
        "medium",
    )
    # the anggaran is the same: the realisasi is the amount that differs
    assert (erratum.measure, erratum.source_line, erratum.printed) == ("realisasi", 151, "150,00")
    assert (erratum.other_row, erratum.other_line, erratum.other_printed) == (1, 111, "100,00")
    assert (erratum.other_value, erratum.effect) == (100.0, "program_rows_kept")


def test_realisasi_that_lost_a_group_of_digits():
    rows = [(1, "Program A", 15_104_480_201.0, 14_324_706.0, 94.84)]
    (erratum,) = audit_budget.audit_budget_rows(budget_frame(rows), "Tabel X")
    assert (erratum.kind, erratum.item, erratum.measure) == (
        "misprinted_number",
        "realisasi_digits_lost",
        "realisasi",
    )
    assert (erratum.source_line, erratum.printed) == (111, "14.324.706,00")
    assert erratum.expected == "≈ 14.324.706.000"
    assert erratum.computed == pytest.approx(14_325_089_023.6, abs=1.0)
    assert (erratum.other_line, erratum.other_printed) == (112, "94,84")
    # the printed % fits the restored figure: no row_percent erratum besides


def test_anggaran_that_lost_a_group_of_digits():
    rows = [(1, "Program A", 15_104_480.0, 14_325_089_023.0, 94.84)]
    items = [e.item for e in audit_budget.audit_budget_rows(budget_frame(rows), "Tabel X")]
    assert items == ["anggaran_digits_lost", "realisasi_over_anggaran"]


@pytest.mark.parametrize(
    "row",
    [
        (1, "Program A", 200.0, 100.0, 55.0),  # a wrong %, not a factor of 1.000
        (1, "Program A", 592_000_000.0, 27_232_027_500.0, 92.33),  # 46 times, not 1.000
    ],
)
def test_other_gaps_are_no_lost_digits(row):
    items = {e.item for e in audit_budget.audit_budget_rows(budget_frame([row]), "Tabel X")}
    assert not items & {"realisasi_digits_lost", "anggaran_digits_lost"}


def test_a_fitting_row_of_small_amounts_is_no_lost_digits():
    rows = [(1, "Program A", 3.0, 1.0, 33.33)]
    assert audit_budget.audit_budget_rows(budget_frame(rows), "Tabel X") == []


# --- on the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.fixture(scope="module")
def errata(model):
    return [e for e in audit_budget.check(model, SOURCE) if e.kind != "total_mismatch"]


def count(errata, item, table=None):
    return sum(e.item == item and (table is None or e.source_table == table) for e in errata)


def test_real_repeats_per_item(errata):
    assert count(errata, "same_row") == 3
    assert count(errata, "same_figures_other_name") == 1
    # the block of Tabel 3.18 printed again in US format (rows 92-97, 100-112; row 99 is a
    # same_row); other programs printed twice with other amounts are most likely run by two
    # agencies
    assert count(errata, "same_program_other_figures", "Tabel 3.18") == 19
    assert count(errata, "same_program_other_figures", "PK 2019") == 0
    assert count(errata, "realisasi_digits_lost") == 1
    assert count(errata, "anggaran_digits_lost") == 0
    assert count(errata, "row_percent") == 11


def test_round_pk_amounts_are_no_longer_repeats(errata):
    # PK 2019 prints only an anggaran: 4.000.000.000, 160.000.000, 50.000.000 ... twice
    assert [
        e for e in errata if e.item == "same_figures_other_name" and e.source_table == "PK 2019"
    ] == []
    (renamed,) = [e for e in errata if e.item == "same_figures_other_name"]
    assert (renamed.source_line, renamed.printed, renamed.other_row) == (
        18981,
        "1,045,764,500.00",
        118,
    )


def test_real_same_program_rows(errata):
    by_line = {e.source_line: e for e in errata if e.item == "same_program_other_figures"}
    assert by_line[18510].measure == "realisasi"  # same anggaran 100.000.000, other realisasi
    assert 18966 not in by_line and 24320 not in by_line  # single rows, not a reprinted block


def test_real_lost_digits(errata):
    (lost,) = [e for e in errata if e.item == "realisasi_digits_lost"]
    assert (lost.source_table, lost.source_line, lost.row_seq) == ("Tabel 3.18", 17703, 47)
    assert (lost.printed, lost.expected) == ("14.324.706,00", "≈ 14.324.706.000")
    assert not [e for e in errata if e.item == "row_percent" and e.row_seq == 47]


def test_sums_without_duplicates_are_unchanged(model):
    sums = budget.budget_sums(model.printed[SOURCE]["lkjip_budget"])
    assert sums["anggaran_without_duplicates"] == pytest.approx(560_051_881_579.00)
