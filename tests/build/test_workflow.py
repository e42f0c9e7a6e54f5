"""`resolve_kinds`: each year's kind comes from the data, and a year the data cannot show is
refused, naming what is missing, before any notebook runs."""

from __future__ import annotations

import pytest

from binjai_analysis.build.workflow import latest_realisation, resolve_kinds
from binjai_analysis.errors import YearWithoutDataError
from binjai_analysis.params import YearParams, load_all_params
from tests.conftest import PLAN_YEAR, REPORT_YEAR


def params(**kinds: str | None) -> dict[int, YearParams]:
    """Params per year, e.g. params(y2018=None, y2019="rencana")."""
    return {int(key[1:]): YearParams(year=int(key[1:]), kind=kind) for key, kind in kinds.items()}


def test_the_kind_is_derived_from_the_data(model):
    resolved = resolve_kinds(params(y2018=None, y2019=None), model)
    assert {year: s.kind for year, s in resolved.items()} == {
        REPORT_YEAR: "realisasi",
        PLAN_YEAR: "rencana",
    }


def test_a_stated_kind_the_data_holds_is_kept(model):
    resolved = resolve_kinds(params(y2018="realisasi", y2019="rencana"), model)
    assert resolved[PLAN_YEAR].kind == "rencana"
    assert resolved[PLAN_YEAR].year == PLAN_YEAR


def test_the_shipped_params_resolve(repo_paths, model):
    settings = load_all_params(repo_paths.params_dir)
    resolved = resolve_kinds(settings, model)
    assert [s.kind for s in resolved.values()] == ["realisasi", "rencana"]
    assert latest_realisation(resolved).year == REPORT_YEAR


def test_a_year_with_no_document_is_refused(model):
    with pytest.raises(YearWithoutDataError) as error:
        resolve_kinds(params(y2018=None, y2020=None), model)
    message = str(error.value)
    assert "params for 2020: the data holds no document of 2020" in message
    assert f"LKjIP years: {REPORT_YEAR}" in message
    assert f"Perjanjian Kinerja years: {PLAN_YEAR}" in message


def test_a_realisation_year_without_data_is_refused(model):
    with pytest.raises(YearWithoutDataError) as error:
        resolve_kinds(params(y2020="realisasi"), model)
    assert "2020 cannot be shown as a 'realisasi' year" in str(error.value)
    assert "an LKjIP document of 2020" in str(error.value)


def test_realisasi_for_a_plan_year_names_the_missing_document(model):
    """The source prints only the Perjanjian Kinerja of 2019: its figures are plans, and the
    2018 report's figures are never shown as if they were 2019's."""
    with pytest.raises(YearWithoutDataError) as error:
        resolve_kinds(params(y2018=None, y2019="realisasi"), model)
    message = str(error.value)
    assert "2019 cannot be shown as a 'realisasi' year; the data lacks:" in message
    assert "an LKjIP document of 2019" in message
    assert "document of kind LKjIP, year 2019" in message


def test_rencana_for_a_realisation_year_names_the_missing_agreement(model):
    with pytest.raises(YearWithoutDataError) as error:
        resolve_kinds(params(y2018="rencana"), model)
    assert "a Perjanjian Kinerja (PK) document of 2018" in str(error.value)


def test_a_plan_year_run_on_its_own_is_read_against_the_earlier_realisation_year(model):
    resolved = resolve_kinds(params(y2019=None), model)
    assert resolved[PLAN_YEAR].kind == "rencana"
