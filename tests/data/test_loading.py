"""Broken copies of a dataset fail loudly, naming the file, the row and the column."""

from __future__ import annotations

import shutil

import pytest

from binjai_analysis.data import load_dataset
from binjai_analysis.data.loading import read_dataset
from binjai_analysis.data.schemas import MACRO_SERIES
from binjai_analysis.errors import DataError
from binjai_analysis.paths import DATASETS_DIR

ORIGINAL = (DATASETS_DIR / "macro_series.csv").read_text(encoding="utf-8")


def broken_copy(tmp_path, text):
    path = tmp_path / "macro_series.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"Dataset file not found: .*nothing\.csv"):
        read_dataset(tmp_path / "nothing.csv", MACRO_SERIES)


def test_missing_column_is_named(tmp_path):
    lines = [line.split(",", 2) for line in ORIGINAL.splitlines()]
    text = "\n".join(f"{cells[0]},{cells[2]}" for cells in lines)  # drop `indicator`
    path = broken_copy(tmp_path, text)
    with pytest.raises(DataError) as error:
        read_dataset(path, MACRO_SERIES)
    assert str(path) in str(error.value)
    assert "column 'indicator'" in str(error.value)


def test_non_numeric_value_names_row_and_column(tmp_path):
    path = broken_copy(tmp_path, ORIGINAL.replace(",6.07,", ",abc,"))
    with pytest.raises(DataError) as error:
        read_dataset(path, MACRO_SERIES)
    message = str(error.value)
    assert str(path) in message
    assert "row 2 (line 3 of the file), column 'value'" in message
    assert "'abc'" in message


def test_duplicate_id_names_both_rows(tmp_path):
    path = broken_copy(tmp_path, ORIGINAL.replace(",2014,Tabel", ",2013,Tabel", 1))
    with pytest.raises(DataError) as error:
        read_dataset(path, MACRO_SERIES)
    message = str(error.value)
    assert "row 1 (line 2 of the file), column 'year'" in message
    assert "row 2 (line 3 of the file), column 'year'" in message


def test_out_of_range_value_is_rejected(tmp_path):
    path = broken_copy(tmp_path, ORIGINAL.replace("Tabel 1.2,684,", "Tabel 1.2,0,", 1))
    with pytest.raises(DataError, match=r"row 1 .*column 'source_line'"):
        read_dataset(path, MACRO_SERIES)


def test_not_a_csv(tmp_path):
    path = tmp_path / "macro_series.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DataError, match=r"macro_series\.csv"):
        read_dataset(path, MACRO_SERIES)


def test_dangling_reference_names_file_row_and_column(tmp_path):
    copy = tmp_path / "datasets"
    shutil.copytree(DATASETS_DIR, copy)
    indicators = copy / "indicators.csv"
    lines = indicators.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",S01,", ",S99,", 1)  # data row 3 now points to no sasaran
    indicators.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_dataset("indicators", copy)
    message = str(error.value)
    assert str(indicators) in message
    assert "row 3 (line 4 of the file), column 'sasaran_id'" in message
    assert "refers to a known sasaran.sasaran_id" in message
    assert "'S99'" in message


def test_unknown_dataset_lists_the_known_ones():
    with pytest.raises(DataError, match=r"Unknown dataset 'nope'\. Known: .*budget_2018"):
        load_dataset("nope")


def test_unlinked_indicator_row_names_file_row_and_column(tmp_path):
    copy = tmp_path / "datasets"
    shutil.copytree(DATASETS_DIR, copy)
    targets = copy / "targets_pk2018.csv"
    text = targets.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    name = lines[1].split(",")[2]
    lines[1] = lines[1].replace(f",{name},", ",Indikator yang tidak ada,", 1)
    targets.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_dataset("targets_pk2018", copy)
    message = str(error.value)
    assert str(targets) in message
    assert "row 1 (line 2 of the file), column 'indicator_name'" in message
    assert "'Indikator yang tidak ada'" in message


def test_alias_to_an_unknown_indicator_is_dangling(tmp_path):
    copy = tmp_path / "datasets"
    shutil.copytree(DATASETS_DIR, copy)
    aliases = copy / "indicator_aliases.csv"
    lines = aliases.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",S01.I01,", ",S01.I99,", 1)
    aliases.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_dataset("indicator_aliases", copy)
    assert "row 1 (line 2 of the file), column 'indicator_id'" in str(error.value)
    assert "refers to a known indicators.indicator_id" in str(error.value)
