"""The curated output quantities of a source (`curation/output_quantities.csv`): loaded and
validated like the other curated tables, every figure printed at its line, every cost a printed
budget figure of the program it names."""

from __future__ import annotations

import pytest

from binjai_analysis.analysis.audit.notes import note_findings
from binjai_analysis.analysis.budget import normalise_program
from binjai_analysis.analysis.unit_cost import OUTPUT_COLUMNS, cost_keys
from binjai_analysis.data import schemas
from binjai_analysis.data.dictionary import data_dictionary_markdown
from binjai_analysis.data.model import load_model
from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.data.printed import TABLES
from binjai_analysis.data.provenance import raw_is_at_line, rows_not_in_source
from binjai_analysis.data.validate import validate_path
from binjai_analysis.errors import DataError
from tests.conftest import SOURCE_ID, copy_sources


@pytest.fixture(scope="module")
def outputs(printed):
    return printed["output_quantities"]


def test_output_quantities_is_a_curated_table_of_the_source(source, outputs):
    table = TABLES["output_quantities"]
    assert table.folder == "curation"
    assert table.schema is schemas.OUTPUT_QUANTITIES
    assert table.files(source) == [source.curation_dir / "output_quantities.csv"]
    assert list(outputs.columns) == list(schemas.OUTPUT_QUANTITIES.columns)
    assert "curated by hand" in table.description.lower()
    assert "## `output_quantities`" in data_dictionary_markdown()


def test_every_raw_is_printed_at_its_source_line(source, outputs):
    lines = source.lines
    for raw, line in zip(outputs["raw"], outputs["source_line"], strict=True):
        assert raw_is_at_line(raw, int(line), lines), (raw, line, lines[line - 1])
    assert rows_not_in_source(outputs, lines).empty


def test_the_raw_check_fires_on_a_wrong_line(source, outputs):
    moved = outputs.assign(source_line=outputs["source_line"] + 2)
    assert len(rows_not_in_source(moved, source.lines)) > 0


def test_every_value_is_what_its_raw_reads(outputs):
    for raw, style, value in zip(
        outputs["raw"], outputs["number_style"], outputs["value"], strict=True
    ):
        expected = parse_figure(raw, style=style).value if style else None
        assert (expected is None and value != value) or expected == value, (raw, value)


def test_each_output_describes_itself_the_same_on_every_measure(outputs):
    assert not outputs.duplicated(["output_id", "measure"]).any()
    for output_id, rows in outputs.groupby("output_id"):
        assert len(rows[OUTPUT_COLUMNS].drop_duplicates()) == 1, output_id
        assert set(rows["measure"]) <= {"target", "realisasi"}
        assert rows["value"].notna().any(), output_id  # at least one figure is printed


def test_every_cost_line_is_a_printed_anggaran_of_the_program_named(printed, outputs):
    tables = {
        "budget_narrative": printed["budget_narrative"],
        "lkjip_budget": printed["lkjip_budget"],
    }
    for _, row in outputs.drop_duplicates("output_id").iterrows():
        frame = tables[row["cost_dataset"]]
        named = (
            row["program"] if row["cost_dataset"] == "budget_narrative" else row["budget_program"]
        )
        programs = [name.strip() for name in named.split(";")]
        lines = cost_keys(row["cost_lines"])
        assert len(programs) == len(lines), row["output_id"]
        for program, line in zip(programs, lines, strict=True):
            found = frame[(frame["source_line"] == line) & (frame["measure"] == "anggaran")]
            assert len(found) == 1, (row["output_id"], line)
            assert found["program"].iloc[0] == program, (row["output_id"], program)


def test_every_budget_program_is_a_row_of_the_budget_table(printed, outputs):
    table = {normalise_program(name) for name in printed["lkjip_budget"]["program"]}
    for names in outputs["budget_program"].drop_duplicates():
        for name in filter(None, (part.strip() for part in names.split(";"))):
            assert normalise_program(name) in table, name


def test_every_quantity_lies_in_the_lkjip_document(source, outputs, year_data):
    for line in outputs["source_line"]:
        assert source.document_of_line(int(line)).id == year_data.document.id


def test_notes_describe_no_error_of_the_source(outputs):
    """The audit turns notes that describe an error into errata; these describe readings."""
    assert [note for note in outputs["parse_note"] if note_findings(note)] == []


def test_the_canonical_table_places_each_row_in_its_document(model, outputs):
    table = model["output_quantities"]
    assert list(table.columns[:3]) == ["source", "document", "document_year"]
    assert len(table) == len(outputs)
    assert set(table["source"]) == {SOURCE_ID}


def break_outputs(tmp_path, column: str, value: str):
    copy = copy_sources(tmp_path / "s")
    path = copy / SOURCE_ID / "curation" / "output_quantities.csv"
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = text[0].rstrip("\n").split(",")
    cells = text[1].rstrip("\n").split(",")
    cells[header.index(column)] = value
    text[1] = ",".join(cells) + "\n"
    path.write_text("".join(text), encoding="utf-8")
    return copy, path


def test_a_raw_not_printed_at_its_line_is_reported(tmp_path):
    copy, path = break_outputs(tmp_path, "source_line", "5")
    report = validate_path(copy / SOURCE_ID)
    assert any(
        problem.file == path
        and problem.column == "raw"
        and "not printed at line 5" in problem.message
        for problem in report.errors
    )
    assert not validate_path(copy_sources(tmp_path / "clean") / SOURCE_ID).errors


def test_an_unknown_kind_of_output_fails_to_load(tmp_path):
    copy, _ = break_outputs(tmp_path, "output_kind", "maybe")
    with pytest.raises(DataError, match="output_kind"):
        load_model(copy)
