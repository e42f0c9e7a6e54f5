"""Results by agency: its own indicators, joint ones counted for each agency, the share met."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import agency as ag
from tests.conftest import REPORT_YEAR


@pytest.fixture(scope="module")
def profiles(model, analysis):
    return ag.agency_profiles(model, {REPORT_YEAR: analysis})


def test_every_curated_agency_has_a_profile(model, profiles):
    assert list(profiles) == list(dict.fromkeys(model["agencies"]["agency_id"]))


def test_an_agency_holds_the_indicators_its_printed_text_names(model, profiles):
    links = model["indicator_agencies"]
    for agency, profile in profiles.items():
        expected = set(links.loc[links["agency_id"] == agency, "indicator_id"])
        assert set(profile.indicators["indicator_id"]) == expected, agency


def test_a_joint_indicator_counts_for_each_agency_and_names_the_others(profiles):
    health = profiles["dinas-kesehatan"].indicators.set_index("indicator_id")
    stats = profiles["bps"].indicators.set_index("indicator_id")
    assert "S07.I02" in health.index and "S07.I02" in stats.index
    assert health.loc["S07.I02", "joint_with"] == "Badan Pusat Statistik"
    assert stats.loc["S07.I02", "joint_with"] == "Dinas Kesehatan"


def test_the_summary_counts_measured_and_met_indicators(profiles, analysis):
    profile = profiles["dinas-kesehatan"]
    results = analysis.results[
        analysis.results["indicator_id"].isin(profile.indicators["indicator_id"])
    ]
    measured = results[results["capaian"].notna()]
    (row,) = profile.summary.to_dict("records")
    assert row["year"] == REPORT_YEAR and row["indicators"] == len(profile.indicators)
    assert row["measured"] == len(measured) and row["met"] == int(measured["met"].sum())
    assert row["share_met"] == pytest.approx(row["met"] / row["measured"] * 100)


def test_a_year_with_nothing_measured_has_no_share():
    results = pd.DataFrame(
        {"year": [2018], "indicator_id": ["X"], "capaian": [pd.NA], "met": [False]}
    )
    (row,) = ag.agency_summary(results, 1).to_dict("records")
    assert row["measured"] == 0 and row["share_met"] is None


def test_without_analysed_years_an_agency_keeps_its_indicators(model):
    profile = ag.agency_profiles(model, {})["dinas-kesehatan"]
    assert len(profile.indicators) and profile.results.empty and profile.summary.empty
    assert len(ag.agency_table(profile)) == len(profile.indicators)


def test_every_linked_indicator_names_its_agencies(model):
    found = ag.indicator_agencies(model)
    assert ("bappeda", "Badan Perencanaan Pembangunan Daerah") in found["S07.I05"]
    assert {a for a, _ in found["S07.I05"]} == {"bappeda", "bps"}
