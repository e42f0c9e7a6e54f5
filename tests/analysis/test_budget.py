"""Budget analysis: golden program rows worked out by hand, totals, concentration, PEFA."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from binjai_analysis.analysis import budget
from binjai_analysis.labels import reconciliation_labels


@pytest.fixture(scope="module")
def table(year_data) -> pd.DataFrame:
    return budget.absorption(year_data.budget)


@pytest.fixture(scope="module")
def rows(table) -> pd.DataFrame:
    return table.set_index("row_seq")


# (row_seq, realisasi / anggaran as printed in Tabel 3.18)
GOLDEN = [
    (1, 88_172_601_622 / 96_457_106_141),
    (2, 70_022_642_548 / 93_891_838_055),
    (4, 6_947_441_420 / 7_934_181_194),  # printed 87,86 %: the audit lists it
    (5, 1_322_100_383 / 1_689_032_569),
    (6, 794_725_651 / 814_174_510),
    (7, 510_644_064 / 679_998_391),
    (8, 376_330_168 / 387_780_010),
    (9, 87_032_932 / 89_998_932),
    (10, 698_445_952 / 699_953_672),
    (12, 285_990_574 / 2_331_728_600),
    (13, 16_262_522_293 / 46_954_737_660),
]


@pytest.mark.parametrize(("row_seq", "ratio"), GOLDEN)
def test_golden_absorption(rows, row_seq, ratio):
    assert rows.loc[row_seq, "absorption_pct"] == pytest.approx(ratio * 100)
    assert rows.loc[row_seq, "treatment"] == "included"


def test_flagged_rows_are_excluded_or_kept_by_parameter(year_data, rows):
    assert rows.loc[3, "treatment"] == "excluded (flagged)"  # malformed 19.11.101.030,00
    assert rows.loc[44, "treatment"] == "excluded (flagged)"  # realisasi 46 x anggaran
    kept = budget.absorption(year_data.budget, flagged="include").set_index("row_seq")
    assert kept.loc[44, "treatment"] == "included as printed (flagged)"
    assert budget.absorption_summary(kept)["excluded"] == 0
    with pytest.raises(ValueError, match="flagged must be"):
        budget.absorption(year_data.budget, flagged="fix")


def test_duplicates_are_left_out(rows):
    assert 34 not in rows.index  # row 34 repeats row 33 (printed no. 33 twice)


def test_summary_and_extremes(table):
    summary = budget.absorption_summary(table)
    counted = budget.used_rows(table)
    assert summary["weighted_pct"] == pytest.approx(
        counted["realisasi"].sum() / counted["anggaran"].sum() * 100
    )
    lowest = budget.extremes(table, n=3)
    assert list(lowest["absorption_pct"]) == sorted(lowest["absorption_pct"])
    assert lowest["absorption_pct"].iloc[0] == 0.0


def test_pareto_is_cumulative(table):
    shares = budget.pareto(table)
    assert shares["anggaran"].is_monotonic_decreasing
    assert shares["cumulative_pct"].iloc[-1] == pytest.approx(100.0)
    needed = budget.programs_for_share(shares, 80.0)
    assert shares["cumulative_pct"].iloc[needed - 1] >= 80.0
    assert shares["cumulative_pct"].iloc[needed - 2] < 80.0


def test_reconciliation_of_the_three_totals(year_data):
    table = budget.reconcile_totals(year_data.budget, year_data.budget_totals)
    assert tuple(table["total"]) == budget.RECONCILIATION_ROWS
    totals = table.set_index("total")
    printed = totals.loc["budget_table_jumlah"]
    assert printed["anggaran"] == 917_275_403_412.62
    assert printed["basis"] == "tercetak"
    rows_sum = totals.loc["all_rows"]
    assert rows_sum["anggaran_minus_printed_jumlah"] == pytest.approx(-355_407_783_133.62)
    assert totals.loc["ikhtisar", "anggaran"] == 577_997_877_311.0
    labels = reconciliation_labels("Tabel 3.18")
    assert labels["budget_table_jumlah"] == "Jumlah tercetak Tabel 3.18"
    assert labels["all_rows"] == "Jumlah baris Tabel 3.18 (semua baris)"
    assert set(labels) == set(budget.RECONCILIATION_ROWS)


def test_printed_total(year_data):
    totals = year_data.budget_totals
    assert budget.printed_total(totals, "budget_table_jumlah_anggaran") == 917_275_403_412.62
    assert budget.printed_total(totals, "ikhtisar_pagu") == 577_997_877_311.0
    assert pd.isna(budget.printed_total(totals, "no_such_item"))
    assert pd.isna(budget.printed_total(totals.iloc[0:0], "ikhtisar_pagu"))


def test_reconciliation_without_printed_totals(year_data):
    table = budget.reconcile_totals(year_data.budget, year_data.budget_totals.iloc[0:0])
    totals = table.set_index("total")
    assert totals.loc["all_rows", "anggaran"] > 0
    assert totals.loc[["budget_table_jumlah", "ikhtisar"], "anggaran"].isna().all()
    assert totals["anggaran_minus_printed_jumlah"].isna().all()


def test_pefa_indicators_keep_flagged_rows(rows):
    assert (rows["treatment"] != "included").any()  # the year has flagged rows
    counted = budget.pefa_rows(rows)
    assert len(counted) == len(rows)  # flagged rows stay in, as printed
    assert budget.aggregate_outturn(rows) == pytest.approx(
        rows["realisasi"].sum() / rows["anggaran"].sum() * 100
    )
    heads = budget.pefa_heads(rows)
    assert heads["programs"].sum() == len(rows)
    assert heads["anggaran"].sum() == pytest.approx(rows["anggaran"].sum())
    assert 0 < budget.composition_variance(heads) < 100


def heads_frame(budgets: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row_seq": range(len(budgets)),
            "program": [f"P{n}" for n in range(len(budgets))],
            "anggaran": budgets,
            "realisasi": [b / 2 for b in budgets],
        }
    )


def test_pefa_heads_take_the_largest_up_to_75_percent_plus_a_residual():
    # 25 heads: 40 + 20 + 10 = 70 % < 75 %, so the 4th (5 %) is taken (75 % reached) and the
    # other 21 heads (25 %) become one residual line.
    frame = heads_frame([40.0, 20.0, 10.0, 5.0] + [25.0 / 21] * 21)
    heads = budget.pefa_heads(frame)
    assert list(heads["head"]) == ["P0", "P1", "P2", "P3", budget.RESIDUAL_HEAD]
    assert list(heads["residual"]) == [False] * 4 + [True]
    assert heads["programs"].iloc[-1] == 21
    assert heads["share_pct"].iloc[-1] == pytest.approx(25.0)
    assert heads["anggaran"].sum() == pytest.approx(100.0)


def test_pefa_heads_keep_every_head_when_there_are_few():
    frame = heads_frame([10.0] * budget.PEFA_MAX_HEADS)
    heads = budget.pefa_heads(frame)
    assert len(heads) == budget.PEFA_MAX_HEADS and not heads["residual"].any()


def test_composition_variance_over_a_residual_line_hides_shifts_inside_it():
    # Two small heads swap their spending: visible head by head, hidden once merged.
    frame = heads_frame([80.0] + [1.0] * 20)
    frame.loc[1, "realisasi"], frame.loc[2, "realisasi"] = 1.0, 0.0
    merged = budget.composition_variance(budget.pefa_heads(frame))
    separate = budget.composition_variance(frame)
    assert merged < separate


@given(
    st.lists(st.floats(min_value=1, max_value=1e12), min_size=1, max_size=30),
    st.floats(min_value=0.01, max_value=2),
)
def test_composition_variance_is_zero_when_actuals_are_proportional(budgets, factor):
    frame = pd.DataFrame({"anggaran": budgets, "realisasi": [b * factor for b in budgets]})
    frame["treatment"] = "included"
    assert budget.composition_variance(frame) == pytest.approx(0.0, abs=1e-9)


def test_printed_absorption_reads_the_printed_percentages(year_data):
    printed = budget.printed_absorption(year_data.budget_totals)
    assert list(printed["item"]) == list(budget.PRINTED_ABSORPTION_ITEMS)
    totals = year_data.budget_totals.set_index("item")
    for row in printed.itertuples():
        assert row.value == totals.loc[row.item, "value"]
        assert row.source_line == totals.loc[row.item, "source_line"]


def test_printed_absorption_without_printed_totals(year_data):
    empty = year_data.budget_totals.iloc[0:0]
    assert budget.printed_absorption(empty).empty
    assert budget.absorption_differences(empty, 73.8).empty


def test_absorption_differences_only_where_the_figures_differ(year_data):
    totals = year_data.budget_totals
    printed = budget.printed_absorption(totals)
    first, second = (float(value) for value in printed["value"])
    # ours equal to the first printed figure: only the second is a difference
    found = budget.absorption_differences(totals, first)
    assert list(found["value"]) == [second]
    assert found["difference"].iloc[0] == pytest.approx(first - second)
    assert len(budget.absorption_differences(totals, first - 10.0)) == 2
