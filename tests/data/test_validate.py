"""`binjai validate`'s checks: every problem of a copy of the sources, each with its file, row
and column, errors apart from warnings; the packaged data is usable."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import yaml

from binjai_analysis.data.problems import ERROR, WARNING, Problem
from binjai_analysis.data.sources import ORIGIN_FILE
from binjai_analysis.data.validate import ensure_usable, validate_path
from binjai_analysis.data.validate.figures import (
    duplicate_problems,
    range_problems,
    year_problems,
)
from binjai_analysis.data.validate.units import spelling, unit_kinds
from binjai_analysis.errors import DataError
from binjai_analysis.paths import SOURCES_DIR
from tests.conftest import SOURCE_ID, copy_sources

# --- seeding problems into a copy of the sources -----------------------------------------------


def edit_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set `column` of data row `row` (1-based) of a CSV file to `value`."""
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        fields, rows = reader.fieldnames, list(reader)
    rows[row - 1][column] = value
    write_rows(path, list(fields or []), rows)


def write_rows(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def drop_column(path: Path, column: str) -> None:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        fields, rows = [f for f in reader.fieldnames or [] if f != column], list(reader)
    write_rows(path, fields, [{k: v for k, v in row.items() if k != column} for row in rows])


def repeat_row(path: Path, row: int) -> int:
    """Append a copy of data row `row`; returns the new row's number."""
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        fields, rows = list(reader.fieldnames or []), list(reader)
    write_rows(path, fields, [*rows, rows[row - 1]])
    return len(rows) + 1


@dataclass(frozen=True)
class Seed:
    """One problem seeded into a copy: where it must be reported, and with which words."""

    what: str
    file: str
    row: int | None
    column: str | None
    severity: str
    words: str

    def found_in(self, problems: list[Problem], root: Path) -> bool:
        return any(
            p.file == root / SOURCE_ID / self.file
            and p.row == self.row
            and p.column == self.column
            and p.severity == self.severity
            and self.words in p.message
            for p in problems
        )


def seed_problems(copy: Path) -> list[Seed]:
    """Seed 14 different problems into the copied source; return where each must be named."""
    folder = copy / SOURCE_ID
    printed, curation = folder / "printed", folder / "curation"
    edit_cell(printed / "lkjip_budget.csv", 1, "value", "sembilan")
    drop_column(printed / "macro_series.csv", "indicator")
    edit_cell(curation / "indicator_aliases.csv", 1, "indicator_id", "S01.I99")
    edit_cell(printed / "lkjip_agreement_targets.csv", 1, "indicator_name", "Indikator tiada")
    edit_cell(printed / "population_kecamatan.csv", 1, "source_line", "640")
    edit_cell(printed / "lkjip_result_summary.csv", 1, "year", "2017")
    edit_cell(printed / "rpjmd_targets.csv", 29, "year", "2016")  # row 28 is 2016's, 25 %
    edit_cell(printed / "pk_budget.csv", 1, "value", "-116213990636.0")
    edit_cell(printed / "lkjip_results.csv", 3, "value", "5000.0")
    origin = yaml.safe_load((folder / ORIGIN_FILE).read_text(encoding="utf-8"))
    origin["sha256"] = "0" * 64
    (folder / ORIGIN_FILE).write_text(yaml.safe_dump(origin, allow_unicode=True), "utf-8")
    edit_cell(curation / "program_sasaran.csv", 4, "sasaran_no", "99")
    edit_cell(printed / "pk_targets.csv", 1, "unit", "kilogram per detik")
    repeated = repeat_row(printed / "budget_narrative.csv", 1)
    edit_cell(printed / "reported_summary.csv", 1, "source_line", "24598")
    return [
        Seed("non-numeric value", "printed/lkjip_budget.csv", 1, "value", ERROR, "sembilan"),
        Seed("missing column", "printed/macro_series.csv", 0, "indicator", ERROR, "column_in"),
        Seed(
            "unknown indicator in an alias",
            "curation/indicator_aliases.csv",
            1,
            "indicator_id",
            ERROR,
            "'S01.I99'",
        ),
        Seed(
            "printed name without alias",
            "printed/lkjip_agreement_targets.csv",
            1,
            "indicator_name",
            ERROR,
            "'Indikator tiada'",
        ),
        Seed(
            "raw not at its line",
            "printed/population_kecamatan.csv",
            1,
            "raw",
            ERROR,
            "is not printed at line 640",
        ),
        Seed(
            "year outside its document",
            "printed/lkjip_result_summary.csv",
            1,
            "year",
            ERROR,
            "year 2017, but its document lkjip-2018 is of 2018",
        ),
        Seed(
            "duplicate figure", "printed/rpjmd_targets.csv", 29, "value", WARNING, "repeats row 28"
        ),
        Seed("negative anggaran", "printed/pk_budget.csv", 1, "value", WARNING, "is negative"),
        Seed("capaian of 5000 %", "printed/lkjip_results.csv", 3, "value", WARNING, "capaian 5000"),
        Seed("bad sha256", ORIGIN_FILE, None, "sha256", ERROR, "has sha256"),
        Seed(
            "sasaran not in the framework",
            "curation/program_sasaran.csv",
            4,
            "sasaran_no",
            ERROR,
            "not a sasaran",
        ),
        Seed("unknown unit", "printed/pk_targets.csv", 1, "unit", WARNING, "unknown unit"),
        Seed("exact repeat", "printed/budget_narrative.csv", repeated, "program", ERROR, "exactly"),
        Seed(
            "line in no document",
            "printed/reported_summary.csv",
            1,
            "source_line",
            ERROR,
            "lies in no document",
        ),
    ]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, list[Seed]]:
    """A copy of the sources with 14 different problems seeded into it."""
    copy = copy_sources(tmp_path_factory.mktemp("seeded") / "sources")
    return copy, seed_problems(copy)


# --- the packaged data ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean_report():
    return validate_path(SOURCES_DIR)


def test_the_packaged_data_is_usable(clean_report):
    assert clean_report.errors == []
    assert clean_report.errata is not None and not clean_report.errata.empty
    assert clean_report.sources == [SOURCE_ID]


def test_the_warnings_of_the_packaged_data_are_the_sources_own_oddities(clean_report):
    messages = [p.message for p in clean_report.warnings]
    assert any("capaian 1867 %" in m for m in messages)  # printed so in Tabel 3.x
    assert any("46.0 times its anggaran" in m for m in messages)  # Tabel 3.18, row_seq 44
    assert any("'%/ tahun'" in m and "S07.I24" in m for m in messages)  # UHH is in years
    assert {p.check for p in clean_report.warnings} <= {"range", "unit", "duplicate"}


def test_the_report_has_one_line_per_problem_and_a_count(clean_report):
    lines = clean_report.lines()
    assert sum(line.startswith("WARNING ") for line in lines) == len(clean_report.warnings)
    assert lines[-1].startswith(f"0 error(s), {len(clean_report.warnings)} warning(s)")
    assert any(line.startswith("Audit: ") for line in lines)


# --- every seeded problem, in one run -------------------------------------------------------


def test_every_seeded_problem_is_reported_in_one_run(seeded):
    copy, seeds = seeded
    report = validate_path(copy)
    missing = [seed.what for seed in seeds if not seed.found_in(report.problems, copy)]
    assert missing == []
    assert len({seed.what for seed in seeds}) >= 10
    assert report.errata is None  # the audit waits for the errors to be fixed


def test_a_source_folder_is_checked_among_the_folders_beside_it(tmp_path):
    sources = copy_sources(tmp_path / "sources")
    neighbour = sources / "lkjip-binjai-2019"
    (neighbour / "printed").mkdir(parents=True)
    (neighbour / "curation").mkdir()
    origin = yaml.safe_load((sources / SOURCE_ID / ORIGIN_FILE).read_text(encoding="utf-8"))
    origin.update(id=neighbour.name, text=None, sha256=None, test_data=True)
    origin["documents"] = [{"id": "lkjip-2019", "kind": "LKjIP", "year": 2019, "title": "Uji"}]
    (neighbour / ORIGIN_FILE).write_text(yaml.safe_dump(origin, allow_unicode=True), "utf-8")
    links = neighbour / "curation" / "program_sasaran.csv"
    links.write_text(
        (sources / SOURCE_ID / "curation" / "program_sasaran.csv").read_text(encoding="utf-8")
    )
    edit_cell(links, 4, "sasaran_no", "99")  # linked against the 2018 source's framework
    edit_cell(sources / SOURCE_ID / "printed" / "macro_series.csv", 1, "value", "x")

    report = validate_path(neighbour)

    assert [(p.file, p.row, p.column) for p in report.errors] == [(links, 4, "sasaran_no")]
    assert report.sources == [neighbour.name]


def test_a_broken_origin_file_is_reported_not_raised(tmp_path):
    copy = copy_sources(tmp_path / "sources")
    origin = copy / SOURCE_ID / ORIGIN_FILE
    origin.write_text(origin.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    report = validate_path(copy)
    assert [(p.file, p.check) for p in report.errors] == [(origin, "origin")]
    assert "colour" in report.errors[0].message


def test_years_must_fit_the_document_and_the_plan_period(source, printed):
    targets = printed["rpjmd_targets"].copy()
    targets.loc[3, "year"] = 2025
    results = printed["lkjip_results"].copy()
    results.loc[0, "year"] = 2019
    problems = year_problems(source, {"rpjmd_targets": targets, "lkjip_results": results})
    messages = {(p.file.name, p.row): p.message for p in problems}
    assert messages == {
        ("rpjmd_targets.csv", 4): "year 2025 is outside the plan period rpjmd-2016-2021",
        ("lkjip_results.csv", 1): "year 2019 is after its document lkjip-2018 (2018)",
    }


def test_a_report_table_must_lie_in_a_document_of_its_kind(source, printed):
    budget = printed["pk_budget"].copy()
    budget.loc[0, "source_line"] = 100  # inside the LKjIP
    problems = year_problems(source, {"pk_budget": budget})
    assert [(p.row, p.column) for p in problems] == [(1, "source_line")]
    assert "lies in lkjip-2018 (LKjIP), but pk_budget is printed in a PK document" in (
        problems[0].message
    )


def test_implausible_figures_are_warnings(source, printed):
    budget = printed["lkjip_budget"].copy()
    budget.loc[budget["measure"] == "persen", "value"] = 10.0
    budget.loc[2, "value"] = 180.0  # row_seq 1's printed %
    problems = range_problems(source, {"lkjip_budget": budget})
    assert {p.severity for p in problems} == {WARNING}
    assert any(p.row == 3 and "absorption 180 %" in p.message for p in problems)


def test_the_same_figure_printed_twice_is_no_problem_another_value_is(source, printed):
    targets = printed["pk_targets"]
    assert duplicate_problems(source, {"pk_targets": targets}) == [
        p
        for p in duplicate_problems(source, {"pk_targets": targets})
        if "bersanitasi" in p.message  # the source prints 14.7 twice, with 94 and 20.91
    ]
    budget = pd.concat([printed["lkjip_budget"], printed["lkjip_budget"].iloc[[0]]])
    budget = budget.reset_index(drop=True)
    budget.loc[len(budget) - 1, "source_line"] = 1  # the same row_seq and measure again
    problems = duplicate_problems(source, {"lkjip_budget": budget})
    assert [(p.severity, p.row) for p in problems] == [(ERROR, len(budget))]


def test_unit_spellings_are_compared_loosely():
    kinds = unit_kinds()
    assert kinds[spelling("Rp. Triliun")] == kinds[spelling("Juta Rupiah")] == "rupiah"
    assert kinds[spelling("(%)")] == "percent"
    assert spelling("kilogram per detik") not in kinds


def test_build_checks_fail_with_the_whole_report(seeded):
    copy, seeds = seeded
    with pytest.raises(DataError) as error:
        ensure_usable(copy)
    message = str(error.value)
    for seed in seeds:
        assert str(copy / SOURCE_ID / seed.file) in message, seed.what


def test_build_checks_pass_warnings_on(clean_report):
    shown: list[str] = []
    ensure_usable(SOURCES_DIR, warn=shown.append)
    assert shown == [p.report_line() for p in clean_report.warnings]
