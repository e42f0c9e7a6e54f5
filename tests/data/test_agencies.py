"""Agencies: every printed responsible-agency text is read, and a reading names a known agency."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data.agencies import source_agency_problems


def _tables(model, source_id):
    return dict(model.printed[source_id])


def test_every_indicator_that_names_an_agency_is_linked_to_one(model):
    indicators = model["indicators"]
    named = indicators[indicators["agency"].fillna("").str.strip() != ""]
    links = model["indicator_agencies"]
    assert set(named["indicator_id"]) == set(links["indicator_id"])
    assert set(links["agency_id"]) <= set(model["agencies"]["agency_id"])


def test_a_joint_entry_links_every_agency_it_names(model):
    links = model["indicator_agencies"]
    joint = links[links["printed"] == "BAPPEDA, BPS"]
    per_indicator = joint.groupby("indicator_id")["agency_id"].apply(set)
    assert len(per_indicator) and all(ids == {"bappeda", "bps"} for ids in per_indicator)


def test_a_typo_reads_as_the_agency_it_means(model):
    links = model["indicator_agencies"].set_index("printed")
    assert set(links.loc[["Dinas Pendidkan"], "agency_id"]) == {"dinas-pendidikan"}


def test_an_agency_text_no_curation_reads_is_an_error_at_its_row_and_column(model, source):
    tables = _tables(model, source.id)
    indicators = tables["indicators"].copy()
    indicators.loc[3, "agency"] = "Dinas Baru"
    problems = source_agency_problems(source, {**tables, "indicators": indicators})
    (problem,) = problems
    assert problem.severity == "error" and problem.column == "agency"
    assert problem.file.name == "indicators.csv" and problem.row == 4
    assert "'Dinas Baru'" in problem.message


def test_a_reading_naming_an_unknown_agency_is_an_error(model, source):
    tables = _tables(model, source.id)
    readings = tables["indicator_agencies"].copy()
    readings.loc[0, "agency_id"] = "dinas-tidak-ada"
    (problem,) = source_agency_problems(source, {**tables, "indicator_agencies": readings})
    assert problem.file.name == "indicator_agencies.csv" and problem.column == "agency_id"
    assert problem.row == 1 and "dinas-tidak-ada" in problem.message


def test_a_source_without_readings_warns_once(model, source):
    tables = {k: v for k, v in _tables(model, source.id).items() if k != "indicator_agencies"}
    (problem,) = source_agency_problems(source, tables)
    assert problem.severity == "warning" and problem.row is None


def test_a_source_without_indicators_has_no_agency_problems(source):
    assert source_agency_problems(source, {"agencies": pd.DataFrame()}) == []
