"""Broken copies of a source's tables fail loudly, naming the file, the row and the column."""

from __future__ import annotations

from pathlib import Path

import pytest

from binjai_analysis.data.loading import check_dataset, read_dataset
from binjai_analysis.data.model import load_model
from binjai_analysis.data.printed import TABLES, load_tables, unknown_files
from binjai_analysis.data.problems import describe_problems
from binjai_analysis.data.schemas import LKJIP_BUDGET, MACRO_SERIES
from binjai_analysis.data.sources import discover_sources
from binjai_analysis.errors import DataError
from binjai_analysis.paths import SOURCES_DIR
from tests.conftest import SOURCE_ID, copy_sources
from tests.data.test_validate import drop_column, edit_cell

PRINTED = SOURCES_DIR / SOURCE_ID / "printed"
ORIGINAL = (PRINTED / "macro_series.csv").read_text(encoding="utf-8")


def broken_copy(tmp_path: Path, text: str, name: str = "printed/macro_series.csv"):
    """A copied sources folder whose file `name` (of the one source) holds `text`."""
    copy = copy_sources(tmp_path / "s")
    path = copy / SOURCE_ID / name
    path.write_text(text, encoding="utf-8")
    return copy, path


def edited_copy(tmp_path: Path, name: str, line: int, old: str, new: str):
    """A copied sources folder with `old` replaced by `new` on `line` (0: header) of `name`."""
    copy = copy_sources(tmp_path / "s")
    path = copy / SOURCE_ID / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line], (old, lines[line])
    lines[line] = lines[line].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
    return copy, path


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"Dataset file not found: .*nothing\.csv"):
        read_dataset(tmp_path / "nothing.csv", MACRO_SERIES)


def test_every_table_of_the_packaged_source_loads(source, printed):
    assert set(load_tables(source)) == set(printed)
    assert set(printed) == set(TABLES)  # the vendored source holds every kind of table
    assert unknown_files(source) == []


def test_missing_column_is_named(tmp_path):
    lines = [line.split(",", 2) for line in ORIGINAL.splitlines()]
    text = "\n".join(f"{cells[0]},{cells[2]}" for cells in lines)  # drop `indicator`
    copy, path = broken_copy(tmp_path, text)
    with pytest.raises(DataError) as error:
        load_model(copy)
    assert str(path) in str(error.value)
    assert "column 'indicator'" in str(error.value)


def test_non_numeric_value_names_file_row_and_column(tmp_path):
    copy, path = broken_copy(tmp_path, ORIGINAL.replace(",6.07,", ",abc,"))
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert str(path) in message
    assert "row 2 (line 3 of the file), column 'value'" in message
    assert "'abc'" in message


def test_duplicate_id_names_both_rows(tmp_path):
    copy, _ = broken_copy(tmp_path, ORIGINAL.replace(",2014,Tabel", ",2013,Tabel", 1))
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert "row 1 (line 2 of the file), column 'year'" in message
    assert "row 2 (line 3 of the file), column 'year'" in message


def test_out_of_range_value_is_rejected(tmp_path):
    copy, _ = broken_copy(tmp_path, ORIGINAL.replace("Tabel 1.2,684,", "Tabel 1.2,0,", 1))
    with pytest.raises(DataError, match=r"row 1 .*column 'source_line'"):
        load_model(copy)


def test_not_a_csv(tmp_path):
    copy = copy_sources(tmp_path / "s")
    path = copy / SOURCE_ID / "printed" / "macro_series.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DataError, match=r"Cannot read dataset .*macro_series\.csv"):
        load_model(copy)


def test_a_table_in_parts_is_read_as_one(tmp_path):
    copy = copy_sources(tmp_path / "s")
    whole = copy / SOURCE_ID / "printed" / "macro_series.csv"
    header, *rows = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    (whole.parent / "macro_series_a.csv").write_text(header + "".join(rows[:7]), encoding="utf-8")
    (whole.parent / "macro_series_b.csv").write_text(header + "".join(rows[7:]), encoding="utf-8")
    whole.unlink()
    source = discover_sources(copy)[SOURCE_ID]
    loaded = load_tables(source)["macro_series"]
    assert loaded.equals(read_dataset(PRINTED / "macro_series.csv", MACRO_SERIES))


def test_a_broken_part_is_named(tmp_path):
    copy = copy_sources(tmp_path / "s")
    whole = copy / SOURCE_ID / "printed" / "macro_series.csv"
    header, *rows = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    part = whole.parent / "macro_series_b.csv"
    (whole.parent / "macro_series_a.csv").write_text(header + "".join(rows[:7]), encoding="utf-8")
    part.write_text(header + "".join(rows[7:]).replace(",", ";", 1), encoding="utf-8")
    whole.unlink()
    with pytest.raises(DataError) as error:
        load_model(copy)
    assert str(part) in str(error.value)
    assert "row 1 (line 2 of the file), column 'indicator_id'" in str(error.value)  # of the part


def test_a_misnamed_table_file_is_reported(tmp_path):
    copy = copy_sources(tmp_path / "s")
    printed = copy / SOURCE_ID / "printed"
    (printed / "macro_series.csv").rename(printed / "macro_serie.csv")
    source = discover_sources(copy)[SOURCE_ID]
    assert unknown_files(source) == [printed / "macro_serie.csv"]
    assert "macro_series" not in load_tables(source)


def test_dangling_reference_names_file_row_and_column(tmp_path):
    copy, indicators = edited_copy(tmp_path, "printed/indicators.csv", 3, ",S01,", ",S99,")
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert str(indicators) in message
    assert "row 3 (line 4 of the file), column 'sasaran_id'" in message
    assert "'S99'" in message


def test_unlinked_indicator_row_names_file_row_and_column(tmp_path):
    name = "Opini BPK terhadap laporan keuangan daerah"
    copy, targets = edited_copy(
        tmp_path, "printed/lkjip_agreement_targets.csv", 1, f",{name},", ",Indikator tiada,"
    )
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert str(targets) in message
    assert str(copy / SOURCE_ID / "curation" / "indicator_aliases.csv") in message
    assert "row 1 (line 2 of the file), column 'indicator_name'" in message
    assert "'Indikator tiada'" in message


def test_alias_to_an_unknown_indicator_is_refused(tmp_path):
    copy, _ = edited_copy(tmp_path, "curation/indicator_aliases.csv", 1, ",S01.I01,", ",S01.I99,")
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert SOURCE_ID in message and "indicator_aliases.csv" in message
    assert "S01.I99" in message
    assert "not an indicator of plan period rpjmd-2016-2021" in message


def test_alias_to_an_unknown_indicator_names_file_row_and_column(tmp_path):
    copy, aliases = edited_copy(
        tmp_path, "curation/indicator_aliases.csv", 1, ",S01.I01,", ",S01.I99,"
    )
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert str(aliases) in message
    assert "row 1 (line 2 of the file), column 'indicator_id'" in message


def test_every_schema_failure_is_reported_not_only_twenty(tmp_path):
    path = tmp_path / "lkjip_budget.csv"
    path.write_bytes((SOURCES_DIR / SOURCE_ID / "printed" / "lkjip_budget.csv").read_bytes())
    for row in range(1, 31):
        edit_cell(path, row, "value", "banyak")
    frame, problems = check_dataset(path, LKJIP_BUDGET)
    assert [p.row for p in problems] == list(range(1, 31))
    assert len(frame) == 486 - 30  # the rows that validate are kept for the other checks
    assert list(frame.index[:2]) == [30, 31]  # ... at their own positions
    with pytest.raises(DataError) as error:
        read_dataset(path, LKJIP_BUDGET)
    assert str(error.value) == describe_problems(f"Dataset {path} failed validation:", problems)
    assert "... and 10 more" in str(error.value)


def test_a_table_that_fails_as_a_whole_is_none(tmp_path):
    path = tmp_path / "macro_series.csv"
    path.write_bytes((SOURCES_DIR / SOURCE_ID / "printed" / "macro_series.csv").read_bytes())
    drop_column(path, "indicator")
    frame, problems = check_dataset(path, MACRO_SERIES)
    assert frame is None
    assert [(p.row, p.column, p.line) for p in problems] == [(0, "indicator", 1)]
