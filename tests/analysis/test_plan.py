from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.performance import indicator_results
from binjai_analysis.analysis.plan import (
    BOTH,
    ONLY_BASE,
    ONLY_PLAN,
    budget_change,
    plan_totals,
    target_ambition,
)


@pytest.fixture(scope="module")
def plan(plan_analysis):
    """The plan year's data (PK 2019) and its base year's data (LKjIP 2018)."""
    return plan_analysis.data


def test_target_ambition_reads_polarity(plan):
    base = plan.base
    results = indicator_results(base.results, base.framework)
    table = target_ambition(plan.targets, results).set_index("indicator_id")
    spip = table.loc["S01.I10"]  # realised 40, PK 2019 target 75, higher is better
    assert (spip["direction"], spip["ambition"]) == ("naik", "lebih ambisius")
    assert (spip["target_plan_raw"], spip["target_plan"]) == ("75", 75.0)
    pegawai = table.loc["S01.I12"]  # realised 45 %, target 46,2, lower is better
    assert (pegawai["direction"], pegawai["ambition"]) == ("naik", "kurang ambisius")
    akip = table.loc["S01.I09"]  # realised CC, target B: one rank up
    assert akip["ambition"] == "lebih ambisius"


def test_plan_analysis_reads_the_plan_against_its_base_year(plan_analysis):
    assert (plan_analysis.year, plan_analysis.base_year) == (2019, 2018)
    assert plan_analysis.document.kind == "PK"
    table = plan_analysis.target_ambition.set_index("indicator_id")
    assert table.loc["S01.I10", "ambition"] == "lebih ambisius"


def test_budget_change_matches_programs(plan):
    table = budget_change(plan.base.budget, plan.budget).set_index("program_key")
    office = table.loc["pelayanan administrasi perkantoran"]
    assert office["match"] == BOTH == "both years"
    assert office["change_vs_anggaran_base"] == pytest.approx(
        office["anggaran_plan"] - office["anggaran_base"]
    )
    assert set(table["match"]) == {BOTH, ONLY_BASE, ONLY_PLAN}
    assert (ONLY_BASE, ONLY_PLAN) == ("only base", "only plan")
    assert table.loc[table["match"] == ONLY_BASE, "anggaran_plan"].isna().all()
    assert table.loc[table["match"] == ONLY_PLAN, "anggaran_base"].isna().all()
    similar = table[table["match_basis"].str.startswith("similar")]
    assert not similar.empty
    assert (table.loc[table["match"] != BOTH, "match_basis"] == "unmatched").all()


def test_plan_totals_against_the_printed_jumlah(plan, plan_analysis):
    totals = plan_totals(plan.budget, plan.budget_totals)
    assert list(totals["total"]) == ["all_rows", "rows_without_duplicates", "printed_jumlah"]
    rows = totals.set_index("total")
    assert rows.loc["printed_jumlah", "anggaran"] == pytest.approx(892_972_708_788.0)
    assert rows.loc["all_rows", "anggaran"] == pytest.approx(828_845_708_778.0)
    assert rows.loc["all_rows", "anggaran_minus_printed_jumlah"] == pytest.approx(-64_127_000_010.0)
    assert rows.loc[["all_rows", "rows_without_duplicates"], "rows"].tolist() == [142, 141]
    pd.testing.assert_frame_equal(plan_analysis.totals, totals)


def test_plan_totals_without_a_printed_jumlah(plan):
    totals = plan_totals(plan.budget, plan.budget_totals.iloc[0:0]).set_index("total")
    assert totals.loc["all_rows", "anggaran"] == pytest.approx(828_845_708_778.0)
    assert pd.isna(totals.loc["printed_jumlah", "anggaran"])
    assert totals["anggaran_minus_printed_jumlah"].isna().all()
