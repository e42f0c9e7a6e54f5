from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from binjai_analysis.analysis.rating import SCALES
from binjai_analysis.analysis.year import (
    AnalysisOptions,
    macro_tables,
    run_analysis,
    run_plan_analysis,
)
from binjai_analysis.analysis.years import OPTIONAL_PARTS, optional_parts
from binjai_analysis.data.model import DataModel, load_model
from binjai_analysis.errors import YearWithoutDataError
from tests.conftest import SOURCE_ID, copy_sources


def test_run_analysis_produces_every_table(analysis):
    assert analysis.year == 2018
    assert len(analysis.results) == 112
    assert analysis.overall["indicators"].item() == 112
    assert not analysis.errata.empty and not analysis.trajectories.empty
    assert set(analysis.errata["source"]) == {SOURCE_ID}
    assert analysis.absorption_summary["excluded"] == 6  # rows 3, 41, 44, 46, 47, 81
    assert analysis.document.id == "lkjip-2018" and analysis.document.kind == "LKjIP"
    assert (analysis.period.start, analysis.period.end) == (2016, 2021)
    assert analysis.reported_average is not None and analysis.reported_average.value == 76.0
    assert analysis.average is not None and analysis.average.reported == analysis.reported_average
    assert analysis.macro is not None and analysis.growth_trend is not None


def test_run_analysis_honours_options(model, errata):
    other = run_analysis(
        model,
        2018,
        AnalysisOptions(cap=120.0, scale=SCALES.permendagri_86_2017, flagged_budget_rows="include"),
        errata=errata,
    )
    assert other.results["capaian"].max() <= 120.0
    assert set(other.results["rating"].dropna()) <= set(SCALES.permendagri_86_2017.labels)
    assert other.absorption_summary["excluded"] == 0


def test_a_year_without_data_fails(model, errata):
    with pytest.raises(YearWithoutDataError, match="LKjIP document of 2017"):
        run_analysis(model, 2017, errata=errata)


def test_macro_tables_need_the_three_series(year_data):
    series = year_data.macro_series
    assert macro_tables(series.iloc[0:0]) == (None, None)
    without_growth = series[series["indicator_id"] != "pertumbuhan_ekonomi"]
    assert macro_tables(without_growth) == (None, None)
    nominal, trend = macro_tables(series)
    assert nominal is not None and trend is not None and trend.n == 5


def test_plan_analysis(plan_analysis):
    assert plan_analysis.year == 2019 and plan_analysis.base_year == 2018
    assert plan_analysis.base.year == 2018
    assert plan_analysis.document.id == "pk-2019"
    assert not plan_analysis.target_ambition.empty and not plan_analysis.budget_change.empty


# --- made-up years (broken or edited copies of the packaged sources) ---------------------------


def made_up_model(tmp_path: Path, edit: Callable[[Path], None]) -> DataModel:
    sources = copy_sources(tmp_path / "sources")
    edit(sources / SOURCE_ID)
    return load_model(sources)


def without_rows(relative: str, column: str, value: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / relative
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert (frame[column] == value).any()
        frame[frame[column] != value].to_csv(path, index=False)

    return edit


def without_file(relative: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        (folder / relative).unlink()

    return edit


@pytest.mark.parametrize(
    ("edit", "lacking"),
    [
        pytest.param(
            without_rows("printed/reported_summary.csv", "item", "average_capaian_pct"),
            "average",
            id="no-average",
        ),
        pytest.param(without_file("printed/macro_series.csv"), "macro_series", id="no-macro"),
        pytest.param(
            without_file("curation/program_sasaran.csv"), "program_sasaran", id="no-mapping"
        ),
    ],
)
def test_a_year_without_an_optional_part_is_analysed(tmp_path, errata, edit, lacking):
    model = made_up_model(tmp_path, edit)
    assert lacking not in optional_parts(model, 2018)
    result = run_analysis(model, 2018, errata=errata)
    assert len(result.results) == 112
    assert (result.average is None) == (lacking == "average")
    assert (result.reported_average is None) == (lacking == "average")
    assert (result.macro is None and result.growth_trend is None) == (lacking == "macro_series")
    if lacking == "program_sasaran":
        assert set(result.efficiency["quadrant"]) == {"tidak lengkap"}
        assert len(result.unmapped_programs) == result.absorption_summary["programs"]
    assert set(OPTIONAL_PARTS) - {lacking, "previous_year"} <= optional_parts(model, 2018)
    assert run_plan_analysis(model, 2019).base_year == 2018


def last_year_of_the_period(folder: Path) -> None:
    """Make the LKjIP (and the year of its tables) 2021, the RPJMD 2016-2021's last year."""
    origin = folder / "origin.yaml"
    text = origin.read_text(encoding="utf-8")
    old = "    kind: LKjIP\n    year: 2018\n"
    assert old in text
    origin.write_text(text.replace(old, old.replace("2018", "2021")), encoding="utf-8")
    for table in ("lkjip_results", "lkjip_result_summary"):
        path = folder / "printed" / f"{table}.csv"
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame["year"] = frame["year"].replace("2018", "2021")
        frame.to_csv(path, index=False)


def test_the_last_year_of_the_plan_period_can_be_analysed(tmp_path, errata):
    model = made_up_model(tmp_path, last_year_of_the_period)
    result = run_analysis(model, 2021, errata=errata)
    assert result.year == 2021 and result.period.end == 2021
    assert len(result.results) == 112
    # In the period's last year only "end target reached or not" is judged.
    assert result.trajectories["needed_per_year"].isna().all()
    assert set(result.trajectories["status"]) <= {
        "on track",
        "at risk",
        "off track",
        "not assessable",
    }


def test_default_options_bound_capaian_on_both_sides_and_keep_flagged_rows_in_pefa(analysis):
    assert (analysis.options.cap, analysis.options.floor) == (120.0, 0.0)
    assert analysis.options.ordinal == "met"
    assert analysis.results["capaian"].dropna().between(0, 120).all()
    heads = analysis.pefa_heads
    assert heads["programs"].sum() == len(analysis.absorption)  # flagged rows included
    assert heads["residual"].sum() == 1
