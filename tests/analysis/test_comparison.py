"""A realisation year against the previous one: indicator readings by polarity, aggregates per
sasaran, programs matched by name across years, and the pace toward the end target."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import comparison as cmp
from binjai_analysis.analysis.year import AnalysisOptions, run_analysis
from binjai_analysis.analysis.years import optional_parts, previous_year
from binjai_analysis.errors import YearWithoutDataError
from tests.conftest import REPORT_YEAR
from tests.fixtures.second_year import NEW_PROGRAM, model_with_year

LATER = REPORT_YEAR + 2


def results(rows: list[tuple]) -> pd.DataFrame:
    """Indicator results with the columns `indicator_change` reads: (id, polarity,
    realisasi, realisasi_raw, capaian, capaian_status)."""
    frame = pd.DataFrame(
        rows,
        columns=[
            "indicator_id",
            "polarity",
            "realisasi",
            "realisasi_raw",
            "capaian",
            "capaian_status",
        ],
    )
    return frame.assign(
        name=frame["indicator_id"].map(lambda i: f"Indikator {i}"),
        sasaran_id="S01",
        sasaran_no=1,
        unit="%",
        target=10.0,
        target_raw="10",
        capaian=frame["capaian"].astype("Float64"),
        met=frame["capaian"] >= 100,
    )


@pytest.fixture(scope="module")
def change() -> pd.DataFrame:
    before = results(
        [
            ("A", "higher", 10.0, "10", 100.0, "ok"),
            ("B", "lower", 10.0, "10", 100.0, "ok"),
            ("C", "lower", 8.0, "8", 120.0, "ok"),
            ("D", "higher", 5.0, "5", 50.0, "ok"),
            ("E", "qualitative", None, "WDP", 75.0, "ok (rank-based, ordinal)"),
            ("F", "higher", 9.0, "9", None, "not comparable (sizes differ over max_ratio; units?)"),
            ("G", "higher", 3.0, "3", 30.0, "ok"),
            ("H", "qualitative", None, "WTP", 100.0, "ok (rank-based, ordinal)"),
        ]
    )
    after = results(
        [
            ("A", "higher", 12.0, "12", 120.0, "ok"),
            ("B", "lower", 12.0, "12", 80.0, "ok"),
            ("C", "lower", 6.0, "6", 140.0, "ok"),
            ("D", "higher", 5.0, "5", 50.0, "ok"),
            ("E", "qualitative", None, "WTP", 100.0, "ok (rank-based, ordinal)"),
            ("F", "higher", 11.0, "11", 110.0, "ok"),
            ("H", "qualitative", None, "BB", 80.0, "ok (rank-based, ordinal)"),
            ("I", "higher", 4.0, "4", 40.0, "ok"),
        ]
    )
    return cmp.indicator_change(before, after).set_index("indicator_id")


def test_a_change_is_read_with_the_indicators_polarity(change):
    assert change.loc["A", "reading"] == cmp.IMPROVED  # higher is better, it rose
    assert change.loc["B", "reading"] == cmp.WORSENED  # lower is better, it rose
    assert change.loc["C", "reading"] == cmp.IMPROVED  # lower is better, it fell
    assert change.loc["D", "reading"] == cmp.UNCHANGED
    assert change.loc["C", "improvement"] == pytest.approx(2.0)
    assert change.loc["B", "improvement"] == pytest.approx(-2.0)


def test_categories_are_compared_by_rank_on_one_scale(change):
    assert change.loc["E", "reading"] == cmp.IMPROVED  # WDP -> WTP
    assert change.loc["E", "improvement"] == 1
    assert change.loc["H", "reading"] == cmp.NOT_COMPARABLE  # an opinion against a grade


def test_the_change_of_capaian_is_in_points(change):
    assert change.loc["A", "capaian_change"] == pytest.approx(20.0)
    assert change.loc["B", "capaian_change"] == pytest.approx(-20.0)
    assert pd.isna(change.loc["F", "capaian_change"])


def test_sizes_that_are_not_comparable_are_not_read(change):
    assert change.loc["F", "reading"] == cmp.NOT_COMPARABLE


def test_indicators_of_one_year_stay_in_the_table(change):
    assert change.loc["G", "presence"] == cmp.ONLY_PREVIOUS
    assert change.loc["I", "presence"] == cmp.ONLY_CURRENT
    assert change.loc["I", "name"] == "Indikator I"  # described from the year that has it
    assert change.loc["G", "reading"] == change.loc["I", "reading"] == cmp.NOT_COMPARABLE
    assert set(change.loc[list("ABCDEFH"), "presence"]) == {cmp.BOTH}
    assert len(change) == 9


def aggregates(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["sasaran", "indicators", "usable", "mean", "median", "met", "share_met_pct"]
    )


def test_aggregates_are_set_side_by_side_per_sasaran():
    before = aggregates([("S01", 4, 4, 90.0, 95.0, 1, 25.0), ("S02", 2, 2, 100.0, 100.0, 1, 50.0)])
    after = aggregates([("S01", 4, 3, 96.5, 99.0, 2, 200 / 3), ("S03", 1, 1, 80.0, 80.0, 0, 0.0)])
    table = cmp.aggregate_change(before, after, "sasaran").set_index("sasaran")
    assert table.loc["S01", "mean_change"] == pytest.approx(6.5)
    assert table.loc["S01", "share_met_change"] == pytest.approx(200 / 3 - 25.0)
    assert table.loc["S01", "met_change"] == 1
    assert table.loc["S02", "presence"] == cmp.ONLY_PREVIOUS
    assert table.loc["S03", "presence"] == cmp.ONLY_CURRENT
    assert pd.isna(table.loc["S03", "mean_change"])


def absorption_rows(rows: list[tuple]) -> pd.DataFrame:
    """`budget.absorption` rows: (program, anggaran, realisasi, treatment)."""
    frame = pd.DataFrame(rows, columns=["program", "anggaran", "realisasi", "treatment"])
    return frame.assign(program_key=frame["program"].str.lower())


@pytest.fixture(scope="module")
def programs() -> pd.DataFrame:
    before = absorption_rows(
        [
            ("Kesehatan", 100.0, 80.0, "included"),
            ("Kesehatan", 100.0, 60.0, "included"),
            ("Pembinaan Olah Raga", 50.0, 50.0, "included"),
            ("Jalan", 10.0, 12.0, "excluded (flagged)"),
            ("Lama", 30.0, 15.0, "included"),
        ]
    )
    after = absorption_rows(
        [
            ("Kesehatan", 300.0, 270.0, "included"),
            ("Pembinaan Olahraga", 40.0, 20.0, "included"),
            ("Jalan", 20.0, 10.0, "included"),
            ("Baru", 5.0, 1.0, "included"),
        ]
    )
    return cmp.program_change(before, after).set_index("program_key")


def test_programs_are_matched_by_name_across_years(programs):
    health = programs.loc["kesehatan"]
    assert health["presence"] == cmp.BOTH and health["match_basis"] == "same name"
    assert health["anggaran_previous"] == 200.0 and health["rows_previous"] == 2
    assert health["absorption_pct_previous"] == pytest.approx(70.0)
    assert health["absorption_pct_current"] == pytest.approx(90.0)
    assert health["absorption_change"] == pytest.approx(20.0)
    assert health["anggaran_change_pct"] == pytest.approx(50.0)


def test_names_spelled_differently_are_paired_with_their_score(programs):
    sport = programs.loc["pembinaan olahraga"]
    assert sport["presence"] == cmp.BOTH
    assert sport["match_basis"] == "similar name (1.00)"
    assert sport["program_previous"] == "Pembinaan Olah Raga"


def test_programs_of_one_year_are_kept_not_dropped(programs):
    assert programs.loc["lama", "presence"] == cmp.ONLY_PREVIOUS
    assert programs.loc["baru", "presence"] == cmp.ONLY_CURRENT
    assert programs.loc["baru", "program"] == "Baru"
    assert pd.isna(programs.loc["baru", "anggaran_previous"])
    assert len(programs) == 5


def test_a_flagged_row_keeps_its_allocation_but_has_no_absorption(programs):
    road = programs.loc["jalan"]
    assert road["anggaran_previous"] == 10.0 and road["flagged_rows_previous"] == 1
    assert pd.isna(road["absorption_pct_previous"])
    assert road["absorption_pct_current"] == pytest.approx(50.0)


def test_budget_overview_sets_the_summaries_side_by_side():
    before = dict.fromkeys(cmp.BUDGET_MEASURES, 1.0) | {"weighted_pct": 70.0}
    after = dict.fromkeys(cmp.BUDGET_MEASURES, 3.0) | {"weighted_pct": 64.5}
    table = cmp.budget_overview(before, after).set_index("measure")
    assert list(table.index) == list(cmp.BUDGET_MEASURES)
    assert table.loc["weighted_pct", "change"] == pytest.approx(-5.5)
    assert table.loc["anggaran", "change"] == 2.0


def trajectories(rows: list[tuple], end: int) -> pd.DataFrame:
    """`rpjmd_trajectories` rows: (id, polarity, realisasi, needed_per_year, target_end)."""
    frame = pd.DataFrame(
        rows,
        columns=["indicator_id", "polarity", "realisasi", "needed_per_year", f"target_{end}"],
    )
    return frame.assign(name="x", sasaran_id="S01", capaian_status="ok")


def test_the_pace_achieved_is_set_against_the_pace_required():
    end = 2040
    before = trajectories(
        [
            ("reached", "higher", 50.0, 10.0, 100.0),
            ("fast", "higher", 50.0, 10.0, 100.0),
            ("slow", "lower", 20.0, 2.0, 10.0),
            ("worse", "higher", 50.0, 10.0, 100.0),
            ("category", "qualitative", None, None, None),
            ("no-target", "higher", 5.0, None, None),
        ],
        end,
    )
    after = trajectories(
        [
            ("reached", "higher", 101.0, -0.3, 100.0),
            ("fast", "higher", 80.0, 6.67, 100.0),
            ("slow", "lower", 19.0, 3.0, 10.0),
            ("worse", "higher", 45.0, 18.3, 100.0),
            ("category", "qualitative", None, None, None),
            ("no-target", "higher", 6.0, None, None),
        ],
        end,
    )
    pace = cmp.trajectory_pace(before, after, 2035, 2037, end).set_index("indicator_id")
    assert pace["pace"].to_dict() == {
        "category": cmp.NOT_ASSESSABLE,
        "fast": cmp.ON_PACE,
        "no-target": cmp.NOT_ASSESSABLE,
        "reached": cmp.REACHED,
        "slow": cmp.TOO_SLOW,
        "worse": cmp.NOT_IMPROVING,
    }
    assert pace.loc["fast", "achieved_per_year"] == pytest.approx(15.0)  # (80 - 50) / 2
    assert pace.loc["slow", "achieved_per_year"] == pytest.approx(0.5)  # lower is better
    assert pace.loc["fast", "required_per_year"] == 10.0  # the previous year's needed
    assert pace.loc["fast", "still_needed_per_year"] == 6.67  # the year's needed
    assert pace.loc["fast", "pace_ratio"] == pytest.approx(1.5)
    assert pace.loc["slow", "remaining"] == pytest.approx(9.0)


def test_the_pace_needs_ordered_years():
    empty = trajectories([], 2030)
    with pytest.raises(ValueError, match="ordered"):
        cmp.trajectory_pace(empty, empty, 2030, 2030, 2030)
    with pytest.raises(ValueError, match="ordered"):
        cmp.trajectory_pace(empty, empty, 2028, 2031, 2030)


# --- on the data ---------------------------------------------------------------------------------


def test_one_realisation_year_has_nothing_to_compare_with(model):
    assert previous_year(model, REPORT_YEAR) is None
    assert "previous_year" not in optional_parts(model, REPORT_YEAR)
    with pytest.raises(YearWithoutDataError, match="cannot be compared with an earlier year"):
        cmp.run_comparison(model, REPORT_YEAR)


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    return model_with_year(tmp_path_factory.mktemp("two-years"), LATER)


@pytest.fixture(scope="module")
def compared(two_years):
    return cmp.run_comparison(two_years, LATER)


def test_the_later_year_is_compared_with_the_earlier_one(two_years, compared):
    assert previous_year(two_years, LATER) == REPORT_YEAR
    assert "previous_year" in optional_parts(two_years, LATER)
    assert "previous_year" not in optional_parts(two_years, REPORT_YEAR)
    assert (compared.year, compared.previous_year) == (LATER, REPORT_YEAR)


def test_capaian_comes_from_each_years_own_analysis(two_years, compared):
    """Nothing is recomputed: every figure is the one `run_analysis` gives for its year."""
    before, after = run_analysis(two_years, REPORT_YEAR), run_analysis(two_years, LATER)
    table = compared.indicators.set_index("indicator_id")
    for analysis, suffix in ((before, "previous"), (after, "current")):
        capaian = analysis.results.set_index("indicator_id")["capaian"]
        pd.testing.assert_series_equal(
            table[f"capaian_{suffix}"], capaian, check_names=False, check_dtype=False
        )
    overall = compared.overall.iloc[0]
    assert overall["mean_previous"] == pytest.approx(before.overall["mean"].iloc[0])
    assert overall["mean_current"] == pytest.approx(after.overall["mean"].iloc[0])
    budget = compared.budget.set_index("measure")
    assert budget.loc["weighted_pct", "previous"] == before.absorption_summary["weighted_pct"]


def test_both_years_use_the_same_options(two_years):
    bounded = cmp.run_comparison(two_years, LATER, AnalysisOptions(cap=100.0))
    assert bounded.previous.options.cap == bounded.current.options.cap == 100.0
    assert bounded.indicators["capaian_previous"].max() <= 100.0


def test_the_made_up_years_renamed_program_shows_in_one_year_each(compared):
    programs = compared.programs.set_index("program")
    assert programs.loc[NEW_PROGRAM, "presence"] == cmp.ONLY_CURRENT
    assert (programs["presence"] == cmp.ONLY_PREVIOUS).sum() == 1
    # the made-up year prints realisations at 93 % of the base year's, targets unchanged
    readings = compared.indicators.set_index("indicator_id")["reading"]
    assert readings["S01.I02"] == cmp.IMPROVED  # lower is better: 9 -> 8,37
    assert readings["S01.I10"] == cmp.WORSENED  # higher is better: 40 -> 37,2
