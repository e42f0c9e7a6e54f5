"""What a notebook checks before it shows anything: a year given, with data, of the right kind,
and the year the notebook was prepared for."""

from __future__ import annotations

import pytest

from binjai_analysis import notebook
from binjai_analysis.errors import ParamsError, YearWithoutDataError
from tests.conftest import PLAN_YEAR, REPORT_YEAR


def test_no_year_names_the_parameter_and_the_years_with_data():
    with pytest.raises(ParamsError) as error:
        notebook.year_settings(0, {})
    message = str(error.value)
    assert "No year given (year = 0)" in message and "-p year YEAR" in message
    assert f"{REPORT_YEAR} (realisasi), {PLAN_YEAR} (rencana)" in message


def test_a_year_without_data_fails_before_any_figure():
    with pytest.raises(YearWithoutDataError) as error:
        notebook.year_settings(2030, {"year": REPORT_YEAR})
    message = str(error.value)
    assert "2030 has no data" in message and f"{REPORT_YEAR} (realisasi)" in message
    assert error.value.exit_code == 13


def test_a_year_lacking_what_its_kind_needs_names_it():
    with pytest.raises(YearWithoutDataError, match=f"an LKjIP document of {PLAN_YEAR}"):
        notebook.year_settings(PLAN_YEAR, {"year": PLAN_YEAR, "kind": "realisasi"})


def test_the_template_as_written_asks_to_be_prepared():
    with pytest.raises(ParamsError, match="template as written") as error:
        notebook.year_settings(REPORT_YEAR, {})
    assert f"binjai notebook TEMPLATE --year {REPORT_YEAR}" in str(error.value)


def test_a_notebook_prepared_for_another_year_says_so():
    with pytest.raises(ParamsError) as error:
        notebook.year_settings(PLAN_YEAR, {"year": REPORT_YEAR, "kind": "realisasi"})
    message = str(error.value)
    assert f"prepared for {REPORT_YEAR}" in message and f"but year is {PLAN_YEAR}" in message
    assert f"binjai notebook TEMPLATE --year {PLAN_YEAR}" in message


def test_the_kind_comes_from_the_data_when_not_given():
    assert notebook.year_settings(REPORT_YEAR, {"year": REPORT_YEAR}).kind == "realisasi"
    assert notebook.year_settings(PLAN_YEAR, {"caveats": ["a"]}).kind == "rencana"


def test_site_root_counts_the_way_back_from_a_page_folder(repo_paths):
    from binjai_analysis.notebook import site_root

    generated = repo_paths.generated_dir
    assert site_root(generated / "2018") == "../"
    assert site_root(generated) == ""
    assert site_root(repo_paths.book_dir / "_variants" / "uji" / "2018") == "../"
