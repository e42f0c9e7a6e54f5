"""Which years the data holds, and what each year's data is: selection on the packaged source,
and the messages for a year whose data is incomplete (on broken copies of the sources)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from binjai_analysis.analysis import years
from binjai_analysis.analysis.years import (
    OPTIONAL_PARTS,
    PLAN,
    REALISATION,
    PlanYear,
    RealisationYear,
    base_year,
    check_year,
    framework_for,
    kind_of,
    optional_parts,
    plan_year,
    plan_years,
    realisation_year,
    realisation_years,
)
from binjai_analysis.data.model import DataModel, load_model
from binjai_analysis.errors import YearWithoutDataError
from tests.conftest import PLAN_YEAR, REPORT_YEAR, SOURCE_ID, copy_sources

LAST_LINE = (
    "Add the missing data (see README, 'Adding a year'), or set 'kind' in the year's params "
    "file to what the data holds. Figures of other years are never used instead."
)


# --- broken copies of the packaged sources ----------------------------------------------------


def made_up_model(tmp_path: Path, *edits: Callable[[Path], None]) -> DataModel:
    """The packaged sources copied to `tmp_path`, each edit applied to the source's folder."""
    sources = copy_sources(tmp_path / "sources")
    for edit in edits:
        edit(sources / SOURCE_ID)
    return load_model(sources)


def delete(relative: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        (folder / relative).unlink()

    return edit


def keep_rows(relative: str, keep: Callable[[pd.DataFrame], pd.Series]) -> Callable[[Path], None]:
    """Keep only the rows of a CSV file of the source for which `keep` is true."""

    def edit(folder: Path) -> None:
        path = folder / relative
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame[keep(frame)].to_csv(path, index=False)

    return edit


def edit_origin(old: str, new: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / "origin.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not in origin.yaml once"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


LKJIP_YEAR = "    kind: LKjIP\n    year: 2018\n"
PK_YEAR = "    kind: PK\n    year: 2019\n"
PERIOD = "  start: 2016\n  end: 2021\n"


def missing_message(error: pytest.ExceptionInfo[YearWithoutDataError]) -> list[str]:
    """The lines of a YearWithoutDataError that name what is missing."""
    return [line for line in str(error.value).splitlines() if line.startswith("  - ")]


# --- the years the packaged data holds ----------------------------------------------------------


def test_years_of_the_packaged_data(model):
    assert realisation_years(model) == [REPORT_YEAR]
    assert plan_years(model) == [PLAN_YEAR]


@pytest.mark.parametrize(
    ("year", "kind"),
    [(2018, REALISATION), (2019, PLAN), (2017, None), (2020, None), (2021, None)],
)
def test_kind_of(model, year, kind):
    assert kind_of(model, year) == kind


def test_kinds_are_the_document_kinds():
    assert (REALISATION, PLAN) == ("realisasi", "rencana")
    assert years.KIND_DOCUMENT == {REALISATION: "LKjIP", PLAN: "PK"}


def test_a_year_with_an_lkjip_and_a_pk_is_a_realisation_year(tmp_path):
    model = made_up_model(tmp_path, edit_origin(PK_YEAR, PK_YEAR.replace("2019", "2018")))
    assert realisation_years(model) == plan_years(model) == [2018]
    assert kind_of(model, 2018) == REALISATION
    assert kind_of(model, 2019) is None


def test_base_year(model):
    assert base_year(model, 2019) == 2018
    assert base_year(model, 2025) == 2018
    assert base_year(model, 2018) is None  # strictly before
    assert base_year(model, 2019, [2016, 2017, 2019, 2020]) == 2017
    assert base_year(model, 2019, []) is None


@pytest.mark.parametrize("year", [2016, 2018, 2021])
def test_framework_covers_the_plan_period(model, year):
    framework = framework_for(model, year)
    assert framework is not None
    assert framework.period.id == "rpjmd-2016-2021"
    assert (framework.period.start, framework.period.end) == (2016, 2021)
    declared = framework_for(model, year, SOURCE_ID)
    assert declared is not None and declared.period == framework.period
    pd.testing.assert_frame_equal(declared.indicators, framework.indicators)


@pytest.mark.parametrize("year", [2015, 2022])
def test_no_framework_outside_the_plan_period(model, year):
    assert framework_for(model, year) is None
    assert framework_for(model, year, SOURCE_ID) is None


# --- a realisation year: its own rows only ------------------------------------------------------


def test_realisation_year_document_and_framework(year_data):
    assert isinstance(year_data, RealisationYear)
    assert year_data.year == 2018
    document = year_data.document
    assert (document.id, document.kind, document.year) == ("lkjip-2018", "LKjIP", 2018)
    assert (document.source, document.source_title) == (SOURCE_ID, "LKjIP Kota Binjai 2018")
    framework = year_data.framework
    assert framework.period.title == "RPJMD Kota Binjai 2016–2021"
    sizes = [len(getattr(framework, name)) for name in ("misi", "tujuan", "sasaran")]
    assert sizes == [5, 7, 14]
    assert framework.indicators["indicator_id"].is_unique
    assert set(framework.sasaran["period"]) == {"rpjmd-2016-2021"}


def test_realisation_year_results_are_the_lkjip_tables_of_the_year(model, year_data):
    results = year_data.results
    assert len(results) == 449
    assert set(results["basis"]) == {"lkjip_table"}
    assert set(results["year"]) == {2018}
    assert set(results["document"]) == {"lkjip-2018"}
    # the same tables print earlier years too; those rows are left out
    values = model["indicator_values"]
    printed = values[values["printed_table"] == "lkjip_results"]
    assert set(printed["year"]) > {2018}
    assert len(printed) > len(results)
    summary = year_data.summary_table
    assert len(summary) == 256
    assert set(summary["basis"]) == {"lkjip_summary"} and set(summary["year"]) == {2018}


def test_realisation_year_rpjmd_targets_span_the_period(year_data):
    targets = year_data.rpjmd_targets
    assert set(targets["basis"]) == {"rpjmd"}
    assert set(targets["year"]) == set(range(2016, 2022))


def test_realisation_year_budget_is_the_lkjip_budget(year_data):
    budget = year_data.budget
    assert set(budget["printed_table"]) == {"lkjip_budget"}
    assert set(budget["phase"]) == {"anggaran", "realisasi"}  # never the PK's plan
    assert set(budget["measure"]) == {"anggaran", "realisasi", "persen"}
    assert len(budget) == 486
    items = set(year_data.budget_totals["item"])
    assert {"budget_table_jumlah_anggaran", "ikhtisar_pagu"} <= items
    assert "pk_jumlah_anggaran" not in items  # the PK's total belongs to the plan year


def test_realisation_year_tables_of_its_document(year_data):
    for name in (
        "budget_totals",
        "budget_narrative",
        "reported_summary",
        "rating_scale",
        "macro_series",
    ):
        table = getattr(year_data, name)
        assert not table.empty, name
        assert set(table["document"]) == {"lkjip-2018"}, name
    programs = year_data.program_sasaran
    assert len(programs) == 132
    assert "source" not in programs
    assert {"program", "sasaran_no", "basis"} <= set(programs.columns)


def test_two_sources_of_a_year_the_first_in_id_order_is_read(tmp_path):
    sources = copy_sources(tmp_path / "sources")
    shutil.copytree(sources / SOURCE_ID, sources / "aaa-copy")
    edit_origin(f"id: {SOURCE_ID}\n", "id: aaa-copy\n")(sources / "aaa-copy")
    edit_origin("short_title: LKjIP Kota Binjai 2018", "short_title: Salinan")(sources / "aaa-copy")
    model = load_model(sources)
    data = realisation_year(model, 2018)
    assert (data.document.source, data.document.source_title) == ("aaa-copy", "Salinan")
    assert set(data.results["source"]) == {"aaa-copy"}
    assert len(data.results) == 449  # not both sources' rows
    assert set(data.budget["source"]) == {"aaa-copy"}
    assert len(data.program_sasaran) == 132


# --- a plan year -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan(model) -> PlanYear:
    return plan_year(model, PLAN_YEAR)


def test_plan_year_selection(plan):
    assert isinstance(plan, PlanYear)
    assert plan.year == 2019
    document = plan.document
    assert (document.id, document.kind, document.year) == ("pk-2019", "PK", 2019)
    assert plan.framework.period.id == "rpjmd-2016-2021"
    assert len(plan.targets) == 138
    assert set(plan.targets["basis"]) == {"pk"} and set(plan.targets["year"]) == {2019}
    assert set(plan.targets["document"]) == {"pk-2019"}  # not the PK 2018 printed in the LKjIP
    assert len(plan.budget) == 142
    assert set(plan.budget["phase"]) == {"plan"}
    assert set(plan.budget["printed_table"]) == {"pk_budget"}
    assert list(plan.budget_totals["item"]) == ["pk_jumlah_anggaran"]


def test_plan_year_is_read_against_the_latest_earlier_realisation_year(model, plan):
    assert isinstance(plan.base, RealisationYear)
    assert plan.base.year == 2018
    assert plan.base.document.id == "lkjip-2018"
    assert plan_year(model, PLAN_YEAR, [2018]).base.year == 2018


def test_check_year_dispatches_on_the_kind(model):
    assert isinstance(check_year(model, 2018, REALISATION), RealisationYear)
    assert isinstance(check_year(model, 2019, PLAN), PlanYear)
    with pytest.raises(YearWithoutDataError, match="an LKjIP document of 2019"):
        check_year(model, 2019, REALISATION)
    with pytest.raises(YearWithoutDataError, match=r"Perjanjian Kinerja \(PK\) document of 2018"):
        check_year(model, 2018, PLAN)
    with pytest.raises(YearWithoutDataError, match="a realisation year before 2019"):
        check_year(model, 2019, PLAN, [])


# --- optional parts ------------------------------------------------------------------------------


def test_optional_parts_of_the_packaged_years(model):
    assert set(OPTIONAL_PARTS) == {"average", "macro_series", "program_sasaran", "previous_year"}
    assert optional_parts(model, 2018) == set(OPTIONAL_PARTS) - {"previous_year"}  # the first
    assert optional_parts(model, 2019) == set()  # a plan year has none
    assert optional_parts(model, 2017) == set()  # no document at all


def test_optional_parts_say_where_they_come_from():
    assert "printed/reported_summary.csv" in OPTIONAL_PARTS["average"]
    assert "printed/macro_series.csv" in OPTIONAL_PARTS["macro_series"]
    assert "curation/program_sasaran.csv" in OPTIONAL_PARTS["program_sasaran"]
    assert "an earlier realisation year" in OPTIONAL_PARTS["previous_year"]


def blank_average(folder: Path) -> None:
    path = folder / "printed" / "reported_summary.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert (frame["item"] == "average_capaian_pct").any()
    frame.loc[frame["item"] == "average_capaian_pct", "value"] = ""
    frame.to_csv(path, index=False)


@pytest.mark.parametrize(
    ("edit", "lacking"),
    [
        pytest.param(
            keep_rows("printed/reported_summary.csv", lambda f: f["item"] != "average_capaian_pct"),
            "average",
            id="no-average-row",
        ),
        pytest.param(blank_average, "average", id="average-without-value"),
        pytest.param(delete("printed/reported_summary.csv"), "average", id="no-summary"),
        pytest.param(delete("printed/macro_series.csv"), "macro_series", id="no-macro"),
        pytest.param(
            keep_rows(
                "printed/macro_series.csv", lambda f: f["indicator_id"] != "pdrb_per_kapita_adhk"
            ),
            "macro_series",
            id="macro-without-adhk",
        ),
        pytest.param(
            delete("curation/program_sasaran.csv"), "program_sasaran", id="no-program-sasaran"
        ),
    ],
)
def test_a_year_lacking_an_optional_part(tmp_path, edit, lacking):
    model = made_up_model(tmp_path, edit)
    assert optional_parts(model, 2018) == set(OPTIONAL_PARTS) - {lacking, "previous_year"}
    realisation_year(model, 2018)  # an optional part missing does not fail the year


# --- a year whose data is incomplete ---------------------------------------------------------


def test_a_year_without_a_document(model):
    with pytest.raises(YearWithoutDataError) as error:
        realisation_year(model, 2017)
    assert str(error.value).splitlines()[0] == (
        "2017 cannot be shown as a 'realisasi' year; the data lacks:"
    )
    assert missing_message(error) == [
        "  - an LKjIP document of 2017 (expected in a source whose origin.yaml lists a document "
        "of kind LKjIP, year 2017)"
    ]
    assert str(error.value).splitlines()[-1] == LAST_LINE
    with pytest.raises(YearWithoutDataError) as error:
        plan_year(model, 2020)
    assert missing_message(error) == [
        "  - a Perjanjian Kinerja (PK) document of 2020 (expected in a source whose origin.yaml "
        "lists a document of kind PK, year 2020)"
    ]


def test_year_without_data_error_exit_code():
    assert YearWithoutDataError.exit_code == 13


def test_a_year_without_its_budget(tmp_path):
    model = made_up_model(tmp_path, delete("printed/lkjip_budget.csv"))
    with pytest.raises(YearWithoutDataError) as error:
        realisation_year(model, 2018)
    assert str(error.value).startswith("2018 cannot be shown as a 'realisasi' year")
    assert missing_message(error) == [
        "  - the program budget (anggaran) of 2018 (expected in printed/lkjip_budget.csv "
        "(measure anggaran))",
        "  - the realisation of the program budget of 2018 (expected in "
        "printed/lkjip_budget.csv (measure realisasi))",
    ]
    # the document is still there: the year is still a realisation year, and incomplete
    assert kind_of(model, 2018) == REALISATION


def test_a_year_without_its_budget_realisation(tmp_path):
    model = made_up_model(
        tmp_path, keep_rows("printed/lkjip_budget.csv", lambda f: f["measure"] != "realisasi")
    )
    with pytest.raises(YearWithoutDataError) as error:
        realisation_year(model, 2018)
    (line,) = missing_message(error)
    assert "the realisation of the program budget of 2018" in line
    assert "printed/lkjip_budget.csv (measure realisasi)" in line


def test_a_year_without_its_targets(tmp_path):
    model = made_up_model(
        tmp_path, keep_rows("printed/lkjip_results.csv", lambda f: f["measure"] != "target")
    )
    with pytest.raises(YearWithoutDataError) as error:
        realisation_year(model, 2018)
    (line,) = missing_message(error)
    assert "indicator targets for 2018" in line
    assert "printed/lkjip_results.csv (measure target, year 2018)" in line


def test_a_year_without_results_names_targets_and_realisations(tmp_path):
    model = made_up_model(tmp_path, delete("printed/lkjip_results.csv"))
    with pytest.raises(YearWithoutDataError) as error:
        realisation_year(model, 2018)
    lines = missing_message(error)
    assert len(lines) == 2
    assert "indicator targets for 2018" in lines[0]
    assert "indicator realisations for 2018" in lines[1]


def test_a_year_whose_report_prints_other_years_only(tmp_path):
    """An LKjIP of 2020 whose tables print 2018: the 2018 figures are not used for 2020."""
    model = made_up_model(tmp_path, edit_origin(LKJIP_YEAR, LKJIP_YEAR.replace("2018", "2020")))
    assert realisation_years(model) == [2020]
    with pytest.raises(YearWithoutDataError) as error:
        realisation_year(model, 2020)
    lines = missing_message(error)
    assert len(lines) == 2
    assert "indicator targets for 2020" in lines[0] and "year 2020" in lines[0]
    assert "indicator realisations for 2020" in lines[1]


def test_a_year_outside_its_plan_period(tmp_path):
    model = made_up_model(tmp_path, edit_origin(PERIOD, "  start: 2012\n  end: 2017\n"))
    with pytest.raises(YearWithoutDataError) as error:
        realisation_year(model, 2018)
    (line,) = missing_message(error)
    assert "a plan period (RPJMD) covering 2018 with its framework" in line
    with pytest.raises(YearWithoutDataError) as error:
        plan_year(model, 2019)
    (line,) = missing_message(error)
    assert "a plan period (RPJMD) covering 2019 with its framework" in line


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        pytest.param(
            delete("printed/pk_targets.csv"),
            "the PK's indicator targets for 2019 (expected in printed/pk_targets.csv)",
            id="no-pk-targets",
        ),
        pytest.param(
            delete("printed/pk_budget.csv"),
            "the PK's program budget for 2019 (expected in printed/pk_budget.csv)",
            id="no-pk-budget",
        ),
    ],
)
def test_a_plan_year_without_its_pk_figures(tmp_path, edit, named):
    model = made_up_model(tmp_path, edit)
    assert kind_of(model, 2019) == PLAN
    with pytest.raises(YearWithoutDataError) as error:
        plan_year(model, 2019)
    assert str(error.value).startswith("2019 cannot be shown as a 'rencana' year")
    assert missing_message(error) == [f"  - {named}"]
    realisation_year(model, 2018)  # the realisation year is not affected


def test_a_plan_year_without_a_base_year(tmp_path):
    """The only LKjIP is of a later year: nothing to read the 2019 plan against."""
    model = made_up_model(tmp_path, edit_origin(LKJIP_YEAR, LKJIP_YEAR.replace("2018", "2020")))
    assert base_year(model, 2019) is None
    with pytest.raises(YearWithoutDataError) as error:
        plan_year(model, 2019)
    assert missing_message(error) == [
        "  - a realisation year before 2019 to read the plan against (expected in an LKjIP of "
        "an earlier year (with its params file))"
    ]


def test_a_plan_year_without_a_realisation_year_being_built(model):
    with pytest.raises(YearWithoutDataError) as error:
        plan_year(model, 2019, realised=[])
    (line,) = missing_message(error)
    assert "a realisation year before 2019" in line


def test_everything_missing_is_named_at_once(tmp_path):
    model = made_up_model(
        tmp_path,
        delete("printed/pk_targets.csv"),
        delete("printed/pk_budget.csv"),
        edit_origin(LKJIP_YEAR, LKJIP_YEAR.replace("2018", "2020")),
    )
    with pytest.raises(YearWithoutDataError) as error:
        plan_year(model, 2019)
    lines = missing_message(error)
    assert len(lines) == 3
    assert [("targets" in lines[0]), ("budget" in lines[1]), ("before 2019" in lines[2])] == [
        True
    ] * 3
