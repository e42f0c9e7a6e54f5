from __future__ import annotations

from binjai_analysis.data.dictionary import (
    DICTIONARY_PATH,
    data_dictionary,
    data_dictionary_markdown,
)
from binjai_analysis.data.registry import DATASETS


def test_every_dataset_and_column_is_described():
    table = data_dictionary()
    assert set(table["dataset"]) == set(DATASETS)
    assert (table["description"].str.len() > 0).all(), table[table["description"] == ""]
    for name, dataset in DATASETS.items():
        assert list(table.loc[table["dataset"] == name, "column"]) == list(dataset.schema.columns)


def test_committed_dictionary_is_current():
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == data_dictionary_markdown(), (
        "Regenerate it: python -m binjai_analysis.data.dictionary"
    )
