from __future__ import annotations

from binjai_analysis.data.canonical import CANONICAL_DESCRIPTIONS
from binjai_analysis.data.dictionary import (
    DICTIONARY_COLUMNS,
    DICTIONARY_PATH,
    data_dictionary,
    data_dictionary_markdown,
)
from binjai_analysis.data.printed import TABLES


def test_every_printed_table_and_column_is_described():
    table = data_dictionary()
    assert list(table.columns) == DICTIONARY_COLUMNS
    assert DICTIONARY_COLUMNS[0] == "layer"
    assert set(table["layer"]) == {"printed", "curation"}
    assert set(table["dataset"]) == set(TABLES)
    assert (table["description"].str.len() > 0).all(), table[table["description"] == ""]
    for name, described in TABLES.items():
        rows = table[table["dataset"] == name]
        assert list(rows["column"]) == list(described.schema.columns)
        assert set(rows["layer"]) == {described.folder}
        assert set(rows["files"]) == {f"{described.folder}/{name}.csv"}


def test_every_canonical_table_and_column_is_described(model):
    table = data_dictionary(model.tables)
    canonical = table[table["layer"] == "canonical"]
    assert set(canonical["dataset"]) == set(model.tables) == set(CANONICAL_DESCRIPTIONS)
    for name, frame in model.tables.items():
        assert list(canonical.loc[canonical["dataset"] == name, "column"]) == list(frame.columns)
    assert (canonical["description"].str.len() > 0).all(), canonical[canonical["description"] == ""]
    assert len(table) == len(data_dictionary()) + len(canonical)


def test_committed_dictionary_is_current():
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == data_dictionary_markdown(), (
        "Regenerate it: python -m binjai_analysis.data.dictionary"
    )
